import { DomainError, FieldProblem, FieldProblems } from '@yvc/core';
import { makeIin } from './iin';
import { checkBirthDateAndIin, checkPassword, normalizeEmail, normalizeFullName } from './person.rules';

/** Runs a rule on fresh FieldProblems and returns what throwIfAny() reports ([] when nothing). */
function problemsOf(rule: (problems: FieldProblems) => unknown): FieldProblem[] {
  const problems = new FieldProblems();
  rule(problems);
  try {
    problems.throwIfAny();
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    return (err as DomainError).fields;
  }
  return [];
}

describe('checkBirthDateAndIin', () => {
  // 11:00 on 15 June 2026 in Almaty
  const NOW = new Date('2026-06-15T06:00:00Z');

  it.each([
    ['2012-06-15', 14, 'turns 14 today'],
    ['1990-06-16', 35, 'turns 36 tomorrow'],
    ['2000-01-01', 26, 'well inside the range'],
  ])('accepts %s (age %i: %s)', (birthDate, age) => {
    let result: number | null = null;
    expect(problemsOf((p) => (result = checkBirthDateAndIin(birthDate, null, NOW, p)))).toEqual([]);
    expect(result).toBe(age);
  });

  it.each([
    ['2012-06-16', 13, 'turns 14 tomorrow'],
    ['1990-06-15', 36, 'turns 36 today'],
    ['2026-06-15', 0, 'born today'],
  ])('rejects %s as out of range (age %i: %s) but still returns the age', (birthDate, age) => {
    let result: number | null = null;
    expect(problemsOf((p) => (result = checkBirthDateAndIin(birthDate, null, NOW, p)))).toEqual([
      { field: 'birthDate', key: 'validation.ageOutOfRange', params: { min: 14, max: 35 } },
    ]);
    expect(result).toBe(age);
  });

  it('rejects a birth date in the future', () => {
    let result: number | null = 0;
    expect(problemsOf((p) => (result = checkBirthDateAndIin('2026-06-16', null, NOW, p)))).toEqual([
      { field: 'birthDate', key: 'validation.birthDateInFuture' },
    ]);
    expect(result).toBeNull();
  });

  it.each([
    ['2006-02-29', 'no 29 Feb in 2006'],
    ['2004-13-01', 'month 13'],
    ['2004-04-31', '31 April'],
    ['15.06.2004', 'not ISO'],
    ['2004-6-15', 'no zero padding'],
    ['', 'empty'],
  ])('rejects %j as an invalid date (%s)', (birthDate) => {
    let result: number | null = 0;
    expect(problemsOf((p) => (result = checkBirthDateAndIin(birthDate, null, NOW, p)))).toEqual([
      { field: 'birthDate', key: 'validation.invalidDate' },
    ]);
    expect(result).toBeNull();
  });

  it('accepts 29 Feb of a leap year', () => {
    expect(problemsOf((p) => checkBirthDateAndIin('2004-02-29', null, NOW, p))).toEqual([]);
  });

  describe('"today" is the calendar day in Almaty (UTC+5)', () => {
    const birthDate = '2012-03-21'; // 14th birthday on 21 March 2026

    it('counts the birthday once it is 21 March in Almaty, though still 20 March in UTC', () => {
      const now = new Date('2026-03-20T20:00:00Z'); // 01:00 on 21 March in Almaty
      let result: number | null = null;
      expect(problemsOf((p) => (result = checkBirthDateAndIin(birthDate, null, now, p)))).toEqual([]);
      expect(result).toBe(14);
    });

    it('does not count it a second before midnight in Almaty', () => {
      const now = new Date('2026-03-20T18:59:59Z'); // 23:59:59 on 20 March in Almaty
      let result: number | null = null;
      expect(problemsOf((p) => (result = checkBirthDateAndIin(birthDate, null, now, p)))).toEqual([
        expect.objectContaining({ field: 'birthDate', key: 'validation.ageOutOfRange' }),
      ]);
      expect(result).toBe(13);
    });

    it('does not call a birth date of "today in Almaty" a future date', () => {
      const now = new Date('2026-03-20T20:00:00Z');
      expect(problemsOf((p) => checkBirthDateAndIin('2026-03-21', null, now, p))).toEqual([
        expect.objectContaining({ field: 'birthDate', key: 'validation.ageOutOfRange' }),
      ]);
    });
  });

  describe('with an IIN', () => {
    const birthDate = '2000-02-29';

    it.each([null, undefined, ''])('ignores an absent IIN (%j)', (iin) => {
      expect(problemsOf((p) => checkBirthDateAndIin(birthDate, iin, NOW, p))).toEqual([]);
    });

    it('accepts an IIN that matches the birth date, with surrounding spaces', () => {
      const iin = makeIin(birthDate, 'F', 17);
      expect(problemsOf((p) => checkBirthDateAndIin(birthDate, `  ${iin} `, NOW, p))).toEqual([]);
    });

    it('rejects an IIN for another birth date', () => {
      const iin = makeIin('2000-03-01', 'F', 17);
      expect(problemsOf((p) => checkBirthDateAndIin(birthDate, iin, NOW, p))).toEqual([
        { field: 'iin', key: 'validation.iinBirthDateMismatch' },
      ]);
    });

    it.each(['061211600013', '06121160001', 'ИИН123456789'])('rejects the invalid IIN %j', (iin) => {
      expect(problemsOf((p) => checkBirthDateAndIin(birthDate, iin, NOW, p))).toEqual([
        { field: 'iin', key: 'validation.invalidIin' },
      ]);
    });

    it('reports a bad birth date and a bad IIN together, without a mismatch on top', () => {
      expect(problemsOf((p) => checkBirthDateAndIin('2006-02-29', '061211600013', NOW, p))).toEqual([
        { field: 'birthDate', key: 'validation.invalidDate' },
        { field: 'iin', key: 'validation.invalidIin' },
      ]);
      expect(problemsOf((p) => checkBirthDateAndIin('2006-02-29', '061211600012', NOW, p))).toEqual([
        { field: 'birthDate', key: 'validation.invalidDate' },
      ]);
    });
  });
});

describe('normalizeFullName', () => {
  it.each([
    ['Әсем Ғалымжанқызы', 'Әсем Ғалымжанқызы'],
    ['Қанат Өмірбеков', 'Қанат Өмірбеков'],
    ['Ұлжан Үсенова', 'Ұлжан Үсенова'],
    ['Іңкәр Һадиқызы', 'Іңкәр Һадиқызы'],
    ['ӘәҒғҚқҢңӨөҰұҮүҺһІі', 'ӘәҒғҚқҢңӨөҰұҮүҺһІі'],
    ["O'Brien", "O'Brien"],
    ['Анна-Мария', 'Анна-Мария'],
    ['J. R. R. Tolkien', 'J. R. R. Tolkien'],
    ['  Иван   Иванов  ', 'Иван Иванов'],
    ['Айгерім\t\nСәрсенова', 'Айгерім Сәрсенова'],
    ['Беи\u0306біт', 'Бейбіт'], // decomposed й becomes one NFC character
  ])('accepts %j as %j', (input, expected) => {
    let result = '';
    expect(problemsOf((p) => (result = normalizeFullName(input, p)))).toEqual([]);
    expect(result).toBe(expected);
  });

  it.each([
    ['R2D2', 'validation.invalidName'],
    ['Асан 2', 'validation.invalidName'],
    ['<b>Асан</b>', 'validation.invalidName'],
    ['Асан--Бек', 'validation.invalidName'],
    ['-Асан', 'validation.invalidName'],
    ['А', 'validation.tooShort'],
    [' А ', 'validation.tooShort'],
    ['', 'validation.required'],
    ['   ', 'validation.required'],
    ['А'.repeat(201), 'validation.tooLong'],
  ])('rejects %j with %s', (input, key) => {
    expect(problemsOf((p) => normalizeFullName(input, p))).toEqual([
      expect.objectContaining({ field: 'fullName', key }),
    ]);
  });

  it('passes min and max to the message', () => {
    expect(problemsOf((p) => normalizeFullName('Ә', p))[0].params).toEqual({ min: 2 });
    expect(problemsOf((p) => normalizeFullName('Ә'.repeat(201), p))[0].params).toEqual({ max: 200 });
    expect(problemsOf((p) => normalizeFullName('Ә'.repeat(200), p))).toEqual([]);
  });

  it.each([
    ['Te\u200Bst Name', 'zero-width space'],
    ['Иван\u200DИванов', 'zero-width joiner'],
    ['Асан \u202EнасА', 'right-to-left override'],
    ['Асан \u2066Бек\u2069', 'bidi isolate'],
    ['Ай\u00ADгерім', 'soft hyphen'],
    ['Асан\u2060Бек', 'word joiner'],
  ])('refuses format characters in %j (%s)', (input) => {
    expect(problemsOf((p) => normalizeFullName(input, p))).toEqual([
      { field: 'fullName', key: 'validation.formatCharacters' },
    ]);
  });

  it('refuses a flood of combining marks on one letter, not a few', () => {
    expect(problemsOf((p) => normalizeFullName(`Z${'\u0301'.repeat(150)}orro`, p))).toEqual([
      { field: 'fullName', key: 'validation.tooManyMarks', params: { max: 3 } },
    ]);
    expect(problemsOf((p) => normalizeFullName('Zoq\u0301\u0302\u0303\u0304ro', p))).toEqual([
      { field: 'fullName', key: 'validation.tooManyMarks', params: { max: 3 } },
    ]);
    // counted after NFC, and three on one letter stay allowed (e.g. Vietnamese or Yoruba tone marks)
    expect(problemsOf((p) => normalizeFullName('Zoq\u0301\u0302\u0303ro', p))).toEqual([]);
    expect(problemsOf((p) => normalizeFullName('Zo\u0301\u0302\u0303\u0304rro', p))).toEqual([]);
  });

  it('reports under the given field name', () => {
    expect(problemsOf((p) => normalizeFullName('R2D2', p, 'guardian.fullName'))).toEqual([
      { field: 'guardian.fullName', key: 'validation.invalidName' },
    ]);
  });
});

describe('normalizeEmail', () => {
  it.each([
    ['  Aigerim.N@Mail.KZ ', 'aigerim.n@mail.kz'],
    ['user+club@example.com', 'user+club@example.com'],
    ['ӘСЕЛ@пошта.kz', 'әсел@пошта.kz'],
    ['ａｌｉ＠ｅｘａｍｐｌｅ．ｋｚ', 'ali@example.kz'], // fullwidth lookalikes are the same address
    ['A\u030ASA@example.kz', '\u00E5sa@example.kz'], // NFKC composes A + ring
  ])('accepts %j as %j', (input, expected) => {
    let result = '';
    expect(problemsOf((p) => (result = normalizeEmail(input, p)))).toEqual([]);
    expect(result).toBe(expected);
  });

  it.each([
    ['aigerim', 'validation.invalidEmail'],
    ['a@b', 'validation.invalidEmail'],
    ['a b@mail.kz', 'validation.invalidEmail'],
    ['@mail.kz', 'validation.invalidEmail'],
    ['a@@mail.kz', 'validation.invalidEmail'],
    ['a@mail.k', 'validation.invalidEmail'],
    ['a@mail.kz;b@mail.kz', 'validation.invalidEmail'],
    ['', 'validation.required'],
    ['  ', 'validation.required'],
    [`${'a'.repeat(250)}@x.kz`, 'validation.tooLong'],
  ])('rejects %j with %s', (input, key) => {
    expect(problemsOf((p) => normalizeEmail(input, p))).toEqual([
      expect.objectContaining({ field: 'email', key }),
    ]);
  });
});

describe('checkPassword', () => {
  it.each([
    ['1234567', 'validation.passwordTooShort', { min: 8 }],
    ['😀😀😀😀', 'validation.passwordTooShort', { min: 8 }], // 8 UTF-16 units but 4 characters
    ['x'.repeat(129), 'validation.passwordTooLong', { max: 128 }],
  ])('rejects %j with %s', (password, key, params) => {
    expect(problemsOf((p) => checkPassword(password, p))).toEqual([{ field: 'password', key, params }]);
  });

  it.each(['12345678', 'құпиясөз', '😀'.repeat(8), 'x'.repeat(128)])('accepts %j', (password) => {
    expect(problemsOf((p) => checkPassword(password, p))).toEqual([]);
  });
});
