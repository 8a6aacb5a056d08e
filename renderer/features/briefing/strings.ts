/** Dashboard, presentation and briefing texts (zh-CN default, en); merged into the app's resources under `briefing.`. */
export const briefingStrings = {
  zh: {
    title: '总览',
  },
  en: {
    title: 'Overview',
  },
};
