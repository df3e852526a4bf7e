import { Client, cacheExchange, fetchExchange } from 'urql';
import type { Lang } from '../i18n';

/** Sent with every request: the API answers the web app's auth calls with the httpOnly cookie. */
export const WEB_CLIENT_HEADERS = { 'X-YVC-Client': 'web' } as const;

let accessToken: string | null = null;
/** The access token lives here, in memory only (never in storage a script could read later). */
export function setAccessToken(token: string | null): void {
  accessToken = token;
}

/**
 * One client per language and signed-in member: switching either starts with an empty cache, so
 * every text the API translates (names, dates, messages) is fetched again in the new language and
 * nothing of one member's data survives a logout.
 */
export function makeClient(lang: Lang): Client {
  return new Client({
    url: '/graphql',
    exchanges: [cacheExchange, fetchExchange],
    // POST with JSON: Apollo's CSRF prevention refuses simple GETs without a preflight header
    preferGetMethod: false,
    fetchOptions: () => ({
      credentials: 'same-origin',
      headers: {
        ...WEB_CLIENT_HEADERS,
        'Accept-Language': lang,
        ...(accessToken ? { Authorization: `Bearer ${accessToken}` } : {}),
      },
    }),
  });
}

/**
 * A GET of one of the API's own files that needs the member's token (the certificate PDF): the
 * token goes in the Authorization header, never in a URL (URLs end up in logs and history). Only a
 * path of this origin is fetched (an absolute URL is reduced to its path and query).
 */
export function fetchWithToken(url: string, headers: Record<string, string> = {}): Promise<Response> {
  const u = new URL(url, window.location.origin);
  return fetch(u.pathname + u.search, {
    credentials: 'same-origin',
    headers: {
      ...headers,
      ...WEB_CLIENT_HEADERS,
      ...(accessToken ? { Authorization: `Bearer ${accessToken}` } : {}),
    },
  });
}

/**
 * A JSON POST to one of the API's plain routes (the door's check-in) with the member's token and
 * the page's language; resolves the response, or rejects when the network fails or no answer
 * came within `timeoutMs`.
 */
export function postJsonWithToken(
  path: string,
  body: unknown,
  lang: string,
  timeoutMs: number,
): Promise<Response> {
  return fetch(path, {
    method: 'POST',
    // (browsers before 2022 have no AbortSignal.timeout: they wait as long as the network does)
    signal: typeof AbortSignal.timeout === 'function' ? AbortSignal.timeout(timeoutMs) : undefined,
    credentials: 'same-origin',
    headers: {
      ...WEB_CLIENT_HEADERS,
      'Content-Type': 'application/json',
      Accept: 'application/json',
      'Accept-Language': lang,
      ...(accessToken ? { Authorization: `Bearer ${accessToken}` } : {}),
    },
    body: JSON.stringify(body),
  });
}

let current: Client | null = null;
/** The client the app uses now (the session module calls the API through it). */
export function currentClient(): Client {
  if (!current) throw new Error('GraphQL client not set up');
  return current;
}
export function setCurrentClient(client: Client): void {
  current = client;
}
