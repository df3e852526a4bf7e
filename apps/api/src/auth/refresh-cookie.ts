import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The web app's refresh token lives in a cookie that page scripts cannot read (HttpOnly), that no
 * other site's page can make the browser send (SameSite=Strict), only over HTTPS when the site is
 * served over HTTPS (Secure), and only to the GraphQL endpoint (Path=/graphql).
 *
 * The web app asks for this by sending `X-YVC-Client: web` with every request. Other clients (the
 * sandbox, scripts, a future phone app) keep getting the refresh token in the body, as before.
 * For the web app the body's `refreshToken` is an empty string, so a script injected into the page
 * finds no refresh token anywhere it can read.
 */
export const REFRESH_COOKIE = 'yvc_refresh';
export const WEB_CLIENT_HEADER = 'x-yvc-client';
export const REFRESH_COOKIE_PATH = '/graphql';

export function isWebClient(req: FastifyRequest): boolean {
  return req.headers[WEB_CLIENT_HEADER] === 'web';
}

/** The refresh cookie's value, from the raw Cookie header (no cookie parser for one cookie). */
export function refreshCookie(req: FastifyRequest): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === REFRESH_COOKIE) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim()) || undefined;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

const attributes = (req: FastifyRequest) => ({
  httpOnly: true,
  sameSite: 'strict' as const,
  // the protocol the client used (X-Forwarded-Proto through a trusted proxy)
  secure: req.protocol === 'https',
  path: REFRESH_COOKIE_PATH,
});

export function setRefreshCookie(
  req: FastifyRequest,
  res: FastifyReply,
  token: string,
  ttlDays: number,
): void {
  // Max-Age in seconds, and Expires for older clients (as Express's res.cookie wrote both)
  const maxAge = ttlDays * 86_400;
  res.setCookie(REFRESH_COOKIE, token, {
    ...attributes(req),
    maxAge,
    expires: new Date(Date.now() + maxAge * 1000),
  });
}

export function clearRefreshCookie(req: FastifyRequest, res: FastifyReply): void {
  res.clearCookie(REFRESH_COOKIE, attributes(req));
}
