/**
 * The last answers a page wants to show with no network (My events and its entrance QR codes),
 * kept in localStorage under `yvc.offline.<name>`, each tagged with the member it belongs to.
 * Cleared whenever the session ends (logout, a refused refresh), so nothing of one member is left
 * for the next person on a shared phone. A service worker cannot cache GraphQL answers (they are
 * POSTs, and per member), hence this small store beside it.
 */
const PREFIX = 'yvc.offline.';

export interface Cached<T> {
  memberId: string;
  savedAt: string;
  data: T;
}

export function saveOffline<T>(name: string, memberId: string, data: T): void {
  try {
    const entry: Cached<T> = { memberId, savedAt: new Date().toISOString(), data };
    localStorage.setItem(PREFIX + name, JSON.stringify(entry));
  } catch {
    // storage full or unavailable: the page still works online
  }
}

/**
 * The saved answer, for `memberId` when given (a signed-in member never sees another's), or the
 * last member's when the session is only known to exist (offline at load, see session.ts).
 */
export function loadOffline<T>(name: string, memberId?: string): Cached<T> | null {
  try {
    const raw = localStorage.getItem(PREFIX + name);
    if (!raw) return null;
    const entry = JSON.parse(raw) as Cached<T>;
    if (typeof entry?.memberId !== 'string' || (memberId && entry.memberId !== memberId)) return null;
    return entry;
  } catch {
    return null;
  }
}

/** Forgets every saved answer (called when a session ends, or another member signs in). */
export function clearOffline(exceptMemberId?: string): void {
  try {
    const keys: string[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key?.startsWith(PREFIX)) keys.push(key);
    }
    for (const key of keys) {
      if (exceptMemberId && loadOffline(key.slice(PREFIX.length), exceptMemberId)) continue;
      localStorage.removeItem(key);
    }
  } catch {
    // storage unavailable: nothing was saved
  }
}
