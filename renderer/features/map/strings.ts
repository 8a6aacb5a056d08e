/** 地图与可及性 screen texts (zh-CN default, en); merged into the app's resources under `map.`. */
export const mapStrings = {
  zh: {
    loading: '正在加载地图…',
  },
  en: {
    loading: 'Loading the map…',
  },
} as const;
