import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DomainError, Page, cursorGuard, cursorInstant, encodeCursor, isUuid, randomToken } from '@yvc/core';
import { OutboxKind, returnedRows, uniqueViolation, writeOutbox } from '@yvc/database';
import { DataSource, In, Repository } from 'typeorm';
import { EventsError, eventsError } from '../events.errors';
import { EventStatus } from '../events/event.entity';
import { REGISTER_STATEMENT } from './register-statement';
import { RegistrationRow, registrationFromRow } from './registration-row';
import { fillFreeSeats } from './seats';
import { ACTIVE_STATUSES, Registration, RegistrationStatus } from './registration.entity';

export interface EventCounts {
  registered: number;
  waitlisted: number;
  attended: number;
}

/** What register() did: the registration, and its waitlist position when it has just joined the waitlist. */
export interface Registered {
  registration: Registration;
  /** set when this call put the member on the waitlist (from the statement; no ranking query) */
  waitlistPosition?: number;
}

export interface RegistrationCursor {
  c: string;
  i: string;
}

export const isRegistrationCursor = cursorGuard<RegistrationCursor>({ c: cursorInstant, i: isUuid });

@Injectable()
export class RegistrationsService {
  constructor(
    @InjectRepository(Registration) private readonly registrations: Repository<Registration>,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /**
   * Registers a member: a free seat makes it REGISTERED, a full event WAITLISTED. One statement,
   * one round trip: it takes the seat or the waitlist number under the event's row lock, inserts
   * the registration and its outbox row and returns the row with its waitlist position (the
   * event's `waitlisted` counter): no overbooking, no gaps, and the lock is held only while
   * PostgreSQL runs that statement. Registering again while a registration is active returns it
   * unchanged (the unique index refuses the second row and undoes the whole statement; then, and
   * only then, the active one is read); two requests of one member at once make one registration.
   */
  async register(eventId: string, memberId: string): Promise<Registered> {
    if (!isUuid(eventId)) throw eventsError(EventsError.EVENT_NOT_FOUND);
    let rows: Array<RegistrationRow & { waitlist_position: number | null }>;
    try {
      rows = await this.db.query(REGISTER_STATEMENT, [
        eventId,
        memberId,
        randomToken(32),
        OutboxKind.REGISTERED,
        OutboxKind.WAITLISTED,
      ]);
    } catch (err) {
      if (uniqueViolation(err) === 'registrations_active_key') {
        const existing = await this.findActive(eventId, memberId);
        return existing ? { registration: existing } : this.register(eventId, memberId);
      }
      throw err;
    }
    if (!rows.length) {
      // closed (or begun): a member already registered still gets their registration back
      const existing = await this.findActive(eventId, memberId);
      if (existing) return { registration: existing };
      throw await this.closedOrMissing(eventId);
    }
    const row = rows[0];
    return {
      registration: registrationFromRow(row),
      ...(row.waitlist_position === null ? {} : { waitlistPosition: row.waitlist_position }),
    };
  }

  /**
   * Cancels a REGISTERED or WAITLISTED registration. A freed seat goes, in the same transaction,
   * to the first on the waitlist, who is told through the outbox.
   */
  async cancel(registrationId: string, by: string): Promise<Registration> {
    const reg = await this.get(registrationId);
    await this.db.transaction(async (em) => {
      await em.query(`SELECT id FROM events WHERE id = $1 FOR UPDATE`, [reg.eventId]);
      const [old] = returnedRows<{ status: RegistrationStatus; member_id: string }>(
        await em.query(
          `WITH old AS (SELECT id, status FROM registrations WHERE id = $1 AND status IN ('REGISTERED', 'WAITLISTED') FOR UPDATE)
           UPDATE registrations r SET status = 'CANCELLED', waitlist_seq = NULL, cancelled_at = now(), cancelled_by = $2, updated_at = now()
           FROM old WHERE r.id = old.id RETURNING old.status, r.member_id`,
          [registrationId, by],
        ),
      );
      if (!old) throw eventsError(EventsError.REGISTRATION_NOT_ACTIVE);
      if (old.status === RegistrationStatus.WAITLISTED) {
        await em.query(`UPDATE events SET waitlisted = waitlisted - 1 WHERE id = $1`, [reg.eventId]);
      }
      if (old.status === RegistrationStatus.REGISTERED) {
        await em.query(`UPDATE events SET seats_taken = seats_taken - 1 WHERE id = $1`, [reg.eventId]);
        // (fillFreeSeats gives nothing once the event has begun)
        const [event] = await em.query(`SELECT status FROM events WHERE id = $1`, [reg.eventId]);
        if (event.status === EventStatus.PUBLISHED) await fillFreeSeats(em, reg.eventId);
      }
      await writeOutbox(em, [
        {
          kind: OutboxKind.REGISTRATION_CANCELLED,
          memberId: old.member_id,
          eventId: reg.eventId,
          registrationId,
        },
      ]);
    });
    return this.get(registrationId);
  }

  /**
   * Cancels a member's registrations for events that have not started (when they withdraw
   * consent), each through `cancel`, so seats go to the waitlist as usual (`fillFreeSeats`, under
   * the event's lock). Idempotent and safe twice at once: a registration already cancelled is
   * skipped. Registrations at events under way or past stay, for the counts.
   */
  async cancelUpcomingForMember(memberId: string): Promise<number> {
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT r.id FROM registrations r JOIN events e ON e.id = r.event_id
       WHERE r.member_id = $1 AND r.status IN ('REGISTERED', 'WAITLISTED') AND e.starts_at > now()`,
      [memberId],
    );
    for (const r of rows) {
      await this.cancel(r.id, memberId).catch((err: unknown) => {
        if (!(
          err instanceof DomainError && (err.reason as EventsError) === EventsError.REGISTRATION_NOT_ACTIVE
        ))
          throw err;
      });
    }
    return rows.length;
  }

  /** A member's registrations as plain data, for their data export. */
  exportForMember(memberId: string): Promise<Array<Record<string, unknown>>> {
    return this.db.query(
      `SELECT e.title AS event, e.starts_at AS "startsAt", r.status, r.created_at AS "registeredAt",
              r.checked_in_at AS "checkedInAt", r.cancelled_at AS "cancelledAt"
       FROM registrations r JOIN events e ON e.id = r.event_id WHERE r.member_id = $1 ORDER BY r.created_at`,
      [memberId],
    );
  }

  async get(id: string): Promise<Registration> {
    const reg = isUuid(id) ? await this.registrations.findOneBy({ id }) : null;
    if (!reg) throw eventsError(EventsError.REGISTRATION_NOT_FOUND);
    return reg;
  }

  /** The registration a QR code belongs to (the code is the secret), or null. */
  findByCheckInCode(code: string): Promise<Registration | null> {
    return this.registrations.findOneBy({ checkInCode: code });
  }

  findActive(eventId: string, memberId: string): Promise<Registration | null> {
    return this.registrations.findOneBy({ eventId, memberId, status: In(ACTIVE_STATUSES) });
  }

  findByIds(ids: readonly string[]): Promise<Registration[]> {
    const valid = ids.filter(isUuid);
    return valid.length ? this.registrations.findBy({ id: In(valid) }) : Promise.resolve([]);
  }

  /** The REGISTERED seats of an event, as (registration, member) pairs: who gets its reminders. */
  async registeredSeats(eventId: string): Promise<Array<{ id: string; memberId: string }>> {
    return this.db.query(
      `SELECT id, member_id AS "memberId" FROM registrations WHERE event_id = $1 AND status = 'REGISTERED' ORDER BY id`,
      [eventId],
    );
  }

  /** The active registration of `memberId` at each event (for Event.myRegistration). */
  async activeFor(memberId: string, eventIds: readonly string[]): Promise<Map<string, Registration>> {
    const rows = eventIds.length
      ? await this.registrations.findBy({ memberId, eventId: In([...eventIds]), status: In(ACTIVE_STATUSES) })
      : [];
    return new Map(rows.map((r) => [r.eventId, r]));
  }

  /** Registered (REGISTERED or ATTENDED), waitlisted and attended counts per event, in one query. */
  async countsByEvent(eventIds: readonly string[]): Promise<Map<string, EventCounts>> {
    const rows: Array<{ event_id: string; registered: number; waitlisted: number; attended: number }> =
      eventIds.length
        ? await this.db.query(
            `SELECT event_id,
             count(*) FILTER (WHERE status IN ('REGISTERED', 'ATTENDED'))::int AS registered,
             count(*) FILTER (WHERE status = 'WAITLISTED')::int AS waitlisted,
             count(*) FILTER (WHERE status = 'ATTENDED')::int AS attended
           FROM registrations WHERE event_id = ANY($1::uuid[]) AND status IN ('REGISTERED', 'WAITLISTED', 'ATTENDED')
           GROUP BY event_id`,
            [eventIds],
          )
        : [];
    return new Map(
      rows.map((r) => [
        r.event_id,
        { registered: r.registered, waitlisted: r.waitlisted, attended: r.attended },
      ]),
    );
  }

  /** 1-based waitlist positions: ranks among the event's WAITLISTED rows, so never a gap. */
  async waitlistPositions(registrationIds: readonly string[]): Promise<Map<string, number>> {
    const rows: Array<{ id: string; position: number }> = registrationIds.length
      ? await this.db.query(
          `SELECT id, position FROM (
             SELECT id, row_number() OVER (PARTITION BY event_id ORDER BY waitlist_seq)::int AS position
             FROM registrations
             WHERE status = 'WAITLISTED'
               AND event_id IN (SELECT event_id FROM registrations WHERE id = ANY($1::uuid[]) AND status = 'WAITLISTED')
           ) ranked WHERE id = ANY($1::uuid[])`,
          [registrationIds],
        )
      : [];
    return new Map(rows.map((r) => [r.id, r.position]));
  }

  /** A member's registrations, newest first. */
  async listForMember(
    memberId: string,
    first: number,
    after?: RegistrationCursor,
  ): Promise<Page<Registration>> {
    const qb = this.registrations.createQueryBuilder('r').where('r.member_id = :memberId', { memberId });
    const totalCount = await qb.clone().getCount();
    // cursors carry milliseconds; PostgreSQL keeps microseconds, so compare at the cursor's precision
    const created = `date_trunc('milliseconds', r.created_at)`;
    if (after) qb.andWhere(`(${created}, r.id) < (:c::timestamptz, :i::uuid)`, { c: after.c, i: after.i });
    const rows = await qb
      .orderBy(created, 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(first + 1)
      .getMany();
    return {
      items: rows.slice(0, first),
      hasNextPage: rows.length > first,
      totalCount,
      cursorOf: (r) => encodeCursor({ c: r.createdAt.toISOString(), i: r.id }),
    };
  }

  private async closedOrMissing(eventId: string): Promise<Error> {
    const [event] = await this.db.query(`SELECT 1 FROM events WHERE id = $1`, [eventId]);
    return eventsError(event ? EventsError.REGISTRATION_CLOSED : EventsError.EVENT_NOT_FOUND);
  }
}
