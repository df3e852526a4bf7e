import { Role } from '../members/member.entity';

/** Who is calling: read from a valid access token whose session is still open. */
export interface Actor {
  memberId: string;
  role: Role;
  sessionId: string;
}

export const STAFF_ROLES: readonly Role[] = [Role.COORDINATOR, Role.COMMISSION, Role.ADMIN];
