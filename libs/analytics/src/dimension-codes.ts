/**
 * Integer codes for the values of several dimensions (bucket, month, club, kind), unique across
 * all of them, so one array of codes per participant can say where they came: SQL counts people
 * per code, `counts` maps the counts back to each dimension's values (null is a value too).
 */
export class DimensionCodes<D extends string> {
  private readonly codes = new Map<D, Map<string | null, number>>();
  private readonly values: Array<{ dimension: D; value: string | null }> = [];

  code(dimension: D, value: string | null): number {
    let byValue = this.codes.get(dimension);
    if (!byValue) this.codes.set(dimension, (byValue = new Map()));
    let code = byValue.get(value);
    if (code === undefined) {
      code = this.values.push({ dimension, value }) - 1;
      byValue.set(value, code);
    }
    return code;
  }

  /** Per dimension, value -> the count SQL gave for its code. */
  counts(rows: Array<{ code: number; participants: number }>): Map<D, Map<string | null, number>> {
    const out = new Map<D, Map<string | null, number>>();
    for (const row of rows) {
      const v = this.values[row.code];
      if (!v) throw new Error(`unknown dimension code ${row.code}`);
      let byValue = out.get(v.dimension);
      if (!byValue) out.set(v.dimension, (byValue = new Map()));
      byValue.set(v.value, row.participants);
    }
    return out;
  }
}
