import { Alert, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { SessionMemberFragment } from '../../gql/graphql';
import { useSession } from './session';

/**
 * Renders `children(member)` for a signed-in member; otherwise sends to /login and back here after.
 * When the session could not be confirmed for want of a network (`offline`), a page that saved
 * something to show offline passes it as `offline`; others say to come back online.
 */
export function RequireMember({
  children,
  offline,
}: {
  children: (member: SessionMemberFragment) => ReactNode;
  offline?: ReactNode;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  if (session.status === 'unknown') return <Loader aria-label={t('app.loading')} />;
  if (session.status === 'offline')
    return (
      offline ?? (
        <Alert color="yellow" role="status">
          {t('app.offlineNeedsNetwork')}
        </Alert>
      )
    );
  if (session.status === 'anonymous')
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <>{children(session.member)}</>;
}
