import { strided } from './pass-threads';

describe('strided', () => {
  it("gives each of n threads every n-th account of the list's first `size`, each once", () => {
    const list = Int32Array.from({ length: 1001 }, (_, j) => j * 3);
    for (const n of [1, 2, 3, 4]) {
      const parts = Array.from({ length: n }, (_, i) => strided(list, 1000, n, i));
      const all = parts.flatMap((p) => [...p]).sort((a, b) => a - b);
      expect(all).toEqual([...list.subarray(0, 1000)]);
      for (const [i, p] of parts.entries()) {
        expect(p.length === Math.floor(1000 / n) || p.length === Math.ceil(1000 / n)).toBe(true);
        p.forEach((m, k) => expect(m).toBe(list[i + k * n]));
      }
    }
  });

  it('balances two stretches of different weight: each part gets half of each', () => {
    // a region's list: people from elsewhere (many rows each) first, then its own accounts
    const heavy = 9_694;
    const list = Int32Array.from({ length: 38_155 }, (_, j) => j);
    const [a, b] = [0, 1].map((i) => strided(list, list.length, 2, i));
    const heavyIn = (p: Int32Array) => p.filter((m) => m < heavy).length;
    expect(Math.abs(heavyIn(a) - heavyIn(b))).toBeLessThanOrEqual(1);
    expect(Math.abs(a.length - b.length)).toBeLessThanOrEqual(1);
  });

  it('gives empty parts to threads beyond a short list', () => {
    expect([...strided(Int32Array.from([7]), 1, 3, 0)]).toEqual([7]);
    expect([...strided(Int32Array.from([7]), 1, 3, 2)]).toEqual([]);
    expect([...strided(Int32Array.from([]), 0, 2, 0)]).toEqual([]);
  });
});
