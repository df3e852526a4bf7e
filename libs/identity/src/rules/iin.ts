const W1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const W2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/** The IIN check digit for the first 11 digits, or null when no valid IIN can have them. */
export function iinCheckDigit(first11: readonly number[]): number | null {
  const sum = (w: number[]) => first11.reduce((acc, d, i) => acc + d * w[i], 0) % 11;
  let r = sum(W1);
  if (r === 10) r = sum(W2);
  return r === 10 ? null : r;
}

export interface IinFacts {
  birthDate: string; // YYYY-MM-DD
  sex: 'M' | 'F';
}

/** Reads an IIN (ЖСН/ИИН): 12 digits, a real birth date, century digit 1-6 and a good check digit. */
export function parseIin(value: string): IinFacts | null {
  if (!/^\d{12}$/.test(value)) return null;
  const d = [...value].map(Number);
  const centuryDigit = d[6];
  if (centuryDigit < 1 || centuryDigit > 6) return null;
  const century = 1800 + Math.floor((centuryDigit - 1) / 2) * 100;
  const year = century + Number(value.slice(0, 2));
  const month = Number(value.slice(2, 4));
  const day = Number(value.slice(4, 6));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  if (iinCheckDigit(d.slice(0, 11)) !== d[11]) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return { birthDate: `${year}-${pad(month)}-${pad(day)}`, sex: centuryDigit % 2 === 1 ? 'M' : 'F' };
}

/** Makes a valid IIN for a birth date (demo data and tests only; serials are arbitrary). */
export function makeIin(birthDate: string, sex: 'M' | 'F', serial: number): string {
  const [y, m, dd] = birthDate.split('-');
  const year = Number(y);
  const centuryDigit = (Math.floor((year - 1800) / 100) * 2 + (sex === 'M' ? 1 : 2)).toString();
  for (let s = serial; s < serial + 10_000; s++) {
    const first11 = `${y.slice(2)}${m}${dd}${centuryDigit}${String(s % 10_000).padStart(4, '0')}`;
    const check = iinCheckDigit([...first11].map(Number));
    if (check !== null) return first11 + check;
  }
  throw new Error('no IIN serial found');
}
