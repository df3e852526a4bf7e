import type { Request, Response } from 'express';

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

export function isWebClient(req: Request): boolean {
  return req.headers[WEB_CLIENT_HEADER] === 'web';
}

/** The refresh cookie's value, from the raw Cookie header (no cookie parser for one cookie). */
export function refreshCookie(req: Request): string | undefined {
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

const attributes = (req: Request) => ({
  httpOnly: true,
  sameSite: 'strict' as const,
  secure: req.secure,
  path: REFRESH_COOKIE_PATH,
});

export function setRefreshCookie(req: Request, res: Response, token: string, ttlDays: number): void {
  res.cookie(REFRESH_COOKIE, token, { ...attributes(req), maxAge: ttlDays * 86_400_000 });
}

export function clearRefreshCookie(req: Request, res: Response): void {
  res.clearCookie(REFRESH_COOKIE, attributes(req));
}
