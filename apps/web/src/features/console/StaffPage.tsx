import type { ReactNode } from 'react';
import type { SessionMemberFragment } from '../../gql/graphql';
import { RequireRole, STAFF_ROLES } from '../../shared/auth/RequireRole';

/** A console page: coordinators, commission officers and admins (the API checks each one's scope). */
export function StaffPage({ children }: { children: (member: SessionMemberFragment) => ReactNode }) {
  return <RequireRole roles={STAFF_ROLES}>{children}</RequireRole>;
}
