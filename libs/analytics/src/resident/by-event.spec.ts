import { randomUUID } from 'node:crypto';
import { REG, ResidentData } from './resident-data';

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
