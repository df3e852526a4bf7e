import { Anchor, Badge, VisuallyHidden } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';

/** One small query: the count only (a page of one, no fields of it). */
const UnreadCountDocument = graphql(`
  query UnreadCount {
    notifications(first: 1) {
      unreadCount
    }
  }
`);

const EVERY_MS = 60_000;

/**
 * The unread count for the header. It is asked again on every navigation and once a minute while
 * the tab is visible (not in a background tab), and after "mark read" (the mutation names the
 * types it changed). `enabled` false (no member signed in): no query.
 */
export function useUnreadCount(enabled: boolean): number {
  const location = useLocation();
  const [res, reexecute] = useQuery({ query: UnreadCountDocument, pause: !enabled });
  const first = useRef(true);
  useEffect(() => {
    if (first.current)
      first.current = false; // the query's own first fetch
    else if (enabled) reexecute({ requestPolicy: 'network-only' });
  }, [location.key, reexecute, enabled]);
  useEffect(() => {
    if (!enabled) return;
    const tick = () => {
      if (document.visibilityState === 'visible') reexecute({ requestPolicy: 'network-only' });
    };
    const timer = setInterval(tick, EVERY_MS);
    document.addEventListener('visibilitychange', tick);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [reexecute, enabled]);
  return enabled ? (res.data?.notifications.unreadCount ?? 0) : 0;
}

/** The header's link to the notifications with the unread count (from `useUnreadCount`). */
export function UnreadLink({ className, count }: { className?: string; count: number }) {
  const { t } = useTranslation();
  return (
    <Anchor component={NavLink} to="/notifications" className={className}>
      {t('nav.notifications')}
      {count > 0 && (
        <>
          <Badge ml={6} size="md" circle={count < 10} color="red.9" aria-hidden data-testid="unread-count">
            {count}
          </Badge>
          <VisuallyHidden>{` (${t('nav.unread', { count })})`}</VisuallyHidden>
        </>
      )}
    </Anchor>
  );
}
