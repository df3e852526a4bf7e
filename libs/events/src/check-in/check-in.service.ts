import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Clock,
  CommonError,
  DomainError,
  FieldProblems,
  canonicalEmail,
  commonError,
  isUuid,
  randomToken,
} from '@yvc/core';
import { OutboxKind, writeOutbox } from '@yvc/database';
import { Actor, Member, MemberStatus, MembersService, Role, normalizeKzMobile } from '@yvc/identity';
import type { Pool } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { EventsError, eventsError } from '../events.errors';
import { Event, EventStatus } from '../events/event.entity';
import { EventsService } from '../events/events.service';
import { CheckInMethod, Registration, RegistrationStatus } from '../registrations/registration.entity';
import { RegistrationsService } from '../registrations/registrations.service';
import {
  REGISTRATION_COLUMNS,
  RegistrationRow,
  registrationFromRow,
} from '../registrations/registration-row';
import {
  CHECK_IN_OPENS_BEFORE_MS,
  CHECK_IN_STATEMENT,
  CHECK_IN_STATEMENT_NAME,
  DOOR_CHECK_IN_COLUMNS,
  DOOR_CHECK_IN_STATEMENT,
  DOOR_CHECK_IN_STATEMENT_NAME,
  MEMBER_NAME,
} from './check-in-statement';
import { WalkInThrottle } from './walk-in-throttle';

export { CHECK_IN_OPENS_BEFORE_MS };
/** Scanner clocks may run a little ahead. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;
export const MAX_SYNC_BATCH = 500;

/** Statuses a scan turns into ATTENDED. */
const CHECKABLE = new Set([RegistrationStatus.REGISTERED, RegistrationStatus.NO_SHOW]);

/** What a check-in decides on (DOOR_CHECK_IN_COLUMNS) and the registrant's name. */
type ScanRow = Pick<RegistrationRow, 'id' | 'event_id' | 'member_id' | 'status' | 'checked_in_at'> & {
  member_name: string | null;
};

type CheckInRow<R extends ScanRow> = R & {
  event_allowed: boolean;
  event_open: boolean;
  source: 'hit' | 'found' | null;
  was: RegistrationStatus | null;
};

/** A check-in statement and the columns it returns: all of a registration's, or the door's few. */
interface Shape {
  text: string;
  name: string;
  /** the registration by its code, these columns and the name (a racing scan committed first) */
  readAgain: string;
}

const readAgain = (columns: string) =>
  `SELECT ${columns}, (SELECT ${MEMBER_NAME} FROM members m WHERE m.id = r.member_id) AS member_name
   FROM registrations r WHERE check_in_code = $1`;

const FULL: Shape = {
  text: CHECK_IN_STATEMENT,
  name: CHECK_IN_STATEMENT_NAME,
  readAgain: readAgain(REGISTRATION_COLUMNS),
};
const DOOR: Shape = {
  text: DOOR_CHECK_IN_STATEMENT,
  name: DOOR_CHECK_IN_STATEMENT_NAME,
  readAgain: readAgain(DOOR_CHECK_IN_COLUMNS),
};

type FullRow = RegistrationRow & { member_name: string | null };

/** The staff account scanning: who is recorded as checking in, and whose scope is checked. */
export type CheckInStaff = Pick<Actor, 'memberId' | 'role'>;

export interface CheckInOutcome {
  registration: Registration;
  alreadyCheckedIn: boolean;
}

/** A QR scan at the door: what the person there is shown, and nothing more. */
export interface DoorCheckIn {
  alreadyCheckedIn: boolean;
  registrationId: string;
  status: RegistrationStatus;
  checkedInAt: Date | null;
  /** null: the member withdrew (the name was anonymised) */
  fullName: string | null;
}

/** What the person at the door needs to confirm who is standing there, and nothing more. */
export interface WalkInOutcome extends CheckInOutcome {
  fullName: string;
  membershipNumber: string | null;
}

export interface OfflineScan {
  scanId: string;
  code: string;
  scannedAt: Date;
}

export interface SyncedScan {
  scanId: string;
  /** OK, ALREADY_CHECKED_IN, or the EventsError / CommonError reason */
  outcome: string;
  registration: Registration | null;
  error: DomainError | null;
}

@Injectable()
export class CheckInService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: EventsService,
    private readonly registrations: RegistrationsService,
    private readonly members: MembersService,
    private readonly clock: Clock,
    private readonly throttle: WalkInThrottle,
  ) {}

  /**
   * Marks a registration ATTENDED by its QR code, in one round trip: the event, the staff check
   * (EVENT_NOT_FOUND, then FORBIDDEN, as EventStaffGuard.assert), the window and the check-in are
   * one statement. A second scan of the same code changes nothing and says alreadyCheckedIn; two
   * scans racing: the row lock lets exactly one win.
   */
  async checkIn(eventId: string, code: string, staff: CheckInStaff): Promise<CheckInOutcome> {
    const done = await this.scanNow<FullRow>(eventId, code, staff, FULL);
    return { registration: registrationFromRow(done.row), alreadyCheckedIn: done.alreadyCheckedIn };
  }

  /**
   * checkIn for the door's POST: the same statement returning only DOOR_CHECK_IN_COLUMNS and the
   * registrant's name, so the answer needs no second read.
   */
  async checkInAtDoor(eventId: string, code: string, staff: CheckInStaff): Promise<DoorCheckIn> {
    const { row, alreadyCheckedIn } = await this.scanNow<ScanRow>(eventId, code, staff, DOOR);
    return {
      alreadyCheckedIn,
      registrationId: row.id,
      status: row.status,
      checkedInAt: row.checked_in_at,
      fullName: row.member_name,
    };
  }

  /** A QR scan read now, outside any transaction: the shape's statement prepared on the pool. */
  private scanNow<R extends ScanRow>(eventId: string, code: string, staff: CheckInStaff, shape: Shape) {
    if (!isUuid(eventId)) throw eventsError(EventsError.EVENT_NOT_FOUND);
    return this.apply<R>(
      this.db.manager,
      eventId,
      code,
      this.clock.now(),
      staff,
      CheckInMethod.QR,
      shape,
      true,
    );
  }

  /**
   * Scans collected offline, each applied at its own scannedAt. Idempotent by scanId: a scan sent
   * again returns what it returned the first time. One scan's failure does not stop the others.
   */
  async sync(eventId: string, scans: OfflineScan[], staff: CheckInStaff): Promise<SyncedScan[]> {
    const event = await this.events.get(eventId);
    const problems = new FieldProblems();
    if (scans.length > MAX_SYNC_BATCH) problems.add('scans', 'validation.tooMany', { max: MAX_SYNC_BATCH });
    scans.forEach((s, i) => {
      if (!isUuid(s.scanId)) problems.add(`scans.${i}.scanId`, 'validation.invalidId');
      if (!(s.scannedAt instanceof Date) || Number.isNaN(s.scannedAt.getTime()))
        problems.add(`scans.${i}.scannedAt`, 'validation.invalidValue');
    });
    problems.throwIfAny();
    const results: SyncedScan[] = [];
    for (const scan of scans) results.push(await this.syncOne(event, scan, staff));
    return results;
  }

  private async syncOne(event: Event, scan: OfflineScan, staff: CheckInStaff): Promise<SyncedScan> {
    return this.db.transaction(async (em) => {
      const [fresh] = await em.query(
        `INSERT INTO check_in_scans (scan_id, event_id, outcome, scanned_at, scanned_by) VALUES ($1, $2, 'PENDING', $3, $4)
         ON CONFLICT (event_id, scan_id) DO NOTHING RETURNING scan_id`,
        [scan.scanId, event.id, scan.scannedAt, staff.memberId],
      );
      if (!fresh) {
        const [prior] = await em.query(
          `SELECT outcome, registration_id FROM check_in_scans WHERE event_id = $1 AND scan_id = $2`,
          [event.id, scan.scanId],
        );
        const registration = prior.registration_id
          ? await em.findOneBy(Registration, { id: prior.registration_id })
          : null;
        const ok = prior.outcome === 'OK' || prior.outcome === 'ALREADY_CHECKED_IN';
        return {
          scanId: scan.scanId,
          outcome: prior.outcome,
          registration,
          error: ok ? null : eventsError(prior.outcome as EventsError),
        };
      }
      let result: SyncedScan;
      try {
        const at = new Date(Math.min(scan.scannedAt.getTime(), this.clock.now().getTime()));
        if (scan.scannedAt.getTime() > this.clock.now().getTime() + CLOCK_SKEW_MS)
          throw eventsError(EventsError.CHECK_IN_CLOSED);
        const outcome = await this.apply<FullRow>(
          em,
          event.id,
          scan.code,
          at,
          staff,
          CheckInMethod.OFFLINE_SYNC,
          FULL,
        );
        result = {
          scanId: scan.scanId,
          outcome: outcome.alreadyCheckedIn ? 'ALREADY_CHECKED_IN' : 'OK',
          registration: registrationFromRow(outcome.row),
          error: null,
        };
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        result = { scanId: scan.scanId, outcome: err.reason, registration: null, error: err };
      }
      await em.query(
        `UPDATE check_in_scans SET outcome = $3, registration_id = $4 WHERE event_id = $1 AND scan_id = $2`,
        [event.id, scan.scanId, result.outcome, result.registration?.id ?? null],
      );
      return result;
    });
  }

  /**
   * A member who comes without registering (found by email or phone) is registered and checked in
   * on the spot: into a free seat if there is one, else as a walk-in over capacity. Any ACTIVE
   * member may walk in (forums welcome other districts); the answer names only who it is (name and
   * membership number), the look-up is limited per staff account (reserved before the members
   * table is read), and the member is told through the outbox.
   */
  async walkIn(eventId: string, emailOrPhone: string, staff: CheckInStaff): Promise<WalkInOutcome> {
    await this.throttle.reserve(staff.memberId);
    const member = await this.findWalkInMember(emailOrPhone);
    const outcome = await this.db.transaction(async (em) => {
      const done = await this.recordWalkIn(em, eventId, member.id, staff);
      if (!done.alreadyCheckedIn) {
        await writeOutbox(em, [
          {
            kind: OutboxKind.WALK_IN_RECORDED,
            memberId: member.id,
            eventId,
            registrationId: done.registration.id,
            payload: { checkedInAt: done.registration.checkedInAt!.toISOString() },
          },
        ]);
      }
      return done;
    });
    return { ...outcome, fullName: member.fullName, membershipNumber: member.membershipNumber };
  }

  private async recordWalkIn(
    em: EntityManager,
    eventId: string,
    memberId: string,
    staff: CheckInStaff,
  ): Promise<CheckInOutcome> {
    const by = staff.memberId;
    const event = await this.events.lock(em, eventId);
    const now = this.clock.now();
    this.assertWindow(event, now);
    const existing = await em.findOneBy(Registration, {
      eventId,
      memberId,
      status: RegistrationStatus.ATTENDED,
    });
    if (existing) return { registration: existing, alreadyCheckedIn: true };
    const active = await em.findOne(Registration, {
      where: [
        { eventId, memberId, status: RegistrationStatus.REGISTERED },
        { eventId, memberId, status: RegistrationStatus.WAITLISTED },
      ],
    });
    if (active?.status === RegistrationStatus.REGISTERED) {
      const done = await this.apply<FullRow>(
        em,
        eventId,
        active.checkInCode,
        now,
        staff,
        CheckInMethod.WALK_IN,
        FULL,
      );
      return { registration: registrationFromRow(done.row), alreadyCheckedIn: done.alreadyCheckedIn };
    }
    const seatFree = event.seatsTaken < event.capacity;
    // off the waitlist (if on it) and into a seat, or over capacity
    await em.query(
      `UPDATE events SET seats_taken = seats_taken + $2::int, walk_ins = walk_ins + 1 - $2::int, waitlisted = waitlisted - $3::int
       WHERE id = $1`,
      [eventId, seatFree ? 1 : 0, active?.status === RegistrationStatus.WAITLISTED ? 1 : 0],
    );
    const fields = {
      status: RegistrationStatus.ATTENDED,
      waitlistSeq: null,
      walkIn: !seatFree,
      checkedInAt: now,
      checkedInBy: by,
      checkInMethod: CheckInMethod.WALK_IN,
    };
    if (active) {
      // on the waitlist: they registered themselves, so recorded_by stays empty
      await em.update(Registration, { id: active.id }, fields);
      const registration = (await em.findOneBy(Registration, { id: active.id }))!;
      await this.attendanceRecorded(em, registration);
      return { registration, alreadyCheckedIn: false };
    }
    const saved = await em.save(
      em.create(Registration, {
        eventId,
        memberId,
        checkInCode: randomToken(32),
        recordedBy: by,
        ...fields,
      }),
    );
    await this.attendanceRecorded(em, saved);
    return { registration: saved, alreadyCheckedIn: false };
  }

  /**
   * One statement (CHECK_IN_STATEMENT, or the door's shape of it): the event, the staff check, the
   * window and the check-in; a second read only when a racing scan committed between its snapshot
   * and its row lock. The refusals come in the order of the old separate checks: no event, not
   * staff, closed, then what the code says. Answers the registration's row in the shape's columns
   * with the registrant's name. `prepared` (outside a transaction only): as a named statement on
   * the pool.
   */
  private async apply<R extends ScanRow>(
    em: EntityManager,
    eventId: string,
    code: string,
    at: Date,
    staff: CheckInStaff,
    method: CheckInMethod,
    shape: Shape,
    prepared = false,
  ): Promise<{ row: R; alreadyCheckedIn: boolean }> {
    // ids compare as PostgreSQL writes them (a uuid given in capitals is the same event)
    eventId = eventId.toLowerCase();
    const wellFormed = typeof code === 'string' && /^[A-Za-z0-9_-]{20,64}$/.test(code);
    const params = [
      wellFormed ? code : null,
      eventId,
      at.toISOString(), // as text: the same instant for $3::timestamptz, without pg's local-time formatting
      staff.memberId,
      method,
      OutboxKind.ATTENDANCE_RECORDED,
      staff.role,
    ];
    let reg: R | null = null;
    for (let attempt = 0; attempt < 3; attempt++) {
      const [row] = prepared
        ? await this.runPrepared<CheckInRow<R>>(shape, params)
        : await em.query<CheckInRow<R>[]>(shape.text, params);
      if (!row) throw eventsError(EventsError.EVENT_NOT_FOUND);
      if (!row.event_allowed) throw commonError(CommonError.FORBIDDEN);
      if (!row.event_open) throw eventsError(EventsError.CHECK_IN_CLOSED);
      if (row.source === 'hit') return { row, alreadyCheckedIn: false };
      reg = row.source ? row : null;
      if (!reg || reg.event_id !== eventId || !CHECKABLE.has(reg.status)) break;
      [reg = null] = await em.query<R[]>(shape.readAgain, [code]);
      if (!reg || !CHECKABLE.has(reg.status)) break;
    }
    if (!reg) throw eventsError(EventsError.CHECK_IN_CODE_UNKNOWN);
    if (reg.event_id !== eventId) throw eventsError(EventsError.CHECK_IN_WRONG_EVENT);
    if (reg.status === RegistrationStatus.ATTENDED) return { row: reg, alreadyCheckedIn: true };
    if (reg.status === RegistrationStatus.WAITLISTED) throw eventsError(EventsError.CHECK_IN_WAITLISTED);
    // three racing scans in a row each found it still checkable: not a cancelled registration
    if (CHECKABLE.has(reg.status)) throw commonError(CommonError.INTERNAL, { errorId: 'check-in-retries' });
    throw eventsError(EventsError.CHECK_IN_CANCELLED);
  }

  /**
   * A check-in statement as a named statement straight on TypeORM's pg pool: each connection parses
   * it once and PostgreSQL can keep its plan (planning the statement cost several times its
   * execution), and TypeORM's query runner is skipped (logging is off for the data source anyway).
   */
  private async runPrepared<T extends object>(shape: Shape, values: unknown[]): Promise<T[]> {
    const pool = (this.db.driver as unknown as { master: Pool }).master;
    const res = await pool.query<T>({ name: shape.name, text: shape.text, values });
    return res.rows;
  }

  /** In the check-in's transaction: the worker then evaluates the member's badges. */
  private attendanceRecorded(em: EntityManager, r: Registration): Promise<void> {
    return writeOutbox(em, [
      {
        kind: OutboxKind.ATTENDANCE_RECORDED,
        memberId: r.memberId,
        eventId: r.eventId,
        registrationId: r.id,
      },
    ]);
  }

  private assertWindow(event: Event, at: Date): void {
    const opens = event.startsAt.getTime() - CHECK_IN_OPENS_BEFORE_MS;
    const open = event.status === EventStatus.PUBLISHED || event.status === EventStatus.COMPLETED;
    if (!open || at.getTime() < opens || at.getTime() > event.endsAt.getTime())
      throw eventsError(EventsError.CHECK_IN_CLOSED);
  }

  /** The ACTIVE member (not a staff account) with this email or phone; anything else is not found. */
  private async findWalkInMember(emailOrPhone: string): Promise<Member> {
    const value = (emailOrPhone ?? '').trim();
    let member: Member | null;
    // fullwidth ＠ and letters are the same address (findByEmail reads the canonical form)
    if (canonicalEmail(value).includes('@')) {
      member = await this.members.findByEmail(value);
    } else {
      const phone = normalizeKzMobile(value);
      if (!phone) new FieldProblems().add('emailOrPhone', 'validation.invalidPhone').throwIfAny();
      const ids = await this.members.activeMemberIdsByPhone(phone!);
      if (ids.length > 1) throw eventsError(EventsError.WALK_IN_AMBIGUOUS);
      member = ids.length ? await this.members.get(ids[0]) : null;
    }
    // a suspended or withdrawn member reads as unknown: the answer tells nothing about them
    if (!member || member.role !== Role.MEMBER || member.status !== MemberStatus.ACTIVE)
      throw eventsError(EventsError.WALK_IN_NOT_FOUND);
    return member;
  }
}
