import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import * as dossier from '../pages/dossier/dossier.i18n';
import * as finance from '../pages/finance/finance.i18n';
import * as dashboard from '../pages/dashboard/dashboard.i18n';
import * as organisation from '../pages/organisation/organisation.i18n';
import { en } from './en';
import { zhCN } from './zh-CN';
import { en as peopleEn, zhCN as peopleZhCN } from '../pages/people/people.i18n';

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'jianfu.language';

export function storedLanguage(): Language {
  const stored = window.localStorage.getItem(storageKey);
  return stored === 'en' ? 'en' : 'zh-CN';
}

export function setLanguage(language: Language): void {
  window.localStorage.setItem(storageKey, language);
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': {
      translation: {
        ...zhCN,
        codes: { ...zhCN.codes, ...organisation.zhCN.codes },
        money: finance.zhCN,
        dossier: dossier.zhCN,
        dashboard: dashboard.zhCN,
        organisation: organisation.zhCN,
        people: peopleZhCN,
      },
    },
    en: {
      translation: {
        ...en,
        codes: { ...en.codes, ...organisation.en.codes },
        money: finance.en,
        dossier: dossier.en,
        dashboard: dashboard.en,
        organisation: organisation.en,
        people: peopleEn,
      },
    },
  },
  lng: storedLanguage(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
});

export { i18n };
