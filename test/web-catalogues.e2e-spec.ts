import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { en } from '../apps/web/src/shared/i18n/en';
import { kk } from '../apps/web/src/shared/i18n/kk';
import { ru } from '../apps/web/src/shared/i18n/ru';

/**
 * The web app's texts: every key of Kazakh (the default) in Russian and English, none empty, and
 * the same for every feature namespace (`apps/web/src/features/<f>/i18n/{kk,ru,en}.ts`, fetched
 * lazily by shared/i18n/namespaces.ts). Plural forms (_one, _few...) may differ by language.
 */
const base = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '');
const keysOf = (c: Record<string, string>) => [...new Set(Object.keys(c).map(base))].sort();

function expectSameKeys(name: string, catalogues: Record<string, Record<string, string>>): void {
  const want = keysOf(catalogues.kk);
  for (const [lang, cat] of Object.entries(catalogues)) {
    expect({ name, lang, keys: keysOf(cat) }).toEqual({ name, lang, keys: want });
    expect({
      name,
      lang,
      empty: Object.entries(cat)
        .filter(([, v]) => !v.trim())
        .map(([k]) => k),
    }).toEqual({
      name,
      lang,
      empty: [],
    });
  }
}

describe('web catalogues', () => {
  it('the shared catalogue has every key in kk, ru and en', () => {
    expectSameKeys('translation', { kk, ru, en });
  });

  const features = join(__dirname, '../apps/web/src/features');
  const namespaces = readdirSync(features).filter((f) => existsSync(join(features, f, 'i18n')));
  it.each(namespaces.length ? namespaces : ['(none yet)'])(
    'feature namespace %s has every key in kk, ru and en',
    (ns) => {
      if (ns === '(none yet)') return;
      const load = (lang: string) =>
        jest.requireActual<{ default: Record<string, string> }>(join(features, ns, 'i18n', `${lang}.ts`))
          .default;
      expectSameKeys(ns, { kk: load('kk'), ru: load('ru'), en: load('en') });
    },
  );
});
