import { useSyncExternalStore } from 'react';
import { graphql } from '../../gql';
import type { SessionMemberFragment } from '../../gql/graphql';
import { currentClient, setAccessToken } from '../graphql/client';
import { clearOffline } from '../offline/cache';

/**
 * Who is signed in. The access token is kept in memory only; the refresh token is an httpOnly
 * cookie this code never sees. A reload therefore starts without a token and asks for one once
 * (`restore`), which the cookie makes possible; then a timer refreshes a minute before expiry.
 */
export type Session =
  | { status: 'unknown' }
  | { status: 'anonymous' }
  | { status: 'member'; member: SessionMemberFragment }
  /** this browser holds a session, but the API could not be reached at load: pages show what they saved */
  | { status: 'offline' };

graphql(`
  fragment SessionMember on Member {
    id
    fullName
    role
    locale
    timeZone
  }
`);

export const LoginDocument = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      accessToken
      member {
        ...SessionMember
      }
    }
  }
`);

const RefreshDocument = graphql(`
  mutation Refresh {
    refreshToken {
      accessToken
      member {
        ...SessionMember
      }
    }
  }
`);

const LogoutDocument = graphql(`
  mutation Logout {
    logout
  }
`);

/** A hint (not a secret) that this browser has a session cookie, so anonymous visits skip the refresh call. */
const HINT_KEY = 'yvc.session';
const REFRESH_BEFORE_EXPIRY_MS = 60_000;

const UNKNOWN: Session = { status: 'unknown' };
let session: Session = UNKNOWN;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | undefined;
let inFlight: Promise<boolean> | null = null;

function emit(next: Session): void {
  session = next;
  for (const l of listeners) l();
}

function hint(on: boolean): void {
  try {
    if (on) localStorage.setItem(HINT_KEY, '1');
    else localStorage.removeItem(HINT_KEY);
  } catch {
    // storage unavailable: every load tries the refresh
  }
}

function hasHint(): boolean {
  try {
    return localStorage.getItem(HINT_KEY) === '1';
  } catch {
    return true;
  }
}

/** Seconds-since-epoch `exp` of a JWT, read without checking it (the server checks). */
function expiresAt(token: string): number | null {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const { exp } = JSON.parse(atob(payload)) as { exp?: unknown };
    return typeof exp === 'number' ? exp * 1000 : null;
  } catch {
    return null;
  }
}

/** Signs in with a fresh token pair's access token and member; schedules the next refresh. */
export function signedIn(accessToken: string, member: SessionMemberFragment): void {
  setAccessToken(accessToken);
  hint(true);
  clearOffline(member.id); // another member's saved pages never outlive their session here
  clearTimeout(timer);
  const exp = expiresAt(accessToken);
  if (exp) {
    const wait = Math.max(5_000, exp - Date.now() - REFRESH_BEFORE_EXPIRY_MS);
    timer = setTimeout(() => void refresh(), wait);
  }
  emit({ status: 'member', member });
}

function signedOut(): void {
  setAccessToken(null);
  hint(false);
  clearOffline();
  // the door scanner's answered scans name people: gone with the session (a small chunk, loaded here)
  void import('../../features/scanner/scanQueue').then((q) => q.forgetAnsweredScans()).catch(() => undefined); // no IndexedDB: nothing was stored
  clearTimeout(timer);
  emit({ status: 'anonymous' });
}

async function refreshOnce(): Promise<boolean> {
  const res = await currentClient().mutation(RefreshDocument, {}).toPromise();
  const pair = res.data?.refreshToken;
  if (pair) {
    signedIn(pair.accessToken, pair.member);
    return true;
  }
  // a network failure keeps what we had (offline); a refused token ends the session
  if (res.error?.networkError && session.status === 'member') return false;
  if (res.error?.networkError && hasHint()) {
    // no network at load: the cookie may well be valid, so keep the hint and try again once online
    emit({ status: 'offline' });
    return false;
  }
  signedOut();
  return false;
}

/**
 * Single-flight refresh: callers at the same moment share one request, and tabs take turns (Web
 * Locks), since the cookie rotates on every use and a second use of an old one ends the session.
 */
export function refresh(): Promise<boolean> {
  inFlight ??= (async () => {
    try {
      const locks = (navigator as Navigator & { locks?: LockManager }).locks;
      return locks ? await locks.request('yvc-refresh', refreshOnce) : await refreshOnce();
    } finally {
      inFlight = null;
    }
  })();
  return inFlight;
}

/** On load: ask for an access token once if this browser may hold a session cookie. */
export async function restore(): Promise<void> {
  if (!hasHint()) return emit({ status: 'anonymous' });
  await refresh();
}

// back online after an offline load: confirm the session now
if (typeof window !== 'undefined')
  window.addEventListener('online', () => {
    if (session.status === 'offline') void refresh();
  });

export async function logout(): Promise<void> {
  await currentClient().mutation(LogoutDocument, {}).toPromise();
  signedOut();
}

export function getSession(): Session {
  return session;
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useSession(): Session {
  // the build's prerender (no browser): nobody yet, as on every page load before `restore`
  return useSyncExternalStore(subscribe, getSession, () => UNKNOWN);
}
