import type { Role } from '../../gql/graphql';
import type { MessageKey } from '../i18n/kk';
import type { Session } from '../auth/session';

/**
 * The header's menu, in order. `show` says for which sessions a link appears; a staff feature adds
 * its entry here (one line), with the roles its pages accept (the API checks again).
 */
export interface NavEntry {
  to: string;
  label: MessageKey;
  /** true: only the exact path marks it current (the events list at `/`) */
  end?: boolean;
  show: (session: Session) => boolean;
}

const member = (s: Session) => s.status === 'member';
const role =
  (...roles: Role[]) =>
  (s: Session) =>
    s.status === 'member' && roles.includes(s.member.role);

export const NAV: NavEntry[] = [
  { to: '/', label: 'nav.events', end: true, show: () => true },
  { to: '/me', label: 'nav.me', show: member },
  // My events works offline too (the QR codes saved on the phone), clubs need the network
  { to: '/my-events', label: 'nav.myEvents', show: (s) => s.status === 'member' || s.status === 'offline' },
  { to: '/clubs', label: 'nav.clubs', show: member },
  { to: '/console', label: 'nav.console', show: role('COORDINATOR', 'COMMISSION', 'ADMIN') },
  { to: '/dashboard', label: 'nav.dashboard', show: role('COORDINATOR', 'COMMISSION', 'ADMIN') },
  { to: '/admin', label: 'nav.admin', show: role('COMMISSION', 'ADMIN') },
];

/** For staff features' entries: `show: staffOnly('COORDINATOR', 'COMMISSION', 'ADMIN')`. */
export const staffOnly = role;
