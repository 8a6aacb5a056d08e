/** Projects by year texts (zh-CN default, en); merged into the app's resources under `timeline.`. */
export const timelineStrings = {
  zh: {
    title: '规划项目',
  },
  en: {
    title: 'Projects by year',
  },
};
