import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CSV_BOM,
  FieldProblems,
  Locale,
  Page,
  csvLine,
  cursorGuard,
  encodeCursor,
  isUuid,
  toZonedIso,
  translate,
} from '@yvc/core';
import { DataSource } from 'typeorm';
import { Event } from '../events/event.entity';
import { CheckInMethod, RegistrationStatus } from '../registrations/registration.entity';
import { type RegistrationCursor, isRegistrationCursor } from '../registrations/registrations.service';

export interface CsvFile {
  filename: string;
  body: string;
}

const HEADER_KEYS = [
  'labels.csv.fullName',
  'labels.csv.membershipNumber',
  'labels.csv.status',
  'labels.csv.checkedInAt',
  'labels.csv.checkInMethod',
  'labels.csv.walkIn',
  'labels.csv.registeredAtDoor',
  'labels.csv.checkedInBy',
];

interface AttendanceRow {
  full_name: string;
  member_status: string;
  membership_number: string | null;
  status: string;
  checked_in_at: Date | null;
  check_in_method: string | null;
  walk_in: boolean;
  at_door: boolean;
  staff_name: string | null;
  staff_status: string | null;
}

/**
 * One line of an event's attendance list: who it is (name and membership number, nothing that
 * leads to the member's record), whether and how they were checked in, and by whom.
 */
export interface AttendanceEntry {
  registrationId: string;
  status: RegistrationStatus;
  /** null when the member withdrew consent (shown as the anonymised label) */
  fullName: string | null;
  membershipNumber: string | null;
  checkedInAt: Date | null;
  checkInMethod: CheckInMethod | null;
  /** registered at the door by staff (a walk-in) */
  walkIn: boolean;
  overCapacity: boolean;
  /** the staff member who recorded the check-in; null when none, or anonymised */
  checkedInBy: string | null;
  createdAt: Date;
  /** for staff actions on the member (certificate, badge); who may see it is the caller's concern */
  memberId: string;
  /** 1-based while WAITLISTED, else null */
  waitlistPosition: number | null;
}

/** Which lines of the list: one status, and/or only the walk-ins (registered at the door). */
export interface AttendanceFilter {
  status?: RegistrationStatus | null;
  walkIn?: boolean | null;
}

/** The waitlist is paged in its own order (the waitlist number), the other lists by registration time. */
export interface WaitlistCursor {
  w: number;
  i: string;
}
export type AttendanceCursor = RegistrationCursor | WaitlistCursor;

const isWaitlistSeq = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isWaitlistCursor = cursorGuard<WaitlistCursor>({ w: isWaitlistSeq, i: isUuid });
export const isAttendanceCursor = (v: unknown): v is AttendanceCursor =>
  isRegistrationCursor(v) || isWaitlistCursor(v);

/** The columns both the file and the GraphQL list read; r = registrations, m = the member, s = staff. */
const ATTENDANCE_FROM = `FROM registrations r JOIN members m ON m.id = r.member_id
       LEFT JOIN members s ON s.id = r.checked_in_by
       WHERE r.event_id = $1 AND r.status <> 'CANCELLED'`;
const ATTENDANCE_COLUMNS = `r.id, m.full_name, m.status AS member_status, m.membership_number, r.status, r.checked_in_at,
              r.check_in_method, r.walk_in, r.recorded_by IS NOT NULL AS at_door, s.full_name AS staff_name,
              s.status AS staff_status, r.created_at`;

/** `2026-02-05 10:03` in the event's time zone. */
export function localDateTime(at: Date, timeZone: string): string {
  return toZonedIso(at, timeZone).slice(0, 16).replace('T', ' ');
}

/**
 * The attendance list of an event for its staff, as CSV or page by page: who registered (not
 * cancelled), who came, how, and who checked them in. Names and membership numbers only: no
 * email, phone or IIN leaves the system this way.
 */
@Injectable()
export class AttendanceExportService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async csv(event: Pick<Event, 'id' | 'timeZone'>, locale: Locale): Promise<CsvFile> {
    const rows: AttendanceRow[] = await this.db.query(
      `SELECT ${ATTENDANCE_COLUMNS}
       ${ATTENDANCE_FROM}
       ORDER BY m.full_name COLLATE "kk-KZ-x-icu", m.membership_number, r.created_at, r.id`,
      [event.id],
    );
    const yes = translate(locale, 'labels.yes');
    const no = translate(locale, 'labels.no');
    let body = CSV_BOM + csvLine(HEADER_KEYS.map((k) => translate(locale, k)));
    for (const r of rows) {
      body += csvLine([
        r.member_status === 'WITHDRAWN' ? translate(locale, 'labels.anonymisedMember') : r.full_name,
        r.membership_number ?? '',
        r.status,
        r.checked_in_at ? localDateTime(new Date(r.checked_in_at), event.timeZone) : '',
        r.check_in_method ?? '',
        r.walk_in ? yes : no,
        r.at_door ? yes : no,
        r.staff_status === 'WITHDRAWN' ? translate(locale, 'labels.anonymisedMember') : (r.staff_name ?? ''),
      ]);
    }
    return { filename: `attendance-${event.id}.csv`, body };
  }

  /**
   * The attendance list page by page (for GraphQL): in registration order, or, for the
   * waitlist (`status: WAITLISTED`), in waitlist order with each line's position.
   */
  async list(
    eventId: string,
    first: number,
    after?: AttendanceCursor,
    filter: AttendanceFilter = {},
  ): Promise<Page<AttendanceEntry>> {
    const waitlist = filter.status === RegistrationStatus.WAITLISTED;
    const created = `date_trunc('milliseconds', r.created_at)`;
    const params: unknown[] = [eventId];
    let where = '';
    if (filter.status) {
      params.push(filter.status);
      where += ` AND r.status = $${params.length}`;
    }
    if (filter.walkIn != null)
      where += filter.walkIn ? ' AND r.recorded_by IS NOT NULL' : ' AND r.recorded_by IS NULL';
    const [{ total }] = await this.db.query(
      `SELECT count(*)::int AS total ${ATTENDANCE_FROM}${where}`,
      params,
    );
    let page = '';
    if (after && waitlist !== 'w' in after) {
      new FieldProblems().add('after', 'validation.invalidId').throwIfAny();
    }
    if (after && 'w' in after) {
      params.push(after.w, after.i);
      page = ` AND (r.waitlist_seq, r.id) > ($${params.length - 1}::int, $${params.length}::uuid)`;
    } else if (after) {
      params.push(after.c, after.i);
      page = ` AND (${created}, r.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
    }
    params.push(first + 1);
    const rows: Array<
      AttendanceRow & {
        id: string;
        created_at: Date;
        member_id: string;
        waitlist_seq: number | null;
        waitlist_position: number | null;
      }
    > = await this.db.query(
      `SELECT ${ATTENDANCE_COLUMNS}, r.member_id, r.waitlist_seq,
              CASE WHEN r.status = 'WAITLISTED' THEN (
                SELECT count(*)::int FROM registrations w
                WHERE w.event_id = r.event_id AND w.status = 'WAITLISTED' AND w.waitlist_seq <= r.waitlist_seq
              ) END AS waitlist_position
       ${ATTENDANCE_FROM}${where}${page}
       ORDER BY ${waitlist ? 'r.waitlist_seq' : created}, r.id LIMIT $${params.length}`,
      params,
    );
    const seqOf = new Map(rows.map((r) => [r.id, r.waitlist_seq ?? 0]));
    return {
      items: rows.slice(0, first).map((r) => ({
        registrationId: r.id,
        status: r.status as RegistrationStatus,
        fullName: r.member_status === 'WITHDRAWN' ? null : r.full_name,
        membershipNumber: r.membership_number,
        checkedInAt: r.checked_in_at,
        checkInMethod: r.check_in_method as CheckInMethod | null,
        walkIn: r.at_door,
        overCapacity: r.walk_in,
        checkedInBy: r.staff_status === 'WITHDRAWN' ? null : r.staff_name,
        createdAt: new Date(r.created_at),
        memberId: r.member_id,
        waitlistPosition: r.waitlist_position,
      })),
      hasNextPage: rows.length > first,
      totalCount: total,
      cursorOf: (e) =>
        waitlist
          ? encodeCursor({ w: seqOf.get(e.registrationId), i: e.registrationId })
          : encodeCursor({ c: e.createdAt.toISOString(), i: e.registrationId }),
    };
  }
}
