import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { kk } from './kk';
import { ru } from './ru';

export type Lang = 'kk' | 'ru' | 'en';
export const LANGS: readonly Lang[] = ['kk', 'ru', 'en'];
/** Each language's name in itself (the switcher shows these, marked with their own `lang`). */
export const LANG_NAMES: Record<Lang, { short: string; name: string }> = {
  kk: { short: 'Қаз', name: 'Қазақша' },
  ru: { short: 'Рус', name: 'Русский' },
  en: { short: 'Eng', name: 'English' },
};
const STORAGE_KEY = 'yvc.lang';

const isLang = (v: unknown): v is Lang => typeof v === 'string' && (LANGS as readonly string[]).includes(v);

/** The remembered language, else Kazakh (the state language) — not the browser's, on purpose. */
export function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLang(saved)) return saved;
  } catch {
    // storage may be unavailable (private mode): Kazakh
  }
  return 'kk';
}

export function currentLang(): Lang {
  return isLang(i18next.language) ? i18next.language : 'kk';
}

/** Switches the language: the texts, `<html lang>`, and the memory for the next visit. */
export async function setLang(lang: Lang): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // not remembered, still switched
  }
  document.documentElement.lang = lang;
  await i18next.changeLanguage(lang);
}

export async function initI18n(): Promise<void> {
  const lng = initialLang();
  document.documentElement.lang = lng;
  await i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'kk',
    supportedLngs: [...LANGS],
    resources: { kk: { translation: kk }, ru: { translation: ru }, en: { translation: en } },
    interpolation: { escapeValue: false },
    keySeparator: false,
    nsSeparator: false,
    returnNull: false,
  });
}
