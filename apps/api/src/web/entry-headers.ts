import { createHash } from 'node:crypto';

/**
 * The entry page's headers: never cached without asking, no framing, only our own scripts, plus
 * the page's own inline scripts by their SHA-256 (index.html has one: it hides the build's
 * prerendered first screen where it does not apply, before the app's JavaScript runs). The hashes
 * come from the built file itself, so a change to that script needs no change here.
 */
export function entryHeaders(indexHtml: string): Record<string, string> {
  const hashes = [...indexHtml.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`,
  );
  return {
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
    'Content-Security-Policy':
      `default-src 'self'; script-src ${["'self'", ...hashes].join(' ')}; style-src 'self' 'unsafe-inline'; ` +
      "img-src 'self' data: blob:; connect-src 'self'; font-src 'self' data:; manifest-src 'self'; " +
      "worker-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
  };
}
