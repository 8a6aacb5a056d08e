/** Allocate resources texts (zh-CN default, en); merged into the app's resources under `allocation.`. */
export const allocationStrings = {
  zh: {
    title: '资源配置',
  },
  en: {
    title: 'Allocate resources',
  },
};
