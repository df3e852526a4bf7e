import { DomainError } from '../errors/domain-error';
import { cursorGuard, cursorInstant, cursorText, encodeCursor, isUuid, pageRequest } from './pagination';

const ID = '00000000-0000-4000-8000-000000000000';
const isTimeCursor = cursorGuard<{ c: string; i: string }>({ c: cursorInstant, i: isUuid });

function afterProblem(after: string): unknown {
  try {
    pageRequest(10, after, isTimeCursor);
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    return (err as DomainError).fields;
  }
  return null;
}

describe('cursors', () => {
  it('round-trips what encodeCursor made from a Date', () => {
    const c = new Date('2026-02-05T05:00:00.123Z').toISOString();
    expect(pageRequest(10, encodeCursor({ c, i: ID }), isTimeCursor)).toEqual({
      first: 10,
      after: { c, i: ID },
    });
  });

  it.each([
    '2026', // JavaScript reads the year alone; PostgreSQL does not
    '+275760-09-13T00:00:00.000Z', // the last date JavaScript knows
    '-000001-01-01T00:00:00.000Z',
    '0000-01-01T00:00:00.000Z', // no year 0 in PostgreSQL
    '2026-02-30T00:00:00.000Z',
    '2026-02-05',
    '2026-02-05T05:00:00Z',
    '2026-02-05T05:00:00.000+05:00',
    'Thu, 05 Feb 2026 05:00:00 GMT',
    ' 2026-02-05T05:00:00.000Z',
    '2026-02-05T24:00:00.000Z',
  ])('refuses the time %j as a field problem of `after`', (c) => {
    expect(cursorInstant(c)).toBe(false);
    expect(afterProblem(encodeCursor({ c, i: ID }))).toEqual([
      { field: 'after', key: 'validation.invalidId' },
    ]);
  });

  it('refuses other shapes', () => {
    for (const v of [null, 1, 'x', [], { c: '2026-02-05T05:00:00.000Z' }, { c: 1, i: ID }]) {
      expect(isTimeCursor(v)).toBe(false);
    }
    expect(afterProblem('not base64 json')).toEqual([{ field: 'after', key: 'validation.invalidId' }]);
  });

  it('text parts are bounded and free of NUL', () => {
    const isName = cursorGuard<{ n: string }>({ n: cursorText(200) });
    expect(isName({ n: 'Әлихан' })).toBe(true);
    expect(isName({ n: 'a'.repeat(201) })).toBe(false);
    expect(isName({ n: 'a\u0000b' })).toBe(false);
  });
});
