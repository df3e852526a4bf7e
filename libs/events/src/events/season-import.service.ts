import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomToken } from '@yvc/core';
import { DataSource, EntityManager } from 'typeorm';
import { RegistrationStatus } from '../registrations/registration.entity';
import { VenueDraft, cleanEventDraft } from './event-draft';
import { EventKind, EventStatus } from './event.entity';

/** One registration of an imported event, as it stands at the end of its history. */
export interface ImportedRegistration {
  memberId: string;
  status: RegistrationStatus;
  /** when the member registered */
  createdAt: Date;
  /** ATTENDED only: when and by whom (a coordinator or commission officer) the QR code was scanned */
  checkedInAt?: Date | null;
  checkedInBy?: string | null;
  /** CANCELLED only */
  cancelledAt?: Date | null;
  cancelledBy?: string | null;
}

/** An event with its whole history: status, timestamps and registrations. */
export interface ImportedEvent {
  title: string;
  description?: string | null;
  kind: EventKind;
  status: EventStatus;
  unitId: string;
  clubId?: string | null;
  venue?: VenueDraft | null;
  startsAt: Date;
  endsAt: Date;
  timeZone?: string;
  capacity: number;
  createdBy?: string | null;
  createdAt: Date;
  publishedAt?: Date | null;
  completedAt?: Date | null;
  cancelledAt?: Date | null;
  cancelReason?: string | null;
  /**
   * REGISTERED and ATTENDED take seats (at most `capacity`); WAITLISTED rows queue in the order
   * given (positions 1..n) and only on a full event; DRAFT events have none.
   */
  registrations: ImportedRegistration[];
}

export interface SeasonImportResult {
  events: number;
  registrations: number;
}

const SEATED = new Set([RegistrationStatus.REGISTERED, RegistrationStatus.ATTENDED]);
const ACTIVE = new Set([...SEATED, RegistrationStatus.WAITLISTED]);
/** Rows per INSERT statement. */
const CHUNK = 1000;

const time = (d: Date | null | undefined) => d ?? null;
const latest = (...dates: Array<Date | null | undefined>) =>
  new Date(Math.max(...dates.filter((d): d is Date => !!d).map((d) => d.getTime())));

/**
 * Loads a season of past and coming events with their registrations in bulk (demo data, a
 * migration from another system), in one transaction and without notifications. The counters the
 * registration flow keeps under the event's row lock are derived here from the rows themselves:
 * `seats_taken` = REGISTERED + ATTENDED, `waitlist_seq` = the number of WAITLISTED rows, each of
 * which gets its place 1..n; every registration gets its own random check-in code.
 *
 * Idempotent: an event whose unit already holds an event with the same title is left out, with its
 * registrations, so loading the same season again writes nothing.
 */
@Injectable()
export class SeasonImportService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async importSeason(events: ImportedEvent[]): Promise<SeasonImportResult> {
    events.forEach((e) => this.check(e));
    const titles = events.map((e) => cleanEventDraft({ title: e.title }).title!);
    const keys = events.map((e, i) => `${e.unitId}\n${titles[i]}`);
    if (new Set(keys).size !== keys.length)
      throw new Error('season import: two events share a unit and title');
    if (!events.length) return { events: 0, registrations: 0 };
    return this.db.transaction(async (em) => {
      // two imports at once (two `seed:demo` runs) take turns, so neither duplicates the other
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('yvc.season-import'))`);
      const existing: Array<{ unit_id: string; title: string }> = await em.query(
        `SELECT unit_id, title FROM events WHERE unit_id = ANY($1::uuid[]) AND title = ANY($2::text[])`,
        [[...new Set(events.map((e) => e.unitId))], titles],
      );
      const present = new Set(existing.map((r) => `${r.unit_id}\n${r.title}`));
      const fresh = events.filter((_, i) => !present.has(keys[i]));
      if (!fresh.length) return { events: 0, registrations: 0 };
      const ids = await this.insertEvents(em, fresh);
      let registrations = 0;
      const rows = fresh.flatMap((e, i) => this.registrationRows(ids[i], e));
      for (let i = 0; i < rows.length; i += CHUNK) {
        registrations += await this.insertRegistrations(em, rows.slice(i, i + CHUNK));
      }
      return { events: fresh.length, registrations };
    });
  }

  /** Refuses data the registration flow could never have produced (a bug in the caller). */
  private check(e: ImportedEvent): void {
    const fail = (why: string) => {
      throw new Error(`season import: «${e.title}»: ${why}`);
    };
    if ((e.status === EventStatus.CANCELLED) !== !!e.cancelReason?.trim())
      fail('a cancel reason goes with CANCELLED, and only with it');
    if (e.status === EventStatus.DRAFT && e.registrations.length) fail('a draft has no registrations');
    const active = new Set<string>();
    let seated = 0;
    let waitlisted = 0;
    for (const r of e.registrations) {
      if (ACTIVE.has(r.status)) {
        if (active.has(r.memberId)) fail(`member ${r.memberId} holds two active registrations`);
        active.add(r.memberId);
      }
      if (SEATED.has(r.status)) seated += 1;
      if (r.status === RegistrationStatus.WAITLISTED) waitlisted += 1;
      if ((r.status === RegistrationStatus.ATTENDED) !== !!(r.checkedInAt && r.checkedInBy))
        fail('ATTENDED rows, and only they, have checkedInAt and checkedInBy');
      if ((r.status === RegistrationStatus.CANCELLED) !== !!r.cancelledAt)
        fail('CANCELLED rows, and only they, have cancelledAt');
      if (r.createdAt > e.startsAt) fail('a registration made after the start');
    }
    if (seated > e.capacity) fail(`${seated} seats taken of ${e.capacity}`);
    if (waitlisted && seated < e.capacity) fail('a waitlist while seats are free');
  }

  private async insertEvents(em: EntityManager, events: ImportedEvent[]): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < events.length; i += CHUNK) {
      const chunk = events.slice(i, i + CHUNK);
      const rows = chunk.map((e) => {
        const f = cleanEventDraft({
          title: e.title,
          description: e.description ?? null,
          kind: e.kind,
          venue: e.venue ?? null,
          startsAt: e.startsAt,
          endsAt: e.endsAt,
          capacity: e.capacity,
          timeZone: e.timeZone ?? 'Asia/Almaty',
        });
        const seats = e.registrations.filter((r) => SEATED.has(r.status)).length;
        const waitlist = e.registrations.filter((r) => r.status === RegistrationStatus.WAITLISTED).length;
        return [
          f.title,
          f.description,
          e.kind,
          e.status,
          e.unitId,
          e.clubId ?? null,
          f.venueName,
          f.venueAddress,
          f.venueWheelchairAccessible,
          f.venueSignLanguage,
          f.startsAt,
          f.endsAt,
          f.timeZone,
          f.capacity,
          seats,
          waitlist,
          e.status === EventStatus.CANCELLED ? e.cancelReason!.normalize('NFC').trim() : null,
          time(e.publishedAt),
          time(e.cancelledAt),
          time(e.completedAt),
          e.createdBy ?? null,
          e.createdAt,
          latest(e.createdAt, e.publishedAt, e.cancelledAt, e.completedAt),
        ];
      });
      const col = (n: number) => rows.map((r) => r[n]);
      const inserted: Array<{ id: string; unit_id: string; title: string }> = await em.query(
        `INSERT INTO events (title, description, kind, status, unit_id, club_id, venue_name, venue_address,
           venue_wheelchair_accessible, venue_sign_language, starts_at, ends_at, time_zone, capacity,
           seats_taken, waitlist_seq, cancel_reason, published_at, cancelled_at, completed_at, created_by,
           created_at, updated_at)
         SELECT * FROM unnest($1::varchar[], $2::text[], $3::event_kind[], $4::event_status[], $5::uuid[],
           $6::uuid[], $7::varchar[], $8::varchar[], $9::boolean[], $10::boolean[], $11::timestamptz[],
           $12::timestamptz[], $13::varchar[], $14::int[], $15::int[], $16::int[], $17::varchar[],
           $18::timestamptz[], $19::timestamptz[], $20::timestamptz[], $21::uuid[], $22::timestamptz[],
           $23::timestamptz[])
         RETURNING id, unit_id, title`,
        Array.from({ length: 23 }, (_, n) => col(n)),
      );
      // the waitlist counter starts as the number of WAITLISTED rows, which waitlist_seq holds here
      await em.query(`UPDATE events SET waitlisted = waitlist_seq WHERE id = ANY($1::uuid[])`, [
        inserted.map((r) => r.id),
      ]);
      const byKey = new Map(inserted.map((r) => [`${r.unit_id}\n${r.title}`, r.id]));
      ids.push(...rows.map((r) => byKey.get(`${String(r[4])}\n${String(r[0])}`)!));
    }
    return ids;
  }

  private registrationRows(eventId: string, e: ImportedEvent): unknown[][] {
    let seq = 0;
    return e.registrations.map((r) => {
      const waitlistSeq = r.status === RegistrationStatus.WAITLISTED ? ++seq : null;
      const attended = r.status === RegistrationStatus.ATTENDED;
      const cancelled = r.status === RegistrationStatus.CANCELLED;
      return [
        eventId,
        r.memberId,
        r.status,
        waitlistSeq,
        randomToken(32),
        attended ? r.checkedInAt : null,
        attended ? r.checkedInBy : null,
        attended ? 'QR' : null,
        cancelled ? r.cancelledAt : null,
        cancelled ? (r.cancelledBy ?? null) : null,
        r.createdAt,
        latest(r.createdAt, attended ? r.checkedInAt : null, cancelled ? r.cancelledAt : null),
      ];
    });
  }

  private async insertRegistrations(em: EntityManager, rows: unknown[][]): Promise<number> {
    const col = (n: number) => rows.map((r) => r[n]);
    const inserted: unknown[] = await em.query(
      `INSERT INTO registrations (event_id, member_id, status, waitlist_seq, check_in_code, checked_in_at,
         checked_in_by, check_in_method, cancelled_at, cancelled_by, created_at, updated_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::registration_status[], $4::int[], $5::varchar[],
         $6::timestamptz[], $7::uuid[], $8::check_in_method[], $9::timestamptz[], $10::uuid[],
         $11::timestamptz[], $12::timestamptz[])
       RETURNING id`,
      Array.from({ length: 12 }, (_, n) => col(n)),
    );
    return inserted.length;
  }
}
