/** Compare scenarios texts (zh-CN default, en); merged into the app's resources under `compare.`. */
export const compareStrings = {
  zh: {
    title: '情景比较',
  },
  en: {
    title: 'Compare scenarios',
  },
};
