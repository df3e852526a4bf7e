/** A byte order mark: spreadsheet programs then read the file as UTF-8 (Kazakh letters intact). */
export const CSV_BOM = '\uFEFF';

/** One field as RFC 4180 wants it: quoted when it holds a quote, a comma or a line break. */
export function csvField(value: string): string {
  // A leading = + - @ (or tab / CR) would make a spreadsheet run the cell as a formula.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(fields: string[]): string {
  return fields.map(csvField).join(',') + '\r\n';
}
