import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role, SessionMemberFragment } from '../../gql/graphql';
import { RequireMember } from './RequireMember';

/** The staff roles, for pages of the coordinator's console, the dashboard and administration. */
export const STAFF_ROLES: readonly Role[] = ['COORDINATOR', 'COMMISSION', 'ADMIN'];
export const OFFICER_ROLES: readonly Role[] = ['COMMISSION', 'ADMIN'];

export function hasRole(member: SessionMemberFragment | undefined, roles: readonly Role[]): boolean {
  return member !== undefined && roles.includes(member.role);
}

/**
 * Renders `children(member)` for a signed-in member whose role is one of `roles`; sends others to
 * /login (anonymous) or tells them the page is not for their role. The API checks every operation
 * again: this only keeps people from pages that would answer FORBIDDEN everywhere.
 */
export function RequireRole({
  roles,
  children,
  offline,
}: {
  roles: readonly Role[];
  children: (member: SessionMemberFragment) => ReactNode;
  offline?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <RequireMember offline={offline}>
      {(member) =>
        hasRole(member, roles) ? (
          children(member)
        ) : (
          <Alert color="red" role="alert" title={t('app.forbiddenTitle')} data-testid="forbidden">
            {t('app.forbidden')}
          </Alert>
        )
      }
    </RequireMember>
  );
}
