import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { Clock, FieldProblems, Page, cursorGuard, cursorInstant, encodeCursor, isUuid } from '@yvc/core';
import { ClubsService, UnitsService } from '@yvc/org';
import { OutboxKind, returnedRows, writeOutbox } from '@yvc/database';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { EventsError, eventsError } from '../events.errors';
import { fillFreeSeats } from '../registrations/seats';
import { DEFAULT_OFFSETS, EventDraft, cleanEventDraft } from './event-draft';
import { Event, EventKind, EventStatus } from './event.entity';

export interface CreateEventCommand extends EventDraft {
  title: string;
  kind: EventKind;
  unitId: string;
  clubId?: string | null;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
}

export interface EventListFilter {
  unitId?: string | null;
  clubId?: string | null;
  status?: EventStatus | null;
  kind?: EventKind | null;
  from?: Date | null;
  to?: Date | null;
  /** only events of these units and clubs (a staff account's own: the console's list) */
  within?: DraftVisibility | null;
}

/** Who is listing: which drafts they may see. */
export type DraftVisibility = 'ALL' | { unitIds: string[]; clubIds: string[] };

export interface EventCursor {
  s: string;
  i: string;
}

export const isEventCursor = cursorGuard<EventCursor>({ s: cursorInstant, i: isUuid });

const EDITABLE = [EventStatus.DRAFT, EventStatus.PUBLISHED];

@Injectable()
export class EventsService {
  constructor(
    @InjectRepository(Event) private readonly events: Repository<Event>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly units: UnitsService,
    private readonly clubs: ClubsService,
    private readonly clock: Clock,
  ) {}

  async get(id: string): Promise<Event> {
    const event = isUuid(id) ? await this.events.findOneBy({ id }) : null;
    if (!event) throw eventsError(EventsError.EVENT_NOT_FOUND);
    return event;
  }

  findByIds(ids: readonly string[]): Promise<Event[]> {
    const valid = ids.filter(isUuid);
    return valid.length ? this.events.findBy({ id: In(valid) }) : Promise.resolve([]);
  }

  /** A new event is a DRAFT; only its staff see it until it is published. */
  async create(cmd: CreateEventCommand, createdBy: string): Promise<Event> {
    const problems = new FieldProblems();
    const fields = cleanEventDraft(
      { ...cmd, reminderOffsetsMinutes: cmd.reminderOffsetsMinutes ?? DEFAULT_OFFSETS },
      undefined,
      this.clock.now(),
    );
    const unit = isUuid(cmd.unitId) ? await this.units.findById(cmd.unitId) : null;
    if (!unit) problems.add('unitId', 'validation.unitNotFound');
    if (cmd.clubId) {
      const club = await this.clubs.findById(cmd.clubId);
      if (!club || club.archivedAt) problems.add('clubId', 'validation.clubNotFound');
      else if (unit && !(await this.units.subtreeIds([unit.id])).includes(club.unitId)) {
        problems.add('clubId', 'validation.clubNotInUnit');
      }
    }
    problems.throwIfAny();
    return this.events.save(
      this.events.create({
        ...fields,
        unitId: cmd.unitId,
        clubId: cmd.clubId ?? null,
        status: EventStatus.DRAFT,
        createdBy,
      }),
    );
  }

  /**
   * Changes an event. Under the event's row lock: capacity may not drop below the seats taken, a
   * raise promotes from the waitlist, moving a published event tells every active registrant, and
   * new reminder times reschedule the reminders of the seats taken.
   */
  async update(id: string, draft: EventDraft): Promise<Event> {
    await this.db.transaction(async (em) => {
      const event = await this.lock(em, id);
      if (!EDITABLE.includes(event.status)) throw eventsError(EventsError.EVENT_NOT_EDITABLE);
      const fields = cleanEventDraft(draft, event, this.clock.now());
      const problems = new FieldProblems();
      if (fields.capacity !== undefined && fields.capacity < event.seatsTaken) {
        problems.add('capacity', 'validation.capacityBelowRegistered', { registered: event.seatsTaken });
      }
      const moved =
        (fields.startsAt && fields.startsAt.getTime() !== event.startsAt.getTime()) ||
        (fields.endsAt && fields.endsAt.getTime() !== event.endsAt.getTime());
      if (
        moved &&
        event.status === EventStatus.PUBLISHED &&
        fields.startsAt &&
        fields.startsAt <= this.clock.now()
      ) {
        problems.add('startsAt', 'validation.startsInPast');
      }
      problems.throwIfAny();
      if (Object.keys(fields).length) await em.update(Event, { id }, fields);
      if (fields.capacity !== undefined && fields.capacity > event.capacity) await fillFreeSeats(em, id);
      const previousOffsets = event.reminderOffsetsMinutes;
      const offsetsChanged =
        fields.reminderOffsetsMinutes !== undefined &&
        fields.reminderOffsetsMinutes.join() !== [...previousOffsets].sort((a, b) => b - a).join();
      if (moved && event.status === EventStatus.PUBLISHED) {
        await this.toRegistrants(em, id, ['REGISTERED', 'WAITLISTED'], OutboxKind.EVENT_MOVED, {
          previousStartsAt: event.startsAt.toISOString(),
          previousOffsets,
        });
      } else if (offsetsChanged && event.status === EventStatus.PUBLISHED) {
        // new reminder times for the seats already taken (no message: only the reminders move)
        await this.toRegistrants(em, id, ['REGISTERED'], OutboxKind.REMINDERS_CHANGED, {
          previousOffsets,
          startsAt: event.startsAt.toISOString(),
        });
      }
    });
    return this.get(id);
  }

  /** DRAFT to PUBLISHED, only for an event still in the future; publishing twice is harmless. */
  async publish(id: string): Promise<Event> {
    const event = await this.get(id);
    if (event.status === EventStatus.PUBLISHED) return event;
    if (event.status !== EventStatus.DRAFT) throw eventsError(EventsError.EVENT_NOT_EDITABLE);
    if (event.startsAt <= this.clock.now())
      new FieldProblems().add('startsAt', 'validation.startsInPast').throwIfAny();
    const done = returnedRows(
      await this.db.query(
        `UPDATE events SET status = 'PUBLISHED', published_at = now(), updated_at = now()
         WHERE id = $1 AND status = 'DRAFT' RETURNING id`,
        [id],
      ),
    );
    if (!done.length) return this.publish(id);
    return this.get(id);
  }

  /** Cancels the event and every active registration, and tells each holder (through the outbox). */
  async cancel(id: string, reason: string, by: string): Promise<Event> {
    const clean = (reason ?? '').normalize('NFC').trim();
    const problems = new FieldProblems();
    if (!clean) problems.add('reason', 'validation.required');
    else if ([...clean].length > 500) problems.add('reason', 'validation.tooLong', { max: 500 });
    problems.throwIfAny();
    await this.db.transaction(async (em) => {
      const event = await this.lock(em, id);
      if (event.status === EventStatus.CANCELLED) return;
      if (!EDITABLE.includes(event.status)) throw eventsError(EventsError.EVENT_NOT_EDITABLE);
      await em.query(
        `UPDATE events SET status = 'CANCELLED', cancel_reason = $2, cancelled_at = now(), waitlisted = 0, updated_at = now() WHERE id = $1`,
        [id, clean],
      );
      const cancelled = returnedRows<{ id: string; member_id: string }>(
        await em.query(
          `UPDATE registrations SET status = 'CANCELLED', waitlist_seq = NULL, cancelled_at = now(), cancelled_by = $2, updated_at = now()
           WHERE event_id = $1 AND status IN ('REGISTERED', 'WAITLISTED') RETURNING id, member_id`,
          [id, by],
        ),
      );
      await em.query(
        `UPDATE events SET seats_taken = (SELECT count(*) FROM registrations
           WHERE event_id = $1 AND status IN ('REGISTERED', 'ATTENDED') AND NOT walk_in) WHERE id = $1`,
        [id],
      );
      await writeOutbox(
        em,
        cancelled.map((r) => ({
          kind: OutboxKind.EVENT_CANCELLED,
          memberId: r.member_id,
          eventId: id,
          registrationId: r.id,
          payload: { reason: clean },
        })),
      );
    });
    return this.get(id);
  }

  /**
   * Events by start time, keyset-paginated. Everyone logged in sees published, cancelled and
   * completed events; drafts only within `drafts` (the caller's staff scope).
   */
  async list(
    filter: EventListFilter,
    drafts: DraftVisibility,
    first: number,
    after?: EventCursor,
  ): Promise<Page<Event>> {
    const qb = this.events.createQueryBuilder('e');
    if (drafts !== 'ALL') {
      qb.andWhere(`(e.status <> 'DRAFT' OR e.unit_id = ANY(:scopeUnits) OR e.club_id = ANY(:scopeClubs))`, {
        scopeUnits: drafts.unitIds,
        scopeClubs: drafts.clubIds,
      });
    }
    if (filter.within && filter.within !== 'ALL') {
      qb.andWhere('(e.unit_id = ANY(:withinUnits) OR e.club_id = ANY(:withinClubs))', {
        withinUnits: filter.within.unitIds,
        withinClubs: filter.within.clubIds,
      });
    }
    if (filter.unitId) {
      const ids = isUuid(filter.unitId) ? await this.units.subtreeIds([filter.unitId]) : [];
      qb.andWhere('e.unit_id = ANY(:units)', { units: ids });
    }
    if (filter.clubId)
      qb.andWhere('e.club_id = :clubId', { clubId: isUuid(filter.clubId) ? filter.clubId : null });
    if (filter.status) qb.andWhere('e.status = :status', { status: filter.status });
    if (filter.kind) qb.andWhere('e.kind = :kind', { kind: filter.kind });
    if (filter.from) qb.andWhere('e.starts_at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('e.starts_at < :to', { to: filter.to });
    const totalCount = await qb.clone().getCount();
    if (after) qb.andWhere('(e.starts_at, e.id) > (:s::timestamptz, :i::uuid)', { s: after.s, i: after.i });
    const rows = await qb
      .orderBy('e.starts_at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .limit(first + 1)
      .getMany();
    return {
      items: rows.slice(0, first),
      hasNextPage: rows.length > first,
      totalCount,
      cursorOf: (e) => encodeCursor({ s: e.startsAt.toISOString(), i: e.id }),
    };
  }

  /**
   * Published events whose end has passed become COMPLETED, their registrations still
   * REGISTERED become NO_SHOW, and the waitlist that never got a seat is closed (CANCELLED by
   * nobody, no message: the member's list no longer shows a past event as "waitlisted"). Run by
   * the worker every minute; safe to run concurrently.
   */
  async completeEnded(): Promise<{ events: number; noShows: number; waitlistClosed: number }> {
    return this.db.transaction(async (em) => {
      const ended = returnedRows<{ id: string }>(
        await em.query(
          `UPDATE events SET status = 'COMPLETED', completed_at = now(), waitlisted = 0, updated_at = now()
           WHERE id IN (SELECT id FROM events WHERE status = 'PUBLISHED' AND ends_at < now() FOR UPDATE SKIP LOCKED)
           RETURNING id`,
        ),
      );
      if (!ended.length) return { events: 0, noShows: 0, waitlistClosed: 0 };
      const noShows = returnedRows<{ event_id: string }>(
        await em.query(
          `UPDATE registrations SET status = 'NO_SHOW', updated_at = now()
           WHERE event_id = ANY($1::uuid[]) AND status = 'REGISTERED' RETURNING event_id`,
          [ended.map((e) => e.id)],
        ),
      );
      // a no-show no longer holds a seat: seats_taken stays the count of REGISTERED and ATTENDED
      await em.query(
        `UPDATE events e SET seats_taken = e.seats_taken - n.count
         FROM (SELECT event_id, count(*)::int AS count FROM unnest($1::uuid[]) AS event_id GROUP BY event_id) n
         WHERE e.id = n.event_id`,
        [noShows.map((r) => r.event_id)],
      );
      const waitlistClosed = returnedRows<{ id: string }>(
        await em.query(
          `UPDATE registrations SET status = 'CANCELLED', waitlist_seq = NULL, cancelled_at = now(), updated_at = now()
           WHERE event_id = ANY($1::uuid[]) AND status = 'WAITLISTED' RETURNING id`,
          [ended.map((e) => e.id)],
        ),
      ).length;
      return { events: ended.length, noShows: noShows.length, waitlistClosed };
    });
  }

  /** One outbox row of `kind` for each registration of the event in `statuses`. */
  private async toRegistrants(
    em: EntityManager,
    eventId: string,
    statuses: Array<'REGISTERED' | 'WAITLISTED'>,
    kind: OutboxKind,
    payload: Record<string, unknown>,
  ): Promise<void> {
    const rows: Array<{ id: string; member_id: string }> = await em.query(
      `SELECT id, member_id FROM registrations WHERE event_id = $1 AND status = ANY($2::registration_status[])`,
      [eventId, statuses],
    );
    await writeOutbox(
      em,
      rows.map((r) => ({ kind, memberId: r.member_id, eventId, registrationId: r.id, payload })),
    );
  }

  /** Locks the event row for the rest of the transaction: every seat change goes through here. */
  async lock(em: EntityManager, id: string): Promise<Event> {
    if (!isUuid(id)) throw eventsError(EventsError.EVENT_NOT_FOUND);
    const event = await em.findOne(Event, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!event) throw eventsError(EventsError.EVENT_NOT_FOUND);
    return event;
  }
}
