import { createHash } from 'node:crypto';

const escapeXml = (s: string) =>
  s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

/** "first-forum" → "FF", "debater" → "DE". */
export function badgeInitials(code: string): string {
  const parts = code.split(/[^a-zA-Z0-9]+/).filter(Boolean);
  const letters = parts.length > 1 ? parts.map((p) => p[0]) : [...(parts[0] ?? '?').slice(0, 2)];
  return letters.slice(0, 3).join('').toUpperCase();
}

/** A colour of the code's own: the same code always draws the same hue. */
export function badgeHue(code: string): number {
  return createHash('sha256').update(code).digest().readUInt16BE(0) % 360;
}

/** The badge's image, made by us: a circle in the code's colour with its initials. */
export function badgeSvg(code: string, title: string): string {
  const hue = badgeHue(code);
  const initials = escapeXml(badgeInitials(code));
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256" role="img">` +
    `<title>${escapeXml(title)}</title>` +
    `<circle cx="128" cy="128" r="120" fill="hsl(${hue},60%,42%)" stroke="hsl(${hue},60%,28%)" stroke-width="8"/>` +
    `<circle cx="128" cy="128" r="96" fill="none" stroke="#fff" stroke-opacity="0.5" stroke-width="3"/>` +
    `<text x="128" y="128" dy="0.35em" text-anchor="middle" font-family="Arial,Helvetica,sans-serif" ` +
    `font-size="${initials.length > 2 ? 64 : 84}" font-weight="bold" fill="#fff">${initials}</text></svg>`
  );
}
