/** i18next set up for the renderer: zh-CN by default, English on request, the choice kept in localStorage. */
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';
import type { TFn } from './keys.ts';

export type Lang = 'zh-CN' | 'en';
const STORAGE_KEY = 'healthplan.lang';

function savedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function initI18n(): typeof i18next {
  const lng = savedLang();
  void i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  document.documentElement.lang = lng;
  return i18next;
}

export function setLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* private mode: not remembered */
  }
  document.documentElement.lang = lang;
  void i18next.changeLanguage(lang);
}

/** `t` (typed keys: see keys.ts) plus the current language, narrowed to the two we have. */
export function useLang(): { t: TFn; lang: Lang } {
  const { t, i18n } = useTranslation();
  return { t: t as unknown as TFn, lang: i18n.language === 'en' ? 'en' : 'zh-CN' };
}
