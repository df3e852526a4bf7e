import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  APP_CONFIG,
  AppConfig,
  CommonError,
  Locale,
  commonError,
  isLocale,
  randomToken,
  translate,
} from '@yvc/core';
import { returnedRows } from '@yvc/database';
import ical, { ICalCalendar, ICalCalendarMethod, ICalEvent, ICalEventStatus } from 'ical-generator';
import { DataSource, In, Not, Repository } from 'typeorm';
import { EventsError, eventsError } from '../events.errors';
import { Event, EventStatus } from '../events/event.entity';
import { EventsService } from '../events/events.service';
import { ACTIVE_STATUSES, Registration, RegistrationStatus } from '../registrations/registration.entity';

/** What a feed token looks like (randomToken(32): 43 characters of base64url). */
const TOKEN_RE = /^[A-Za-z0-9_-]{20,64}$/;

/** SEQUENCE: every change of the event moves updated_at, so the seconds since creation only grow. */
const sequenceOf = (event: Pick<Event, 'createdAt' | 'updatedAt'>): number =>
  Math.max(0, Math.floor((event.updatedAt.getTime() - event.createdAt.getTime()) / 1000));

/** How often calendar apps are asked to poll a personal feed. */
const FEED_REFRESH_SECONDS = 60 * 60;

export interface IcsFile {
  filename: string;
  body: string;
}

/**
 * iCalendar files (RFC 5545): one event's file, public once the event is published, and each
 * member's personal feed of their active registrations behind an unguessable token.
 * Times are written in UTC (an exact instant; no VTIMEZONE needed), so apps show them in local time.
 */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(Registration) private readonly registrations: Repository<Registration>,
    private readonly events: EventsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The .ics of one event; a DRAFT (or an unknown id) is NOT_FOUND. */
  async eventIcs(eventId: string, locale: Locale): Promise<IcsFile> {
    const event = await this.events.get(eventId);
    if (event.status === EventStatus.DRAFT) throw eventsError(EventsError.EVENT_NOT_FOUND);
    const cal = this.calendar(locale);
    this.addEvent(cal, event, locale);
    return { filename: `event-${event.id}.ics`, body: cal.toString() };
  }

  /**
   * The .ics that takes the event out of a member's calendar (RFC 5546 METHOD:CANCEL): the same UID
   * as the event's entry, a higher SEQUENCE than any version of it sent so far, STATUS:CANCELLED,
   * the organizer (MAIL_FROM) and the member as the attendee removed.
   */
  async cancellationIcs(eventId: string, locale: Locale, attendeeEmail?: string | null): Promise<IcsFile> {
    const event = await this.events.get(eventId);
    const cal = this.calendar(locale).method(ICalCalendarMethod.CANCEL);
    const entry = this.addEvent(cal, event, locale);
    entry.status(ICalEventStatus.CANCELLED).sequence(sequenceOf(event) + 1);
    const from = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(this.config.MAIL_FROM);
    entry.organizer(
      from
        ? { name: from[1] || from[2], email: from[2] }
        : { name: this.config.MAIL_FROM, email: this.config.MAIL_FROM },
    );
    if (attendeeEmail) entry.createAttendee({ email: attendeeEmail });
    return { filename: `event-${event.id}-cancel.ics`, body: cal.toString() };
  }

  /** The member's feed token, made on first use; concurrent first calls get the same one. */
  async feedToken(memberId: string): Promise<string> {
    await this.db.query(
      `INSERT INTO calendar_feeds (member_id, token) VALUES ($1, $2) ON CONFLICT (member_id) DO NOTHING`,
      [memberId, randomToken(32)],
    );
    const [row] = await this.db.query(`SELECT token FROM calendar_feeds WHERE member_id = $1`, [memberId]);
    return row.token as string;
  }

  /** A new token for the member's feed: the old URL stops working at once. */
  async rotateFeedToken(memberId: string): Promise<string> {
    const [row] = returnedRows<{ token: string }>(
      await this.db.query(
        `INSERT INTO calendar_feeds (member_id, token) VALUES ($1, $2)
         ON CONFLICT (member_id) DO UPDATE SET token = EXCLUDED.token, created_at = now()
         RETURNING token`,
        [memberId, randomToken(32)],
      ),
    );
    return row.token;
  }

  /** The member withdrew consent: their feed (a token that lists their events) is deleted. */
  async dropFeed(memberId: string): Promise<void> {
    await this.db.query(`DELETE FROM calendar_feeds WHERE member_id = $1`, [memberId]);
  }

  /** Where a calendar app subscribes to the feed of `token`. */
  feedUrl(token: string): string {
    return `${this.baseUrl()}/calendar/${token}.ics`;
  }

  /**
   * The feed behind `token`: the member's REGISTERED, WAITLISTED and ATTENDED registrations at
   * events that are not drafts. An unknown token or a withdrawn member is NOT_FOUND.
   */
  async feedIcs(token: string): Promise<IcsFile> {
    if (!TOKEN_RE.test(token)) throw commonError(CommonError.NOT_FOUND);
    const [owner] = await this.db.query(
      `SELECT f.member_id, m.locale FROM calendar_feeds f JOIN members m ON m.id = f.member_id
       WHERE f.token = $1 AND m.status <> 'WITHDRAWN'`,
      [token],
    );
    if (!owner) throw commonError(CommonError.NOT_FOUND);
    const memberLocale = String(owner.locale).toLowerCase();
    const locale: Locale = isLocale(memberLocale) ? memberLocale : 'kk';
    const regs = await this.registrations.find({
      where: {
        memberId: owner.member_id,
        status: In(ACTIVE_STATUSES),
        event: { status: Not(EventStatus.DRAFT) },
      },
      relations: { event: true },
      order: { event: { startsAt: 'ASC', id: 'ASC' } },
    });
    const cal = this.calendar(locale)
      .name(translate(locale, 'labels.calendar.feedName'))
      .ttl(FEED_REFRESH_SECONDS);
    for (const reg of regs) if (reg.event) this.addEvent(cal, reg.event, locale, reg.status);
    return { filename: 'yvc-calendar.ics', body: cal.toString() };
  }

  private calendar(locale: Locale): ICalCalendar {
    return ical({
      prodId: { company: 'yvc', product: 'Young Voters Club', language: locale.toUpperCase() },
      method: ICalCalendarMethod.PUBLISH,
    });
  }

  private addEvent(
    cal: ICalCalendar,
    event: Event,
    locale: Locale,
    registration?: RegistrationStatus,
  ): ICalEvent {
    const cancelled = event.status === EventStatus.CANCELLED;
    const description = [
      cancelled && event.cancelReason
        ? `${translate(locale, 'labels.calendar.cancelled')}: ${event.cancelReason}`
        : null,
      event.description,
    ]
      .filter(Boolean)
      .join('\n\n');
    const status = cancelled
      ? ICalEventStatus.CANCELLED
      : registration === RegistrationStatus.WAITLISTED
        ? ICalEventStatus.TENTATIVE
        : ICalEventStatus.CONFIRMED;
    return cal.createEvent({
      id: `${event.id}@yvc`,
      start: event.startsAt,
      end: event.endsAt,
      summary: event.title,
      description: description || null,
      location: [event.venueName, event.venueAddress].filter(Boolean).join(', ') || null,
      url: `${this.baseUrl()}/events/${event.id}.ics`,
      status,
      sequence: sequenceOf(event),
      // DTSTAMP: when this version of the event was made (stable output, so ETags match between polls).
      stamp: event.updatedAt,
      lastModified: event.updatedAt,
      created: event.createdAt,
    });
  }

  private baseUrl(): string {
    return this.config.PUBLIC_URL.replace(/\/+$/, '');
  }
}
