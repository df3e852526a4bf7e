import { FieldProblems } from '../errors/common.errors';
import { DomainError } from '../errors/domain-error';
import { MAX_MARKS_PER_LETTER, canonicalEmail, checkPlainText, plainTextProblem } from './text';

describe('plainTextProblem', () => {
  it.each([
    'Жастар форумы',
    'Форум «Сайлау — 2026»',
    'Café del Mar',
    'Беи\u0306біт', // a decomposed letter is fine: it is one mark
    'Zo\u0301\u0302\u0303rro', // three marks on one letter
    'Emoji 👍🏽 ok', // a skin-tone modifier is a symbol, not a format character
  ])('accepts %j', (text) => {
    expect(plainTextProblem(text)).toBeNull();
  });

  it.each([
    ['Te\u200Bst', 'zero-width space'],
    ['a\u200Cb', 'zero-width non-joiner'],
    ['a\u200Db', 'zero-width joiner'],
    ['a\u200Eb', 'left-to-right mark'],
    ['a\u202Eb', 'right-to-left override'],
    ['a\u2067b\u2069', 'right-to-left isolate'],
    ['a\u00ADb', 'soft hyphen'],
    ['a\uFEFFb', 'byte order mark inside'],
    ['a\u{E0001}b', 'language tag'],
  ])('refuses the format character in %j (%s)', (text) => {
    expect(plainTextProblem(text)).toEqual({ key: 'validation.formatCharacters' });
  });

  it('refuses more than MAX_MARKS_PER_LETTER combining marks on one letter', () => {
    expect(MAX_MARKS_PER_LETTER).toBe(3);
    const flood = `Z${'\u0301'.repeat(150)}`;
    expect(plainTextProblem(flood)).toEqual({ key: 'validation.tooManyMarks', params: { max: 3 } });
    expect(plainTextProblem('q\u0301\u0302\u0303\u0304')).toEqual({
      key: 'validation.tooManyMarks',
      params: { max: 3 },
    });
    // marks spread over letters are counted per letter
    expect(plainTextProblem('q\u0301\u0302\u0303a\u0301\u0302\u0303')).toBeNull();
  });

  it('adds the problem under the given field', () => {
    const problems = new FieldProblems();
    checkPlainText('a\u202Eb', problems, 'title');
    checkPlainText('fine', problems, 'venue.name');
    expect(() => problems.throwIfAny()).toThrow(DomainError);
    try {
      problems.throwIfAny();
    } catch (err) {
      expect((err as DomainError).fields).toEqual([{ field: 'title', key: 'validation.formatCharacters' }]);
    }
  });
});

describe('canonicalEmail', () => {
  it.each([
    ['  Aigerim.N@Mail.KZ ', 'aigerim.n@mail.kz'],
    ['ａｌｉ＠ｅｘａｍｐｌｅ．ｋｚ', 'ali@example.kz'],
    ['ＡＬＩ@example.kz', 'ali@example.kz'],
    ['A\u030Asa@example.kz', '\u00E5sa@example.kz'],
    ['ӘСЕЛ@пошта.kz', 'әсел@пошта.kz'],
    ['ﬁona@example.kz', 'fiona@example.kz'], // the fi ligature
  ])('%j -> %j', (input, expected) => {
    expect(canonicalEmail(input)).toBe(expected);
  });

  it('is idempotent', () => {
    for (const s of ['ａｌｉ＠ｅｘａｍｐｌｅ．ｋｚ', 'ẞtraße@example.kz', 'İstanbul@example.kz']) {
      expect(canonicalEmail(canonicalEmail(s))).toBe(canonicalEmail(s));
    }
  });
});
