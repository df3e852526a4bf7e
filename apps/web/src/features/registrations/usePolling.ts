import { useEffect, useRef } from 'react';

/** How often a page with a waitlisted registration asks again while it is visible. */
export const POLL_MS = 15_000;

/**
 * Calls `poll` every POLL_MS while `active` and the tab is visible, and at once when the tab
 * becomes visible again (a phone's browser in the background asks nothing). The API has no
 * subscriptions; a waitlist place changes rarely, so a light query every 15 s is enough.
 */
export function usePolling(active: boolean, poll: () => void): void {
  const latest = useRef(poll);
  latest.current = poll;
  useEffect(() => {
    if (!active) return;
    const tick = () => {
      if (document.visibilityState === 'visible') latest.current();
    };
    const timer = setInterval(tick, POLL_MS);
    document.addEventListener('visibilitychange', tick);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [active]);
}
