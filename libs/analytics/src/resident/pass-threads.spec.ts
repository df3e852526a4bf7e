import { splitByRows } from './pass-threads';
import type { MemberColumns } from './resident-report';

/** Columns where member m has rows[m] registrations (only what splitByRows reads). */
function columns(rows: number[]): MemberColumns {
  const regStart = new Int32Array(rows.length);
  const regEnd = new Int32Array(rows.length);
  let at = 0;
  rows.forEach((n, m) => {
    regStart[m] = at;
    at += n;
    regEnd[m] = at;
  });
  return { regStart, regEnd } as MemberColumns;
}

describe('splitByRows', () => {
  it('cuts a list into consecutive parts that cover it once, with about equal rows each', () => {
    // a region's list: many accounts with few rows, then fewer with many (people from elsewhere)
    const rows = [...Array.from({ length: 3000 }, () => 2), ...Array.from({ length: 500 }, () => 60)];
    const cols = columns(rows);
    const list = Int32Array.from(rows.keys());
    for (const n of [1, 2, 3, 4]) {
      const bounds = splitByRows(cols, list, list.length, n);
      expect(bounds).toHaveLength(n + 1);
      expect(bounds[0]).toBe(0);
      expect(bounds[n]).toBe(list.length);
      const work = bounds.slice(1).map((end, i) => {
        expect(end).toBeGreaterThanOrEqual(bounds[i]);
        let w = 0;
        for (let j = bounds[i]; j < end; j++) w += rows[list[j]] + 4;
        return w;
      });
      const total = work.reduce((a, b) => a + b, 0);
      // each part within one account (at most 64 units of work) of an equal share
      for (const w of work) expect(Math.abs(w - total / n)).toBeLessThanOrEqual(64);
    }
    // not the middle of the list: the first half (two rows each) is a small part of the work
    const [, half] = splitByRows(cols, list, list.length, 2);
    expect(half).toBeGreaterThan(list.length / 2);
  });

  it('gives empty parts for a list shorter than the threads, and uses only the first `size` positions', () => {
    const cols = columns([5, 5, 5]);
    expect(splitByRows(cols, Int32Array.from([0]), 1, 3)).toEqual([0, 1, 1, 1]);
    expect(splitByRows(cols, Int32Array.from([]), 0, 2)).toEqual([0, 0, 0]);
    const bounds = splitByRows(cols, Int32Array.from([0, 1, 2]), 2, 2);
    expect(bounds).toEqual([0, 1, 2]);
  });
});
