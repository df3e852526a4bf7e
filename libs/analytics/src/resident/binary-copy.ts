import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';

/** Where the binary COPY's microseconds start: 2000-01-01 UTC, in epoch microseconds. */
export const PG_EPOCH_US = 946_684_800_000_000;

/**
 * One row of a binary COPY, read in place: the field's offset in `buf` and its length (-1: NULL).
 * Valid only during the callback (the buffer is the stream's chunk).
 */
export class CopyRow {
  buf: Buffer = Buffer.alloc(0);
  readonly at: Int32Array;
  readonly len: Int32Array;

  constructor(fields: number) {
    this.at = new Int32Array(fields);
    this.len = new Int32Array(fields);
  }

  isNull(f: number): boolean {
    return this.len[f] < 0;
  }

  int4(f: number): number {
    return this.buf.readInt32BE(this.at[f]);
  }

  /** An int8 or timestamptz as a number (exact up to 2^53: microseconds until the year 287,396). */
  int8(f: number): number {
    const p = this.at[f];
    return this.buf.readInt32BE(p) * 4_294_967_296 + this.buf.readUInt32BE(p + 4);
  }

  bool(f: number): boolean {
    return this.buf[this.at[f]] === 1;
  }

  /** The 32-bit word w (0-3) of a uuid field, big-endian as written. */
  word(f: number, w: number): number {
    return this.buf.readUInt32BE(this.at[f] + w * 4);
  }

  /** A uuid field as PostgreSQL prints it (lower-case, dashed). */
  uuid(f: number): string {
    const h = this.buf.toString('hex', this.at[f], this.at[f] + 16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  text(f: number): string {
    return this.buf.toString('utf8', this.at[f], this.at[f] + this.len[f]);
  }
}

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/**
 * `COPY (query) TO STDOUT (FORMAT binary)`, each row handed to `row` without a per-row object:
 * ids arrive as 16 bytes and times as integers, so nothing is parsed from text (the full load's
 * cost was the driver's text parsing and UUID strings). `fields` is the query's column count.
 */
export function copyBinary(
  client: pg.Client,
  query: string,
  fields: number,
  row: (r: CopyRow) => void,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const stream = client.query(copyTo(`COPY (${query}) TO STDOUT (FORMAT binary)`));
    const r = new CopyRow(fields);
    let rest: Buffer | null = null;
    let headerDone = false;
    let done = false;
    let rows = 0;
    stream.on('data', (chunk: Buffer) => {
      try {
        const buf = rest ? Buffer.concat([rest, chunk]) : chunk;
        rest = null;
        let p = 0;
        if (!headerDone) {
          if (buf.length < 19) {
            rest = buf;
            return;
          }
          if (!buf.subarray(0, 11).equals(SIGNATURE)) throw new Error('not a binary COPY stream');
          p = 19 + buf.readInt32BE(15);
          headerDone = true;
        }
        r.buf = buf;
        const end = buf.length;
        while (!done) {
          if (p + 2 > end) break;
          const n = buf.readInt16BE(p);
          if (n === -1) {
            done = true;
            break;
          }
          if (n !== fields) throw new Error(`COPY row of ${n} fields, expected ${fields}`);
          let q = p + 2;
          let whole = true;
          for (let f = 0; f < n; f++) {
            if (q + 4 > end) {
              whole = false;
              break;
            }
            const len = buf.readInt32BE(q);
            q += 4;
            r.at[f] = q;
            r.len[f] = len;
            if (len > 0) q += len;
            if (q > end) {
              whole = false;
              break;
            }
          }
          if (!whole) break;
          row(r);
          rows++;
          p = q;
        }
        if (!done && p < end) rest = buf.subarray(p);
      } catch (err) {
        stream.destroy(err as Error);
      }
    });
    stream.on('error', reject);
    stream.on('end', () => (done ? resolve(rows) : reject(new Error('binary COPY ended early'))));
  });
}
