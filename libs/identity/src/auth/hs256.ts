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
  const claims = verifySignature(token, key, issuer);
  return claims && inTime(claims, nowSeconds) ? claims : null;
}

/** `exp` and `nbf` against now: the only checks whose answer changes for the same token. */
function inTime(claims: Readonly<Record<string, unknown>>, nowSeconds: number): boolean {
  if (claims.exp !== undefined && (typeof claims.exp !== 'number' || nowSeconds >= claims.exp)) return false;
  if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || claims.nbf > nowSeconds)) return false;
  return true;
}

/**
 * verifyHs256 with a memory of the tokens whose signature and issuer it has already checked: a
 * door scanner sends the same access token with each of thousands of scans, and the HMAC was the
 * largest item of the guard (3.8% of the API's time in the check-in bench). The memory is keyed by
 * the whole token string (the same string is the same signature), holds only tokens that passed,
 * so made-up tokens cannot fill it, at most `max` of them (the oldest forgotten first), and `exp`
 * and `nbf` are still checked on every use. Revocation is not its concern: the caller checks the
 * session each time (SessionRevocations). The claims it returns are frozen and shared.
 */
export class Hs256Verifier {
  private readonly verified = new Map<string, Readonly<Record<string, unknown>>>();

  constructor(
    private readonly key: KeyObject,
    private readonly issuer: string,
    private readonly max = 10_000,
  ) {}

  verify(
    token: string,
    nowSeconds = Math.floor(Date.now() / 1000),
  ): Readonly<Record<string, unknown>> | null {
    let claims = this.verified.get(token);
    if (!claims) {
      const fresh = verifySignature(token, this.key, this.issuer);
      if (!fresh || !inTime(fresh, nowSeconds)) return null;
      claims = Object.freeze(fresh);
      if (this.verified.size >= this.max) this.verified.delete(this.verified.keys().next().value as string);
      this.verified.set(token, claims);
      return claims;
    }
    if (inTime(claims, nowSeconds)) return claims;
    this.verified.delete(token);
    return null;
  }

  /** How many verified tokens it remembers (for tests). */
  get size(): number {
    return this.verified.size;
  }
}

/** The signature, algorithm, issuer and payload shape of a token; its claims, or null. */
function verifySignature(token: string, key: KeyObject, issuer: string): Record<string, unknown> | null {
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
