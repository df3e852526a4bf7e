import type { MessageParams } from '../errors/domain-error';
import type { Catalogue } from './catalogue';
import { en } from './en';
import { kk } from './kk';
import { Locale } from './locale';
import { ru } from './ru';

export const CATALOGUES: Record<Locale, Catalogue> = { kk, ru, en };

/** The message for `key` in `locale`; falls back to Kazakh, then to the key itself. */
export function translate(locale: Locale, key: string, params: MessageParams = {}): string {
  const message = CATALOGUES[locale][key] ?? CATALOGUES.kk[key];
  if (message === undefined) return key;
  return typeof message === 'function' ? message(params) : message;
}
