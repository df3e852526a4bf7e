/**
 * UUID text -> dense integer (0, 1, 2, ... in the order first seen), in typed arrays: 16 bytes of
 * key plus 8 bytes of table per entry, where a Map of strings costs ~80 bytes. Open addressing
 * with linear probing; the table doubles at a load of 1/2. Entries are never removed (a deleted
 * row keeps its number, flagged by its owner).
 */
export class UuidTable {
  private keys = new Uint32Array(4 * 1024);
  private slots = new Int32Array(2048).fill(-1);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Bytes held by the table. */
  get bytes(): number {
    return this.keys.byteLength + this.slots.byteLength;
  }

  /** The number of `id`, or -1. */
  get(id: string): number {
    const [a, b, c, d] = parse(id);
    return this.getWords(a, b, c, d);
  }

  /** The number of the UUID whose four 32-bit words (big-endian, as written) are a, b, c, d, or -1. */
  getWords(a: number, b: number, c: number, d: number): number {
    const mask = this.slots.length - 1;
    for (let s = hash(a, b, c, d) & mask; ; s = (s + 1) & mask) {
      const n = this.slots[s];
      if (n < 0) return -1;
      const k = n * 4;
      if (this.keys[k] === a && this.keys[k + 1] === b && this.keys[k + 2] === c && this.keys[k + 3] === d)
        return n;
    }
  }

  /** The number of `id`, given the next free one if it has none; `added` says which. */
  intern(id: string): { n: number; added: boolean } {
    const [a, b, c, d] = parse(id);
    const n = this.internWords(a, b, c, d);
    return { n, added: this.lastAdded };
  }

  /** internWords' last call gave a new number. */
  lastAdded = false;

  /** As intern, from the four words (a binary COPY's uuid); `lastAdded` says whether it was new. */
  internWords(a: number, b: number, c: number, d: number): number {
    const mask = this.slots.length - 1;
    let s = hash(a, b, c, d) & mask;
    for (; ; s = (s + 1) & mask) {
      const n = this.slots[s];
      if (n < 0) break;
      const k = n * 4;
      if (this.keys[k] === a && this.keys[k + 1] === b && this.keys[k + 2] === c && this.keys[k + 3] === d) {
        this.lastAdded = false;
        return n;
      }
    }
    const n = this.count++;
    if (n * 4 + 4 > this.keys.length) {
      const keys = new Uint32Array(this.keys.length * 2);
      keys.set(this.keys);
      this.keys = keys;
    }
    const k = n * 4;
    this.keys[k] = a;
    this.keys[k + 1] = b;
    this.keys[k + 2] = c;
    this.keys[k + 3] = d;
    this.slots[s] = n;
    if (this.count * 2 > this.slots.length) this.grow();
    this.lastAdded = true;
    return n;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let n = 0; n < this.count; n++) {
      const k = n * 4;
      let s = hash(this.keys[k], this.keys[k + 1], this.keys[k + 2], this.keys[k + 3]) & mask;
      while (slots[s] >= 0) s = (s + 1) & mask;
      slots[s] = n;
    }
    this.slots = slots;
  }
}

const words = new Uint32Array(4);

/** The value of one hex digit's char code, -1 for anything else. */
const HEX = new Int8Array(128).fill(-1);
for (let i = 0; i < 10; i++) HEX[48 + i] = i;
for (let i = 0; i < 6; i++) HEX[97 + i] = HEX[65 + i] = 10 + i;

/**
 * The 128 bits of a UUID as four 32-bit words (the text's hex, dashes at 8, 13, 18, 23; any case),
 * read char by char: no substrings, this runs for every row of a full load.
 */
function parse(id: string): Uint32Array {
  if (id.length !== 36) throw new Error(`not a UUID: ${id.slice(0, 40)}`);
  let w = 0;
  let word = 0;
  let digits = 0;
  for (let i = 0; i < 36; i++) {
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (id.charCodeAt(i) !== 45) throw new Error(`not a UUID: ${id}`);
      continue;
    }
    const c = id.charCodeAt(i);
    const v = c < 128 ? HEX[c] : -1;
    if (v < 0) throw new Error(`not a UUID: ${id}`);
    word = (word << 4) | v;
    if (++digits === 8) {
      words[w++] = word >>> 0;
      word = 0;
      digits = 0;
    }
  }
  return words;
}

function hash(a: number, b: number, c: number, d: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0xc2b2ae35) ^ c;
  h = Math.imul(h ^ (h >>> 13), 0x27d4eb2f) ^ d;
  return (h ^ (h >>> 16)) >>> 0;
}
