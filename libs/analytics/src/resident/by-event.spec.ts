import { randomUUID } from 'node:crypto';
import { REG, ResidentData } from './resident-data';
import { TimeIndex } from './by-event';

describe('ByEvent', () => {
  it("keeps each event's registrants, ascending, across gaps of any size (16-bit words with escapes)", () => {
    const data = new ResidentData();
    const members = Array.from({ length: 140_000 }, () => data.member(randomUUID()));
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()].map((id) => data.event(id));
    // event a: neighbours, gaps of 0xfffe and 0xffff, and the last account; b: everyone
    // with an even number; c: nobody
    const atA = [0, 1, 5, 5 + 0xfffe, 5 + 0xfffe + 0xffff, 139_998, 139_999];
    const rows = new Map<number, number[]>();
    for (const m of atA) rows.set(m, [(a << 2) | REG.ATTENDED]);
    for (const m of members)
      if (m % 2 === 0)
        rows.set(m, [...(rows.get(m) ?? []), (b << 2) | (m % 4 === 0 ? REG.NO_SHOW : REG.REGISTERED)]);
    for (const [m, v] of rows) data.setRegistrations(m, v);
    data.buildByEvent();
    const by = data.byEvent!;

    expect(by.registrants(a)).toEqual(atA);
    expect(by.registrants(b)).toEqual(members.filter((m) => m % 2 === 0));
    expect(by.registrants(c)).toEqual([]);
    // 16-bit words: one per registrant, three for the gap of 0xffff (the one of 0xfffe fits)
    expect(by.evStart[a + 1] - by.evStart[a]).toBe(atA.length + 2);

    const stamp = new Int32Array(members.length);
    by.markRegistrants(a, stamp, 7);
    expect([...stamp.keys()].filter((m) => stamp[m] === 7)).toEqual(atA);
  });
});

describe('TimeIndex', () => {
  const HOUR = 3_600_000_000;
  // account m's rows are m*2 .. m*2+1
  const times = new Float64Array([
    0,
    3 * HOUR + 5,
    HOUR,
    Number.NaN,
    10 * HOUR - 1,
    2 * HOUR,
    -HOUR,
    Number.NaN,
  ]);
  const index = new TimeIndex(4, (m) => [m * 2, m * 2 + 2] as const, times);
  const marked = (ix: TimeIndex, a: number, b: number) => {
    const out = new Set<number>();
    ix.mark(a, b, (m) => out.add(m));
    return [...out].sort();
  };

  it('marks every account with a time in [a, b) (and perhaps others of the same hours), never a NaN', () => {
    expect(marked(index, 0, 1)).toEqual([0]);
    expect(marked(index, HOUR, HOUR + 1)).toEqual([1]);
    expect(marked(index, 3 * HOUR + 5, 3 * HOUR + 6)).toEqual([0]);
    expect(marked(index, -HOUR, 0)).toEqual([3]);
    expect(marked(index, 9 * HOUR, 20 * HOUR)).toEqual([2]);
    expect(marked(index, -100 * HOUR, 100 * HOUR)).toEqual([0, 1, 2, 3]);
    expect(marked(index, 11 * HOUR, 20 * HOUR)).toEqual([]);
    expect(marked(index, 5, 5)).toEqual([]);
  });

  it('keeps 500,000 hours apart: older times (and -Infinity) share the first, never missed', () => {
    const wide = new TimeIndex(
      4,
      (m) => [m, m + 1] as const,
      new Float64Array([0, 600_000 * HOUR, -Infinity, Infinity]),
    );
    expect(marked(wide, 0, 1)).toEqual([0, 2]);
    expect(marked(wide, -5 * HOUR, -4 * HOUR)).toEqual([0, 2]);
    expect(marked(wide, 600_000 * HOUR, 600_000 * HOUR + 1)).toEqual([1, 3]);
    expect(marked(wide, 700_000 * HOUR, 800_000 * HOUR)).toEqual([]);
    expect(marked(new TimeIndex(1, () => [0, 1] as const, new Float64Array([Number.NaN])), 0, HOUR)).toEqual(
      [],
    );
  });
});
