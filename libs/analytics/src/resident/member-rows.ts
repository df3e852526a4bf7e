import { shared } from './shared-memory';
type Column = Int32Array | Float64Array;
type ColumnType = Int32ArrayConstructor | Float64ArrayConstructor;

/**
 * Rows grouped by member, in typed-array columns: member m's rows are positions start[m] to
 * end[m] - 1 of every column. Replacing a member's rows writes them in place when they fit, else
 * appends them at the end (the old place becomes garbage); `compact()` copies the live rows into
 * fresh columns in member order when garbage passes a quarter of the space.
 */
export class MemberRows<C extends Record<string, ColumnType>> {
  start = shared(Int32Array, 1024);
  end = shared(Int32Array, 1024);
  cols: { [K in keyof C]: InstanceType<C[K]> };
  /** the first free position */
  used = 0;
  private live = 0;

  constructor(private readonly types: C) {
    this.cols = this.allocate(1024);
  }

  get rows(): number {
    return this.live;
  }

  get bytes(): number {
    let n = this.start.byteLength + this.end.byteLength;
    for (const k of Object.keys(this.types)) n += (this.cols[k] as Column).byteLength;
    return n;
  }

  /** Room for members 0..n-1 (a new member has no rows). */
  ensureMembers(n: number): void {
    if (n <= this.start.length) return;
    let size = this.start.length;
    while (size < n) size *= 2;
    const start = shared(Int32Array, size);
    const end = shared(Int32Array, size);
    start.set(this.start);
    end.set(this.end);
    this.start = start;
    this.end = end;
  }

  /**
   * Bulk load (empty store only): `member` holds the member of each row, `fill(k, from, to)` copies
   * the rows' values of column k in that order into positions from..to-1 of a scratch column, and
   * rows are then placed by member with a counting sort.
   */
  load(memberCount: number, member: Int32Array, count: number, values: { [K in keyof C]: Column }): void {
    this.ensureMembers(memberCount);
    const counts = new Int32Array(memberCount + 1);
    for (let i = 0; i < count; i++) counts[member[i] + 1]++;
    for (let m = 0; m < memberCount; m++) counts[m + 1] += counts[m];
    for (let m = 0; m < memberCount; m++) {
      this.start[m] = counts[m];
      this.end[m] = counts[m];
    }
    this.cols = this.allocate(Math.max(1024, Math.ceil(count * 1.1)));
    const keys = Object.keys(this.types) as Array<keyof C>;
    for (let i = 0; i < count; i++) {
      const m = member[i];
      const p = this.end[m]++;
      for (const k of keys) (this.cols[k] as Column)[p] = values[k][i];
    }
    this.used = count;
    this.live = count;
  }

  /** Member m's rows become `values` (each column the same length). */
  replace(m: number, values: { [K in keyof C]: number[] }): void {
    const keys = Object.keys(this.types) as Array<keyof C>;
    const n = values[keys[0]].length;
    const had = this.end[m] - this.start[m];
    let p = this.start[m];
    if (n > had) {
      if (this.used + n > (this.cols[keys[0]] as Column).length) this.growColumns(this.used + n);
      p = this.used;
      this.used += n;
      this.start[m] = p;
    }
    for (const k of keys) (this.cols[k] as Column).set(values[k], p);
    this.end[m] = p + n;
    this.live += n - had;
    if (this.used > 4096 && this.used - this.live > this.used / 4) this.compact();
  }

  /** Copies the live rows, member by member, into columns with a tenth to spare. */
  compact(): void {
    const keys = Object.keys(this.types) as Array<keyof C>;
    const cols = this.allocate(Math.max(1024, Math.ceil(this.live * 1.1)));
    let p = 0;
    for (let m = 0; m < this.start.length; m++) {
      const s = this.start[m];
      const n = this.end[m] - s;
      for (const k of keys) (cols[k] as Column).set((this.cols[k] as Column).subarray(s, s + n), p);
      this.start[m] = p;
      this.end[m] = p + n;
      p += n;
    }
    this.cols = cols;
    this.used = p;
  }

  private growColumns(need: number): void {
    const keys = Object.keys(this.types) as Array<keyof C>;
    let size = (this.cols[keys[0]] as Column).length;
    while (size < need) size *= 2;
    const cols = this.allocate(size);
    for (const k of keys) (cols[k] as Column).set((this.cols[k] as Column).subarray(0, this.used));
    this.cols = cols;
  }

  private allocate(size: number): { [K in keyof C]: InstanceType<C[K]> } {
    const out = {} as { [K in keyof C]: InstanceType<C[K]> };
    for (const k of Object.keys(this.types) as Array<keyof C>)
      (out as Record<keyof C, Column>)[k] = shared(this.types[k], size);
    return out;
  }
}
