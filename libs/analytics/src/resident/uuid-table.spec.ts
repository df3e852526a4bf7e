import { randomUUID } from 'node:crypto';
import { UuidTable } from './uuid-table';

describe('UuidTable', () => {
  it('numbers ids densely in the order first seen, across growth, in any case', () => {
    const t = new UuidTable();
    const ids = Array.from({ length: 20_000 }, () => randomUUID());
    ids.forEach((id, i) => expect(t.intern(id)).toEqual({ n: i, added: true }));
    ids.forEach((id, i) => {
      expect(t.get(id)).toBe(i);
      expect(t.get(id.toUpperCase())).toBe(i);
      expect(t.intern(id)).toEqual({ n: i, added: false });
    });
    expect(t.size).toBe(20_000);
    expect(t.get(randomUUID())).toBe(-1);
  });

  it('tells ids apart that share all but one hex digit, and refuses what is not a UUID', () => {
    const t = new UuidTable();
    const a = '00000000-0000-4000-8000-000000000000';
    const b = '00000000-0000-4000-8000-000000000001';
    const c = 'f0000000-0000-4000-8000-000000000000';
    expect([t.intern(a).n, t.intern(b).n, t.intern(c).n]).toEqual([0, 1, 2]);
    expect(() => t.get('00000000-0000-4000-8000-00000000000g')).toThrow('not a UUID');
    expect(() => t.get('00000000x0000-4000-8000-000000000000')).toThrow('not a UUID');
    expect(() => t.get('short')).toThrow('not a UUID');
  });
});
