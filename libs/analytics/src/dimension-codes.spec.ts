import { DimensionCodes } from './dimension-codes';

describe('DimensionCodes', () => {
  it('gives every value of every dimension its own code, null included, and maps counts back', () => {
    const dims = new DimensionCodes<'club' | 'kind'>();
    const a = dims.code('club', 'c1');
    const none = dims.code('club', null);
    const forum = dims.code('kind', 'FORUM');
    const kindNone = dims.code('kind', null);
    expect(new Set([a, none, forum, kindNone]).size).toBe(4);
    expect(dims.code('club', 'c1')).toBe(a);
    const counts = dims.counts([
      { code: a, participants: 3 },
      { code: none, participants: 1 },
      { code: forum, participants: 7 },
    ]);
    expect(counts.get('club')).toEqual(
      new Map<string | null, number>([
        ['c1', 3],
        [null, 1],
      ]),
    );
    expect(counts.get('kind')).toEqual(new Map([['FORUM', 7]]));
    expect(() => dims.counts([{ code: 99, participants: 1 }])).toThrow(/unknown dimension code 99/);
  });
});
