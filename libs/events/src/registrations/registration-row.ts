import { CheckInMethod, Registration, RegistrationStatus } from './registration.entity';

/** The registrations columns a statement RETURNs (or SELECTs) for registrationFromRow. */
export const REGISTRATION_COLUMNS = `id, event_id, member_id, status, waitlist_seq, check_in_code, walk_in,
  checked_in_at, checked_in_by, recorded_by, check_in_method, promoted_at, cancelled_at, cancelled_by,
  created_at, updated_at`;

export interface RegistrationRow {
  id: string;
  event_id: string;
  member_id: string;
  status: RegistrationStatus;
  waitlist_seq: number | null;
  check_in_code: string;
  walk_in: boolean;
  checked_in_at: Date | null;
  checked_in_by: string | null;
  recorded_by: string | null;
  check_in_method: CheckInMethod | null;
  promoted_at: Date | null;
  cancelled_at: Date | null;
  cancelled_by: string | null;
  created_at: Date;
  updated_at: Date;
}

/**
 * A Registration from a raw row of REGISTRATION_COLUMNS: what TypeORM's find would give, without
 * its query builder and hydration on the hot paths (registration, check-in).
 */
export function registrationFromRow(r: RegistrationRow): Registration {
  const reg = new Registration();
  reg.id = r.id;
  reg.eventId = r.event_id;
  reg.memberId = r.member_id;
  reg.status = r.status;
  reg.waitlistSeq = r.waitlist_seq;
  reg.checkInCode = r.check_in_code;
  reg.walkIn = r.walk_in;
  reg.checkedInAt = r.checked_in_at;
  reg.checkedInBy = r.checked_in_by;
  reg.recordedBy = r.recorded_by;
  reg.checkInMethod = r.check_in_method;
  reg.promotedAt = r.promoted_at;
  reg.cancelledAt = r.cancelled_at;
  reg.cancelledBy = r.cancelled_by;
  reg.createdAt = r.created_at;
  reg.updatedAt = r.updated_at;
  return reg;
}
