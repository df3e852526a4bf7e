import { Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { SessionMemberFragment } from '../../gql/graphql';
import { useSession } from './session';

/** Renders `children(member)` for a signed-in member; otherwise sends to /login and back here after. */
export function RequireMember({ children }: { children: (member: SessionMemberFragment) => ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  if (session.status === 'unknown') return <Loader aria-label={t('app.loading')} />;
  if (session.status === 'anonymous')
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <>{children(session.member)}</>;
}
