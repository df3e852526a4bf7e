import { KeyObject, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Verifies one of our access tokens (a compact JWS, HS256, issuer `yvc`) with a secret KeyObject
 * made once, and returns its claims, or null for anything else: a malformed token, another
 * algorithm (`none` included), a signature that does not match, another issuer, expired (`exp` at
 * or before now), not yet valid (`nbf` after now), a payload that is not a JSON object. The same
 * checks jsonwebtoken's verify made with `{ algorithms: ['HS256'], issuer: 'yvc' }`, without its
 * per-call option parsing, key handling and callbacks: one HMAC and two JSON.parse calls.
 */
export function verifyHs256(
  token: string,
  key: KeyObject,
  issuer: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): Record<string, unknown> | null {
  const first = token.indexOf('.');
  const second = token.indexOf('.', first + 1);
  if (first <= 0 || second <= first + 1 || token.indexOf('.', second + 1) !== -1) return null;
  const header = parseJson(token.slice(0, first));
  if (header?.alg !== 'HS256') return null;
  const expected = createHmac('sha256', key).update(token.slice(0, second)).digest();
  const given = Buffer.from(token.slice(second + 1), 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const claims = parseJson(token.slice(first + 1, second));
  if (!claims || claims.iss !== issuer) return null;
  if (claims.exp !== undefined && (typeof claims.exp !== 'number' || nowSeconds >= claims.exp)) return null;
  if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || claims.nbf > nowSeconds)) return null;
  return claims;
}

function parseJson(part: string): Record<string, unknown> | null {
  if (!/^[A-Za-z0-9_-]+$/.test(part)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
