import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Catalogue, kk } from './kk';
import { loadNamespace, loadedNamespaces } from './namespaces';

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

/**
 * Kazakh is in the entry chunk (the default and the fallback); Russian and English are chunks of
 * their own, fetched only when chosen (the first load carries one catalogue, not three).
 */
const LOADERS: Record<Exclude<Lang, 'kk'>, () => Promise<Catalogue>> = {
  ru: () => import('./ru').then((m) => m.ru),
  en: () => import('./en').then((m) => m.en),
};

/** Makes `lang`'s catalogue available to i18next (fetching its chunk the first time). */
async function loadCatalogue(lang: Lang): Promise<Catalogue> {
  return lang === 'kk' ? kk : LOADERS[lang]();
}

/**
 * Switches the language: the texts, `<html lang>`, and the memory for the next visit. False (and
 * nothing changes) when the language's catalogue cannot be fetched (offline before its first use).
 */
export async function setLang(lang: Lang): Promise<boolean> {
  try {
    if (!i18next.hasResourceBundle(lang, 'translation'))
      i18next.addResourceBundle(lang, 'translation', await loadCatalogue(lang));
    // the open staff page's texts too, so the switch never shows a half-translated page
    await Promise.all(loadedNamespaces(currentLang()).map((ns) => loadNamespace(ns, lang)));
  } catch {
    return false;
  }
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // not remembered, still switched
  }
  document.documentElement.lang = lang;
  await i18next.changeLanguage(lang);
  return true;
}

export async function initI18n(): Promise<void> {
  let lng = initialLang();
  const resources: Partial<Record<Lang, { translation: Catalogue }>> = { kk: { translation: kk } };
  if (lng !== 'kk') {
    try {
      resources[lng] = { translation: await loadCatalogue(lng) };
    } catch {
      lng = 'kk'; // its chunk did not arrive (offline, a new deploy): Kazakh rather than no page
    }
  }
  document.documentElement.lang = lng;
  await startI18n(lng, resources);
}

/** i18next with these catalogues (the app at load; the build's prerender of the first screen). */
export async function startI18n(
  lng: Lang,
  resources: Partial<Record<Lang, { translation: Catalogue }>>,
): Promise<void> {
  await i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'kk',
    supportedLngs: [...LANGS],
    resources,
    interpolation: { escapeValue: false },
    keySeparator: false,
    nsSeparator: false,
    returnNull: false,
  });
}
