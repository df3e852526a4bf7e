import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Lang } from './index';

/**
 * Catalogues of the staff features (console, scanner, dashboard, administration) live next to
 * them, in `features/<feature>/i18n/{kk,ru,en}.ts` (each exporting `default`), and are fetched only
 * when one of their pages opens: a student's phone never downloads the coordinator's texts.
 * Each is an i18next namespace named after its feature folder; the keys of ru and en are checked
 * against kk by their types (`Record<keyof typeof kk, string>`) and by test/web-catalogues.e2e-spec.ts.
 */
const MODULES = import.meta.glob<{ default: Record<string, string> }>('../../features/*/i18n/{kk,ru,en}.ts');

const pending = new Map<string, Promise<void>>();

function moduleFor(ns: string, lang: Lang) {
  return MODULES[`../../features/${ns}/i18n/${lang}.ts`];
}

/** Adds `ns`'s catalogue in `lang` to i18next (once); rejects when its chunk cannot be fetched. */
export function loadNamespace(ns: string, lang: Lang): Promise<void> {
  if (i18next.hasResourceBundle(lang, ns)) return Promise.resolve();
  const key = `${lang}:${ns}`;
  let p = pending.get(key);
  if (!p) {
    const load = moduleFor(ns, lang);
    if (!load) return Promise.reject(new Error(`no catalogue ${ns}/${lang}`));
    p = load().then((m) => {
      i18next.addResourceBundle(lang, ns, m.default);
    });
    p.catch(() => pending.delete(key)); // offline: try again next time
    pending.set(key, p);
  }
  return p;
}

/** The feature namespaces loaded so far (a language switch fetches them in the new language first). */
export function loadedNamespaces(lang: Lang): string[] {
  return Object.keys(MODULES)
    .map((path) => /features\/([^/]+)\/i18n\//.exec(path)?.[1])
    .filter((ns, i, all): ns is string => !!ns && all.indexOf(ns) === i)
    .filter((ns) => i18next.hasResourceBundle(lang, ns));
}

/**
 * `useTranslation` for a feature namespace: suspends (the page's Suspense shows the loader) until
 * the namespace's catalogue in the current language has arrived. Kazakh keys of the shared
 * catalogue (`app.`, `nav.`, `errors.`...) stay reachable with `t('key', { ns: 'translation' })`.
 */
export function useFeatureTranslation(ns: string) {
  const res = useTranslation(ns);
  const lang = res.i18n.language as Lang;
  if (!res.i18n.hasResourceBundle(lang, ns)) {
    // React Suspense: thrown promises are retried when they settle
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    throw loadNamespace(ns, lang);
  }
  return res;
}
