import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, Locale, formatLocalDateTime } from '@yvc/core';
import { returnedRows } from '@yvc/database';
import {
  CalendarService,
  Event,
  EventStatus,
  EventsService,
  Registration,
  RegistrationStatus,
  RegistrationsService,
} from '@yvc/events';
import { AccountTokensService, Member, MemberLocale, MemberStatus, MembersService } from '@yvc/identity';
import { DataSource } from 'typeorm';
import { EmailPermanentError, EmailSender } from '../channels/email.sender';
import { SmsSender } from '../channels/sms.sender';
import { Notification, NotificationKind } from '../notification.entity';
import { SmsPlan, planSmsTime } from '../quiet-hours';
import { MessageContext, renderMessage } from '../templates/messages';
import { unsubscribeToken } from '../unsubscribe';
import { DeliveryChannel, DeliveryStatus } from './delivery.entity';
import { DeliveryLease } from './delivery-lease';

/** Thrown for failures worth retrying; anything permanent marks the delivery FAILED at once. */
export class RetryableDeliveryError extends Error {}
export class PermanentDeliveryError extends Error {}

/** The messages about a seat the member holds: only these may carry the link to the QR code. */
const CARRIES_ENTRANCE_CODE = new Set<NotificationKind>([
  NotificationKind.REGISTERED,
  NotificationKind.PROMOTED,
  NotificationKind.EVENT_MOVED,
  NotificationKind.REMINDER,
]);

export const toLocale = (l: MemberLocale): Locale => l.toLowerCase() as Locale;

/** A claimed delivery and its notification (read by the claim itself). */
interface Claimed {
  id: string;
  channel: DeliveryChannel;
  attempts: number;
  notification: Pick<Notification, 'id' | 'memberId' | 'kind' | 'eventId' | 'registrationId' | 'params'>;
}

/** What the rows of a batch refer to, read once for the batch. */
interface BatchData {
  members: Map<string, Member>;
  events: Map<string, Event>;
  registrations: Map<string, Registration>;
  waitlist: Map<string, number>;
  /** per batch: the same .ics for every confirmation of one event in one language */
  ics: Map<string, Promise<{ filename: string; body: string }>>;
}

/** How one send ended. */
type Outcome =
  | { sent: string }
  | { skip: string }
  | { deferUntil: Date }
  /** not sent: the lease could not be kept (the row goes back as it was, or to the worker that took it) */
  | { released: true }
  | { error: Error; permanent: boolean; retryAfterSeconds?: number };

const SKIP_UNAVAILABLE = 'recipient unavailable or opted out';
const SKIP_QUIET = 'quiet hours';
/** a reminder whose seat or event is gone by the time it is sent */
const SKIP_STALE = 'reminder no longer applies';

const RELEASED: Outcome = { released: true };

const isPermanent = (err: unknown): boolean =>
  err instanceof PermanentDeliveryError ||
  err instanceof EmailPermanentError ||
  (err as Error).name === 'SmsPermanentError';

/** Where the status of one delivery goes after its attempt (one row of the batch's final UPDATE). */
interface Finish {
  id: string;
  attempts: number;
  status: DeliveryStatus;
  messageId: string | null;
  /** null with PENDING keeps the last error (a deferral is not a failure) */
  error: string | null;
  sendAfter: Date | null;
  /** 1 = the attempt is given back (deferred by quiet hours) */
  refund: number;
}

/** Runs `fn` over `items` with at most `limit` at a time. */
async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}

/**
 * Sends deliveries at most once each, in batches (the delivery pump) or one by one (the `deliver`
 * jobs queued before batches). A claim (PENDING -> SENDING with a lease, attempts + 1) lets one
 * worker through; SENT, SKIPPED and FAILED end a delivery. A crash while SENDING leaves a lease that
 * expires, after which a claim may send again, with the same reference (Message-ID /
 * Idempotency-Key) so the provider drops the copy.
 */
@Injectable()
export class DeliveryService {
  /** formatted start times: one Intl.DateTimeFormat per (instant, language, zone), not per message */
  private readonly whenCache = new Map<string, string>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly email: EmailSender,
    private readonly sms: SmsSender,
    private readonly members: MembersService,
    private readonly events: EventsService,
    private readonly registrations: RegistrationsService,
    private readonly calendar: CalendarService,
    private readonly tokens: AccountTokensService,
  ) {}

  /**
   * Claims up to `limit` due deliveries of a channel (PENDING and due, or SENDING with the lease
   * run out) in one statement with SKIP LOCKED, so workers never wait for each other; reads what
   * they refer to in one query per table; sends them concurrently (pooled SMTP connections,
   * keep-alive HTTP); records every outcome in one statement. Returns how many were claimed.
   */
  async deliverBatch(channel: DeliveryChannel, limit: number): Promise<number> {
    const claimedAt = Date.now();
    const claimed = await this.claim(channel, limit);
    if (!claimed.length) return 0;
    const lease = this.lease(claimed, claimedAt);
    let finishes: Finish[];
    try {
      const data = await this.load(claimed.map((c) => c.notification));
      const outcomes = await mapLimit(claimed, this.config.DELIVERY_SENDS_IN_FLIGHT, async (c) =>
        (await lease.mayStart(c.id)) ? this.attempt(c, data) : RELEASED,
      );
      finishes = claimed.map((c, i) => this.finishOf(c, outcomes[i], false));
    } catch (err) {
      // the batch's reads failed (nothing was sent): all of it goes back, as a failed attempt
      const reason = String((err as Error).message ?? 'error').slice(0, 480);
      finishes = claimed.map((c) => this.finishOf(c, { error: new Error(reason), permanent: false }, false));
    } finally {
      lease.stop();
    }
    await this.record(finishes);
    return claimed.length;
  }

  /** The batch's lease, renewed while it is in flight (see DeliveryLease). */
  private lease(claimed: Claimed[], claimedAt: number): DeliveryLease {
    const attempts = new Map(claimed.map((c) => [c.id, c.attempts]));
    return new DeliveryLease(
      claimed.map((c) => c.id),
      claimedAt,
      this.config.DELIVERY_LEASE_SECONDS * 1000,
      async (ids) =>
        returnedRows<{ id: string }>(
          await this.db.query(
            `UPDATE deliveries d SET lease_until = now() + make_interval(secs => $3)
             FROM unnest($1::uuid[], $2::int[]) AS v(id, attempts)
             WHERE d.id = v.id AND d.status = 'SENDING' AND d.attempts = v.attempts
             RETURNING d.id`,
            [ids, ids.map((id) => attempts.get(id)!), this.config.DELIVERY_LEASE_SECONDS],
          ),
        ).map((r) => r.id),
    ).start();
  }

  /**
   * Sends one delivery (a `deliver` job). Returns the final status, or when it may be tried again
   * (another worker holds it, or quiet hours moved it); throws RetryableDeliveryError for a
   * transient failure (the job retries) and PermanentDeliveryError when it is FAILED.
   */
  async deliver(deliveryId: string, lastAttempt: boolean): Promise<DeliveryStatus | { heldUntil: Date }> {
    const claimedAt = Date.now();
    const [claimed] = await this.claim(null, 1, deliveryId);
    if (!claimed) {
      const [row] = await this.db.query(`SELECT status, lease_until FROM deliveries WHERE id = $1`, [
        deliveryId,
      ]);
      if (!row) return DeliveryStatus.SKIPPED;
      // another worker holds it (or held it and died): wait for the lease, without using an attempt
      if (row.status === DeliveryStatus.SENDING) return { heldUntil: new Date(row.lease_until) };
      return row.status as DeliveryStatus;
    }
    let outcome: Outcome;
    const lease = this.lease([claimed], claimedAt);
    try {
      const data = await this.load([claimed.notification]);
      outcome = (await lease.mayStart(claimed.id)) ? await this.attempt(claimed, data) : RELEASED;
    } catch (err) {
      outcome = { error: err as Error, permanent: false };
    } finally {
      lease.stop();
    }
    const finish = this.finishOf(claimed, outcome, lastAttempt);
    await this.record([finish]);
    if ('error' in outcome) {
      const reason = finish.error ?? 'error';
      if (finish.status === DeliveryStatus.FAILED) throw new PermanentDeliveryError(reason);
      throw new RetryableDeliveryError(reason);
    }
    if ('deferUntil' in outcome) return { heldUntil: outcome.deferUntil };
    // the lease could not be kept: try again once it has run out (or another worker sent it)
    if ('released' in outcome)
      return { heldUntil: new Date(Date.now() + this.config.DELIVERY_LEASE_SECONDS * 1000) };
    return finish.status;
  }

  /** One statement: the claim, and the notification each delivery belongs to. */
  private async claim(channel: DeliveryChannel | null, limit: number, id?: string): Promise<Claimed[]> {
    const picked = id
      ? `picked AS (SELECT id FROM deliveries WHERE id = $1::uuid)`
      : `due AS (SELECT id FROM deliveries WHERE status = 'PENDING' AND channel = $1::delivery_channel AND send_after <= now()
                 ORDER BY send_after LIMIT $3 FOR UPDATE SKIP LOCKED),
         expired AS (SELECT id FROM deliveries WHERE status = 'SENDING' AND channel = $1::delivery_channel AND lease_until < now()
                     ORDER BY lease_until LIMIT $3 FOR UPDATE SKIP LOCKED),
         picked AS (SELECT id FROM due UNION ALL SELECT id FROM expired)`;
    const rows = returnedRows<{
      id: string;
      channel: DeliveryChannel;
      attempts: number;
      notification_id: string;
      member_id: string;
      kind: NotificationKind;
      event_id: string | null;
      registration_id: string | null;
      params: Record<string, unknown>;
    }>(
      await this.db.query(
        `WITH ${picked}
         UPDATE deliveries d SET status = 'SENDING', attempts = d.attempts + 1,
                lease_until = now() + make_interval(secs => $2), updated_at = now()
         FROM notifications n
         WHERE d.id IN (SELECT id FROM picked) AND n.id = d.notification_id
           AND (d.status = 'PENDING' OR (d.status = 'SENDING' AND d.lease_until < now()))
         RETURNING d.id, d.channel, d.attempts, n.id AS notification_id, n.member_id, n.kind, n.event_id,
                   n.registration_id, n.params`,
        id ? [id, this.config.DELIVERY_LEASE_SECONDS] : [channel, this.config.DELIVERY_LEASE_SECONDS, limit],
      ),
    );
    return rows.map((r) => ({
      id: r.id,
      channel: r.channel,
      attempts: r.attempts,
      notification: {
        id: r.notification_id,
        memberId: r.member_id,
        kind: r.kind,
        eventId: r.event_id,
        registrationId: r.registration_id,
        params: r.params ?? {},
      },
    }));
  }

  /** The members, events, registrations (and waitlist positions) of a batch: one query each. */
  private async load(ns: Claimed['notification'][]): Promise<BatchData> {
    const distinct = (xs: Array<string | null>) => [...new Set(xs.filter((x): x is string => !!x))];
    const [members, events, registrations] = await Promise.all([
      this.members.findByIds(distinct(ns.map((n) => n.memberId))),
      this.events.findByIds(distinct(ns.map((n) => n.eventId))),
      this.registrations.findByIds(distinct(ns.map((n) => n.registrationId))),
    ]);
    const waitlisted = registrations
      .filter((r) => r.status === RegistrationStatus.WAITLISTED)
      .map((r) => r.id);
    return {
      members: new Map(members.map((m) => [m.id, m])),
      events: new Map(events.map((e) => [e.id, e])),
      registrations: new Map(registrations.map((r) => [r.id, r])),
      // only a waitlist message names the position: no ranking for the others
      waitlist: ns.some((n) => n.kind === NotificationKind.WAITLISTED)
        ? await this.registrations.waitlistPositions(waitlisted)
        : new Map(),
      ics: new Map(),
    };
  }

  /** Renders and sends one claimed delivery; never throws (a failure is an outcome). */
  private async attempt(c: Claimed, data: BatchData): Promise<Outcome> {
    try {
      const n = c.notification;
      const member = data.members.get(n.memberId);
      if (!member || member.status === MemberStatus.WITHDRAWN) return { skip: SKIP_UNAVAILABLE };
      const event = n.eventId ? (data.events.get(n.eventId) ?? null) : null;
      const registration = n.registrationId ? (data.registrations.get(n.registrationId) ?? null) : null;
      if (
        n.kind === NotificationKind.REMINDER &&
        (registration?.status !== RegistrationStatus.REGISTERED || event?.status !== EventStatus.PUBLISHED)
      )
        return { skip: SKIP_STALE };
      if (c.channel === DeliveryChannel.SMS) {
        if (!member.phone || !member.smsOptIn) return { skip: SKIP_UNAVAILABLE };
        // quiet hours are checked again when the SMS is about to go, not only when it was planned
        const now = new Date();
        const plan: SmsPlan = planSmsTime(
          now,
          event?.startsAt ?? new Date(now.getTime() + 7 * 86_400_000),
          member.timeZone || 'Asia/Almaty',
          now,
        );
        if (!('sendAt' in plan)) return { skip: SKIP_QUIET };
        if (plan.sendAt.getTime() > now.getTime() + 1000) return { deferUntil: plan.sendAt };
        const ctx = await this.contextOf(n, member, event, registration, data.waitlist);
        const message = renderMessage(n.kind, ctx);
        const { messageId } = await this.sms.send({ to: member.phone, text: message.sms, reference: c.id });
        return { sent: messageId };
      }
      if (!member.email) return { skip: SKIP_UNAVAILABLE };
      const essential =
        n.kind === NotificationKind.PASSWORD_RESET || n.kind === NotificationKind.EMAIL_VERIFICATION;
      if (!member.emailOptIn && !essential) return { skip: SKIP_UNAVAILABLE };
      const ctx = await this.contextOf(n, member, event, registration, data.waitlist);
      const message = renderMessage(n.kind, ctx);
      const attachments = await this.calendarAttachments(n, ctx.locale, member, data);
      const { messageId } = await this.email.send({
        to: member.email,
        subject: message.subject,
        text: message.text,
        html: message.html,
        reference: c.id,
        attachments,
        listUnsubscribe: essential ? null : ctx.unsubscribeUrl,
      });
      return { sent: messageId };
    } catch (err) {
      return {
        error: err as Error,
        permanent: isPermanent(err),
        retryAfterSeconds: (err as { retryAfterSeconds?: number }).retryAfterSeconds,
      };
    }
  }

  /** The row an outcome leaves; a transient failure waits DELIVERY_BACKOFF_MS x 2^(attempt - 1). */
  private finishOf(c: Claimed, outcome: Outcome, lastAttempt: boolean): Finish {
    const base = { id: c.id, attempts: c.attempts, messageId: null, sendAfter: null, refund: 0 };
    if ('sent' in outcome)
      return { ...base, status: DeliveryStatus.SENT, messageId: outcome.sent, error: null };
    if ('skip' in outcome) return { ...base, status: DeliveryStatus.SKIPPED, error: outcome.skip };
    if ('released' in outcome)
      // not attempted: due again as it was, the attempt given back (send_after and the error kept)
      return { ...base, status: DeliveryStatus.PENDING, error: null, refund: 1 };
    if ('deferUntil' in outcome)
      // quiet hours came while it waited (a retry, a backlog, a manual retry): later, not used up
      return {
        ...base,
        status: DeliveryStatus.PENDING,
        error: null,
        sendAfter: outcome.deferUntil,
        refund: 1,
      };
    const reason = String(outcome.error.message ?? 'error').slice(0, 480);
    if (outcome.permanent || lastAttempt || c.attempts >= this.config.DELIVERY_ATTEMPTS)
      return { ...base, status: DeliveryStatus.FAILED, error: reason };
    const backoff = this.config.DELIVERY_BACKOFF_MS * 2 ** Math.max(0, c.attempts - 1);
    const wait = Math.max(backoff, (outcome.retryAfterSeconds ?? 0) * 1000);
    return { ...base, status: DeliveryStatus.PENDING, error: reason, sendAfter: new Date(Date.now() + wait) };
  }

  /**
   * Every outcome of a batch in one statement. Only rows still held by this claim change (SENDING
   * with the attempt count it set): if the lease ran out and another worker claimed a row again,
   * that worker records it.
   */
  private async record(finishes: Finish[]): Promise<void> {
    if (!finishes.length) return;
    await this.db.query(
      `UPDATE deliveries d SET status = v.status::delivery_status,
              provider_message_id = coalesce(v.message_id, d.provider_message_id),
              last_error = CASE WHEN v.status = 'PENDING' AND v.error IS NULL THEN d.last_error ELSE v.error END,
              sent_at = CASE WHEN v.status = 'SENT' THEN now() ELSE NULL END,
              send_after = coalesce(v.send_after, d.send_after),
              attempts = greatest(d.attempts - v.refund, 0),
              lease_until = NULL, updated_at = now()
       FROM unnest($1::uuid[], $2::int[], $3::text[], $4::varchar[], $5::varchar[], $6::timestamptz[], $7::int[])
         AS v(id, attempts, status, message_id, error, send_after, refund)
       WHERE d.id = v.id AND d.status = 'SENDING' AND d.attempts = v.attempts`,
      [
        finishes.map((f) => f.id),
        finishes.map((f) => f.attempts),
        finishes.map((f) => f.status),
        finishes.map((f) => f.messageId),
        finishes.map((f) => f.error),
        finishes.map((f) => f.sendAfter),
        finishes.map((f) => f.refund),
      ],
    );
  }

  /**
   * A registration's confirmation carries the event's .ics (METHOD:PUBLISH); a cancellation of the
   * registration or of the event carries METHOD:CANCEL for the same UID, so calendar apps drop it.
   */
  private async calendarAttachments(
    n: Pick<Notification, 'kind' | 'eventId'>,
    locale: Locale,
    member: Member,
    data: BatchData,
  ): Promise<Array<{ filename: string; content: string; contentType: string }>> {
    if (!n.eventId) return [];
    let ics;
    if (n.kind === NotificationKind.REGISTERED) {
      const key = `${n.eventId}|${locale}`;
      if (!data.ics.has(key)) data.ics.set(key, this.calendar.eventIcs(n.eventId, locale));
      ics = await data.ics.get(key)!;
    } else if (
      n.kind === NotificationKind.REGISTRATION_CANCELLED ||
      n.kind === NotificationKind.EVENT_CANCELLED
    )
      ics = await this.calendar.cancellationIcs(n.eventId, locale, member.email);
    else return [];
    const method = n.kind === NotificationKind.REGISTERED ? 'PUBLISH' : 'CANCEL';
    return [
      {
        filename: ics.filename,
        content: ics.body,
        contentType: `text/calendar; charset=utf-8; method=${method}`,
      },
    ];
  }

  private when(at: Date, locale: Locale, zone: string): string {
    const key = `${at.getTime()}|${locale}|${zone}`;
    let s = this.whenCache.get(key);
    if (s === undefined) {
      if (this.whenCache.size >= 5000) this.whenCache.clear();
      s = formatLocalDateTime(at, locale, zone);
      this.whenCache.set(key, s);
    }
    return s;
  }

  /** Everything a template may mention, read now (so a message reflects the current event). */
  async context(
    n: Pick<Notification, 'kind' | 'eventId' | 'registrationId' | 'params' | 'memberId'>,
    member: Member,
  ): Promise<MessageContext> {
    const event = n.eventId ? await this.events.get(n.eventId) : null;
    const reg = n.registrationId ? (await this.registrations.findByIds([n.registrationId]))[0] : null;
    const waitlist = reg ? await this.registrations.waitlistPositions([reg.id]) : new Map<string, number>();
    return this.contextOf(n, member, event, reg ?? null, waitlist);
  }

  private async contextOf(
    n: Pick<Notification, 'kind' | 'eventId' | 'registrationId' | 'params' | 'memberId'>,
    member: Member,
    event: Event | null,
    reg: Registration | null,
    waitlist: Map<string, number>,
  ): Promise<MessageContext> {
    const locale = toLocale(member.locale);
    const zone = member.timeZone || 'Asia/Almaty';
    const ctx: MessageContext = { locale, memberName: member.fullName };
    if (n.eventId) {
      if (!event) throw new Error(`event ${n.eventId} not found`);
      const eventZone = event.timeZone || zone;
      Object.assign(ctx, {
        eventTitle: event.title,
        when: this.when(event.startsAt, locale, eventZone),
        venueName: event.venueName,
        venueAddress: event.venueAddress,
        wheelchairAccessible: event.venueWheelchairAccessible,
        signLanguage: event.venueSignLanguage,
        reason: event.cancelReason ?? (n.params.reason as string | undefined) ?? null,
      });
      if (typeof n.params.checkedInAt === 'string') {
        ctx.checkedInWhen = formatLocalDateTime(new Date(n.params.checkedInAt), locale, eventZone);
      }
      if (typeof n.params.previousStartsAt === 'string') {
        ctx.previousWhen = this.when(new Date(n.params.previousStartsAt), locale, eventZone);
      }
    }
    if (reg) {
      // the entrance code only in a message about a seat held now: never in a cancellation or
      // a waitlist message, nor once the registration lost its seat before the message went
      if (CARRIES_ENTRANCE_CODE.has(n.kind) && reg.status === RegistrationStatus.REGISTERED)
        ctx.qrUrl = `${this.config.PUBLIC_URL}/qr/${reg.checkInCode}.png`;
      ctx.waitlistPosition = waitlist.get(reg.id) ?? null;
    }
    if (n.kind === NotificationKind.PASSWORD_RESET || n.kind === NotificationKind.EMAIL_VERIFICATION) {
      const token = await this.tokens.issue(
        member.id,
        n.kind === NotificationKind.PASSWORD_RESET ? 'PASSWORD_RESET' : 'EMAIL_VERIFICATION',
      );
      ctx.link = `${this.config.PUBLIC_URL}/account/${n.kind === NotificationKind.PASSWORD_RESET ? 'reset-password' : 'verify-email'}?token=${token}`;
    } else {
      ctx.unsubscribeUrl = `${this.config.PUBLIC_URL}/unsubscribe?token=${unsubscribeToken(member.id, this.config.JWT_SECRET)}`;
    }
    return ctx;
  }
}
