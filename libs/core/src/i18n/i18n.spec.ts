import { LOCALES, Locale, localeFromAcceptLanguage, plural } from './locale';
import { CATALOGUES, translate } from './translate';

const PARAMS = {
  min: 8,
  max: 200,
  seconds: 30,
  errorId: 'x',
  detail: 'd',
  fields: 'a, b',
  registered: 12,
  years: 10,
  from: '01.09.2025',
  to: '31.05.2026',
  events: 40,
  participants: 2150,
  firstTimeVoters: 317,
  date: '2020-01-01',
  days: 14,
  count: 100,
};
const keysOf = (locale: Locale) => Object.keys(CATALOGUES[locale]).sort();

describe('catalogues', () => {
  it.each(['kk', 'ru'] as const)('%s has exactly the keys of en', (locale) => {
    expect(keysOf(locale)).toEqual(keysOf('en'));
  });

  it('covers every error and validation message', () => {
    expect(keysOf('en').length).toBeGreaterThan(40);
    expect(keysOf('en')).toEqual(expect.arrayContaining(['errors.INTERNAL', 'validation.required']));
  });

  const cases = LOCALES.flatMap((locale) => keysOf(locale).map((key) => [locale, key] as const));

  it.each(cases)('%s %s renders a complete, non-empty message', (locale, key) => {
    const message = translate(locale, key, PARAMS);
    expect(typeof message).toBe('string');
    expect(message.trim()).not.toBe('');
    expect(message).not.toBe(key);
    expect(message).not.toMatch(/undefined|NaN|\[object Object\]|\$\{/);
  });

  it.each(LOCALES)('%s puts the parameters into the message', (locale) => {
    expect(translate(locale, 'validation.ageOutOfRange', { min: 14, max: 35 })).toMatch(/14.*35/);
    expect(translate(locale, 'errors.INTERNAL', { errorId: 'ref-42' })).toContain('ref-42');
    expect(translate(locale, 'errors.RATE_LIMITED', { seconds: 30 })).toContain('30');
    expect(translate(locale, 'errors.TOO_MANY_REPORTS', { max: 2, count: 100 })).toMatch(/2.*100/);
  });
});

describe('translate', () => {
  it('returns the message of the locale', () => {
    expect(translate('en', 'errors.NOT_FOUND')).toBe('Not found.');
    expect(translate('kk', 'errors.NOT_FOUND')).toBe('Табылмады.');
    expect(translate('ru', 'errors.NOT_FOUND')).not.toBe('Not found.');
  });

  it('falls back to the key for an unknown key', () => {
    expect(translate('ru', 'errors.NO_SUCH_THING')).toBe('errors.NO_SUCH_THING');
    expect(translate('en', 'errors.NO_SUCH_THING', PARAMS)).toBe('errors.NO_SUCH_THING');
  });

  it('falls back to Kazakh when a locale lacks a key', () => {
    const en = CATALOGUES.en as Record<string, unknown>;
    const saved = en['errors.NOT_FOUND'];
    delete en['errors.NOT_FOUND'];
    try {
      expect(translate('en', 'errors.NOT_FOUND')).toBe('Табылмады.');
    } finally {
      en['errors.NOT_FOUND'] = saved;
    }
  });

  it.each([
    [1, '1 character'],
    [2, '2 characters'],
    [8, '8 characters'],
  ])('pluralises English: min %i -> "%s"', (min, text) => {
    expect(translate('en', 'validation.tooShort', { min })).toBe(`Must be at least ${text}.`);
  });

  it.each([
    [1, '1 символ'],
    [3, '3 символа'],
    [8, '8 символов'],
    [21, '21 символ'],
    [200, '200 символов'],
  ])('pluralises Russian: min %i -> "%s"', (min, text) => {
    expect(translate('ru', 'validation.tooShort', { min })).toContain(text);
  });
});

describe('localeFromAcceptLanguage', () => {
  it.each([
    [undefined, 'kk'],
    [null, 'kk'],
    ['', 'kk'],
    ['ru-RU,ru;q=0.9,en;q=0.8', 'ru'],
    ['de-DE, en;q=0.5', 'en'],
    ['fr', 'kk'],
    ['en;q=0, ru;q=0.1', 'ru'],
    ['ru;q=0.5, en;q=0.9', 'en'],
    ['en, ru', 'en'],
    ['EN-us', 'en'],
    ['kk-KZ,ru;q=0.8', 'kk'],
    ['*', 'kk'],
    ['ru;q=oops, en;q=0.1', 'en'],
  ])('%j -> %s', (header, locale) => {
    expect(localeFromAcceptLanguage(header)).toBe(locale);
  });
});

describe('plural', () => {
  const ru = { one: 'one', few: 'few', many: 'many', other: 'other' };

  it.each([
    [1, 'one'],
    [3, 'few'],
    [5, 'many'],
    [11, 'many'],
    [21, 'one'],
    [22, 'few'],
    [1.5, 'other'],
  ])('ru %d -> %s', (n, form) => {
    expect(plural('ru', n, ru)).toBe(form);
  });

  it.each([
    [1, 'one'],
    [2, 'other'],
    [5, 'other'],
    [21, 'other'],
  ])('kk %d -> %s', (n, form) => {
    expect(plural('kk', n, { one: 'one', other: 'other' })).toBe(form);
  });

  it('uses "other" when the selected form is missing, and "" when that is missing too', () => {
    expect(plural('ru', 3, { one: 'one', other: 'other' })).toBe('other');
    expect(plural('ru', 3, { one: 'one' })).toBe('');
  });
});
