import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Clock,
  JOBS,
  QUEUES,
  badgesJobId,
  credentialsErasureJobId,
  eventRemindersJobId,
  reminderJobId,
} from '@yvc/core';
import { OutboxKind, OutboxMessage } from '@yvc/database';
import {
  CalendarService,
  Event,
  EventStatus,
  EventsService,
  Registration,
  RegistrationStatus,
  RegistrationsService,
} from '@yvc/events';
import { Member, MemberStatus, MembersService } from '@yvc/identity';
import { Queue } from 'bullmq';
import { ApiErrorCode, DomainError } from '@yvc/core';
import { DataSource } from 'typeorm';
import { DeliveryChannel, DeliveryStatus } from '../delivery/delivery.entity';
import { DeliverySignal } from '../delivery/delivery-signal';
import { NotificationKind } from '../notification.entity';
import { planSmsTime } from '../quiet-hours';

/** A missing row is a normal outcome (deleted, withdrawn); any other failure must retry the job. */
export function notFoundAsNull(err: unknown): null {
  if (err instanceof DomainError && err.code === ApiErrorCode.NOT_FOUND) return null;
  throw err;
}

/** The reminder offsets an event had before a change (in the outbox row's payload). */
function previousOffsets(payload: Record<string, unknown>): number[] {
  const offsets = payload.previousOffsets;
  return Array.isArray(offsets) ? offsets.filter((o): o is number => Number.isInteger(o)) : [];
}

/** Which channels each kind uses (before the member's preferences). */
const CHANNELS: Record<NotificationKind, DeliveryChannel[]> = {
  REGISTERED: [DeliveryChannel.EMAIL],
  WAITLISTED: [DeliveryChannel.EMAIL],
  PROMOTED: [DeliveryChannel.EMAIL, DeliveryChannel.SMS],
  REGISTRATION_CANCELLED: [DeliveryChannel.EMAIL],
  EVENT_CANCELLED: [DeliveryChannel.EMAIL, DeliveryChannel.SMS],
  EVENT_MOVED: [DeliveryChannel.EMAIL, DeliveryChannel.SMS],
  REMINDER: [DeliveryChannel.EMAIL, DeliveryChannel.SMS],
  PASSWORD_RESET: [DeliveryChannel.EMAIL],
  EMAIL_VERIFICATION: [DeliveryChannel.EMAIL],
  WALK_IN_RECORDED: [DeliveryChannel.EMAIL],
};

/** Registrations planned per statement when a whole event's reminders fall due. */
export const REMINDER_PLAN_CHUNK = 2000;

/**
 * Turns causes (outbox rows, due reminders) into notifications and deliveries, and keeps the
 * delayed reminder jobs in step with registrations and event times. Every step is idempotent:
 * notifications are unique by `dedup_key`, deliveries by (notification, channel), jobs by id.
 */
@Injectable()
export class NotificationPlanner {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.notifications) private readonly notifications: Queue,
    private readonly events: EventsService,
    private readonly registrations: RegistrationsService,
    private readonly members: MembersService,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
    private readonly signal: DeliverySignal,
  ) {}

  /** Handles one outbox row (the `dispatch` job). */
  async dispatch(outboxId: string): Promise<void> {
    const [row]: OutboxMessage[] = await this.db.query(
      `SELECT id, kind, member_id AS "memberId", event_id AS "eventId", registration_id AS "registrationId", payload
       FROM notification_outbox WHERE id = $1`,
      [outboxId],
    );
    if (!row) return;
    if (row.kind === OutboxKind.ATTENDANCE_RECORDED) return this.enqueueBadgeEvaluation(row.memberId);
    if (row.kind === OutboxKind.CONSENT_WITHDRAWN) return this.followUpWithdrawal(row.memberId);
    const registration = row.registrationId
      ? await this.registrations.get(row.registrationId).catch(notFoundAsNull)
      : null;
    const event = row.eventId ? await this.events.get(row.eventId).catch(notFoundAsNull) : null;

    if (registration && event) await this.syncReminders(row.kind, registration, event, row.payload);
    // not a notification: only the reminder jobs change
    if (row.kind === OutboxKind.REMINDERS_CHANGED) return;
    const kind = row.kind as unknown as NotificationKind;
    if (await this.plan(`outbox:${row.id}`, kind, row.memberId, event, registration, row.payload))
      this.signal.wake();
  }

  /**
   * Not a notification: a check-in asks for the member's badges to be evaluated. One job per member
   * (jobId badges-<memberId>, removed when done); if that member's evaluation is running right now,
   * this dispatch fails and retries later (with backoff), since BullMQ would drop the new job.
   */
  private async enqueueBadgeEvaluation(memberId: string): Promise<void> {
    const jobId = badgesJobId(memberId);
    // a running evaluation may have read the data before this attendance: wait for it to end
    if (await (await this.notifications.getJob(jobId))?.isActive())
      throw new Error(`badge evaluation ${jobId} is running: retry`);
    // a waiting or delayed one runs after this attendance was committed: it is enough
    await this.notifications.add(
      JOBS.evaluateBadges,
      { memberId },
      { jobId, removeOnComplete: true, removeOnFail: true },
    );
  }

  /**
   * Not a notification: the member withdrew consent (the row was written in the transaction that
   * anonymised them). Their seats at events not yet begun go back (the waitlist is promoted as on
   * any cancellation; the cancellation writes no message to them, `plan` skips withdrawn members),
   * their calendar feed and every notification with its deliveries are deleted, and the erasure of
   * their certificates and badges is queued for the credentials domain. Every step is idempotent,
   * so a retry after a crash half-way, or two workers at once, end in the same state.
   */
  private async followUpWithdrawal(memberId: string): Promise<void> {
    const member = await this.members.get(memberId).catch(notFoundAsNull);
    if (!member || member.status !== MemberStatus.WITHDRAWN) return;
    await this.registrations.cancelUpcomingForMember(memberId);
    await this.calendar.dropFeed(memberId);
    // deliveries go with their notification (ON DELETE CASCADE): their errors may quote an address
    await this.db.query(`DELETE FROM notifications WHERE member_id = $1`, [memberId]);
    await this.notifications.add(
      JOBS.eraseCredentials,
      { memberId },
      { jobId: credentialsErasureJobId(memberId), removeOnComplete: true },
    );
  }

  /**
   * One registration's due reminder (the `reminder` job, as queued before reminders were planned per
   * event): skipped when stale (cancelled, moved, already sent).
   */
  async remind(
    registrationId: string,
    offsetMinutes: number,
    startsAtIso: string,
  ): Promise<'sent' | 'stale'> {
    const registration = await this.registrations.get(registrationId).catch(notFoundAsNull);
    if (!registration || registration.status !== RegistrationStatus.REGISTERED) return 'stale';
    const event = await this.events.get(registration.eventId);
    if (
      event.status !== EventStatus.PUBLISHED ||
      event.startsAt.toISOString() !== new Date(startsAtIso).toISOString()
    )
      return 'stale';
    if (event.startsAt <= this.clock.now()) return 'stale';
    if (!event.reminderOffsetsMinutes.includes(offsetMinutes)) return 'stale';
    const key = `reminder:${registrationId}:${offsetMinutes}:${event.startsAt.getTime()}`;
    const fireAt = new Date(event.startsAt.getTime() - offsetMinutes * 60_000);
    const planned = await this.plan(
      key,
      NotificationKind.REMINDER,
      registration.memberId,
      event,
      registration,
      { offsetMinutes },
      fireAt,
    );
    if (planned) this.signal.wake();
    return 'sent';
  }

  /**
   * Every reminder of one event for one offset (the `plan-reminders` job), when it falls due: the
   * notifications and their deliveries of all REGISTERED seats, written by one statement per
   * REMINDER_PLAN_CHUNK seats; the delivery pump sends them. Quiet hours are worked out once per
   * time zone. Idempotent (the reminder's dedup key, the unique (notification, channel)), so a
   * second run, an overlapping legacy `reminder` job or a retry after a crash half-way adds nothing
   * twice. Stale (moved, cancelled, offset dropped, started) means nothing to do.
   */
  async planEventReminders(
    eventId: string,
    offsetMinutes: number,
    startsAtIso: string,
  ): Promise<{ planned: number } | 'stale'> {
    const event = await this.events.get(eventId).catch(notFoundAsNull);
    const nowDate = this.clock.now();
    if (
      !event ||
      event.status !== EventStatus.PUBLISHED ||
      event.startsAt.getTime() !== new Date(startsAtIso).getTime() ||
      event.startsAt <= nowDate ||
      !event.reminderOffsetsMinutes.includes(offsetMinutes)
    )
      return 'stale';
    const fireAt = new Date(event.startsAt.getTime() - offsetMinutes * 60_000);
    const emailAt = fireAt < nowDate ? nowDate : fireAt;
    const smsAtByZone = new Map<string, Date | null>();
    const smsAt = (zone: string): Date | null => {
      if (!smsAtByZone.has(zone)) {
        const plan = planSmsTime(emailAt, event.startsAt, zone, nowDate);
        smsAtByZone.set(zone, 'sendAt' in plan ? plan.sendAt : null);
      }
      return smsAtByZone.get(zone)!;
    };
    const seats = await this.registrations.registeredSeats(eventId);
    const params = JSON.stringify({ offsetMinutes });
    let planned = 0;
    for (let i = 0; i < seats.length; i += REMINDER_PLAN_CHUNK) {
      const chunk = seats.slice(i, i + REMINDER_PLAN_CHUNK);
      const members = new Map(
        (await this.members.findByIds(chunk.map((s) => s.memberId))).map((m) => [m.id, m]),
      );
      const rows = {
        member: [] as string[],
        registration: [] as string[],
        key: [] as string[],
        emailAt: [] as Array<Date | null>,
        smsWanted: [] as boolean[],
        smsAt: [] as Array<Date | null>,
      };
      for (const seat of chunk) {
        const member = members.get(seat.memberId);
        if (!member || member.status === MemberStatus.WITHDRAWN) continue;
        const channels = this.channelsFor(NotificationKind.REMINDER, member);
        const sms = channels.includes(DeliveryChannel.SMS);
        rows.member.push(member.id);
        rows.registration.push(seat.id);
        rows.key.push(`reminder:${seat.id}:${offsetMinutes}:${event.startsAt.getTime()}`);
        rows.emailAt.push(channels.includes(DeliveryChannel.EMAIL) ? emailAt : null);
        rows.smsWanted.push(sms);
        rows.smsAt.push(sms ? smsAt(member.timeZone || 'Asia/Almaty') : null);
      }
      if (!rows.key.length) continue;
      const inserted: Array<{ n: number }> = await this.db.query(
        `WITH input AS (
           SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::timestamptz[], $5::boolean[], $6::timestamptz[])
             AS i(member_id, registration_id, dedup_key, email_at, sms_wanted, sms_at)
         ), made AS (
           INSERT INTO notifications (member_id, kind, dedup_key, event_id, registration_id, params, in_app)
           SELECT member_id, 'REMINDER'::notification_kind, dedup_key, $7::uuid, registration_id, $8::jsonb, true FROM input
           ON CONFLICT (dedup_key) DO NOTHING
           RETURNING id, dedup_key
         ), planned AS (
           INSERT INTO deliveries (notification_id, channel, status, send_after, last_error)
           SELECT made.id, 'EMAIL'::delivery_channel, 'PENDING'::delivery_status, i.email_at, NULL
           FROM made JOIN input i USING (dedup_key) WHERE i.email_at IS NOT NULL
           UNION ALL
           SELECT made.id, 'SMS'::delivery_channel,
                  (CASE WHEN i.sms_at IS NULL THEN 'SKIPPED' ELSE 'PENDING' END)::delivery_status,
                  coalesce(i.sms_at, $9::timestamptz), CASE WHEN i.sms_at IS NULL THEN 'quiet hours' END
           FROM made JOIN input i USING (dedup_key) WHERE i.sms_wanted
           ON CONFLICT (notification_id, channel) DO NOTHING
           RETURNING 1
         )
         SELECT (SELECT count(*) FROM made)::int AS n`,
        [
          rows.member,
          rows.registration,
          rows.key,
          rows.emailAt,
          rows.smsWanted,
          rows.smsAt,
          eventId,
          params,
          nowDate,
        ],
      );
      planned += inserted[0].n;
      // the pump can start on this chunk while the next one is written
      if (inserted[0].n) this.signal.wake();
    }
    return { planned };
  }

  /**
   * Makes sure the event's reminder jobs exist for this registration's offsets (one job per event,
   * offset, start time and run time: adding it again is a no-op); offsets already past are skipped,
   * not sent late. The run time is the due time, or the evening before when quiet hours would
   * otherwise drop this member's SMS (so that job runs that early and plans the others' too).
   */
  async scheduleReminders(registration: Registration, event: Event): Promise<number> {
    const nowDate = this.clock.now();
    const now = nowDate.getTime();
    const member = await this.members.get(registration.memberId).catch(notFoundAsNull);
    const zone = member?.timeZone || 'Asia/Almaty';
    const jobs = event.reminderOffsetsMinutes
      .map((offset) => ({ offset, fireAt: event.startsAt.getTime() - offset * 60_000 }))
      .filter((r) => r.fireAt > now)
      .map((r) => {
        const sms = member?.smsOptIn ? planSmsTime(new Date(r.fireAt), event.startsAt, zone, nowDate) : null;
        const smsAt = sms && 'sendAt' in sms ? sms.sendAt.getTime() : r.fireAt;
        return { offset: r.offset, at: Math.max(now, Math.min(r.fireAt, smsAt)) };
      })
      .map((r) => ({
        name: JOBS.planReminders,
        data: { eventId: event.id, offsetMinutes: r.offset, startsAt: event.startsAt.toISOString() },
        opts: {
          jobId: eventRemindersJobId(event.id, r.offset, event.startsAt, new Date(r.at)),
          delay: r.at - now,
          removeOnComplete: true,
        },
      }));
    if (jobs.length) await this.notifications.addBulk(jobs);
    return jobs.length;
  }

  /**
   * Removes a registration's own reminder jobs (as queued before reminders were planned per event)
   * for a given start time, if any are left. The event's jobs stay: they skip a cancelled seat.
   */
  async unscheduleReminders(registrationId: string, offsets: number[], startsAt: Date): Promise<void> {
    await Promise.all(
      offsets.map((o) =>
        this.notifications.remove(reminderJobId(registrationId, o, startsAt)).catch(() => 0),
      ),
    );
  }

  private async syncReminders(
    kind: OutboxKind,
    registration: Registration,
    event: Event,
    payload: Record<string, unknown>,
  ): Promise<void> {
    const offsets = event.reminderOffsetsMinutes;
    switch (kind) {
      case OutboxKind.REGISTERED:
      case OutboxKind.PROMOTED:
        if (registration.status === RegistrationStatus.REGISTERED && event.status === EventStatus.PUBLISHED) {
          await this.scheduleReminders(registration, event);
        }
        return;
      case OutboxKind.REGISTRATION_CANCELLED:
      case OutboxKind.EVENT_CANCELLED:
        await this.unscheduleReminders(registration.id, offsets, event.startsAt);
        return;
      case OutboxKind.REMINDERS_CHANGED: {
        // the jobs of the offsets dropped, at the start time they were made for (the event may
        // have moved since; a move reschedules the rest)
        const dropped = previousOffsets(payload).filter((o) => !offsets.includes(o));
        const at = typeof payload.startsAt === 'string' ? new Date(payload.startsAt) : event.startsAt;
        await this.unscheduleReminders(registration.id, dropped, at);
        if (registration.status === RegistrationStatus.REGISTERED && event.status === EventStatus.PUBLISHED) {
          // the offsets kept have their jobs already (same job ids): only the new ones are added
          await this.scheduleReminders(registration, event);
        }
        return;
      }
      case OutboxKind.EVENT_MOVED: {
        const previous =
          typeof payload.previousStartsAt === 'string' ? new Date(payload.previousStartsAt) : null;
        const before = [...new Set([...offsets, ...previousOffsets(payload)])];
        if (previous) await this.unscheduleReminders(registration.id, before, previous);
        if (registration.status === RegistrationStatus.REGISTERED && event.status === EventStatus.PUBLISHED) {
          await this.scheduleReminders(registration, event);
        }
        return;
      }
      default:
        return;
    }
  }

  /**
   * Writes the notification and its deliveries (for the channels the member wants and can receive),
   * or finds them already written. SMS respect quiet hours: moved to 08:00, to the evening before,
   * or not sent (then only email).
   */
  private async plan(
    dedupKey: string,
    kind: NotificationKind,
    memberId: string,
    event: Event | null,
    registration: Registration | null,
    params: Record<string, unknown>,
    desiredAt: Date = this.clock.now(),
  ): Promise<boolean> {
    const member = await this.members.get(memberId).catch(notFoundAsNull);
    if (!member || member.status === MemberStatus.WITHDRAWN) return false;
    return this.db.transaction(async (em) => {
      const inApp = kind !== NotificationKind.PASSWORD_RESET && kind !== NotificationKind.EMAIL_VERIFICATION;
      await em.query(
        `INSERT INTO notifications (member_id, kind, dedup_key, event_id, registration_id, params, in_app)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (dedup_key) DO NOTHING`,
        [
          memberId,
          kind,
          dedupKey,
          event?.id ?? null,
          registration?.id ?? null,
          JSON.stringify(params ?? {}),
          inApp,
        ],
      );
      const [{ id: notificationId }] = await em.query(`SELECT id FROM notifications WHERE dedup_key = $1`, [
        dedupKey,
      ]);
      for (const channel of this.channelsFor(kind, member)) {
        const when = this.sendTime(channel, desiredAt, event, member);
        await em.query(
          `INSERT INTO deliveries (notification_id, channel, status, send_after, last_error)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT (notification_id, channel) DO NOTHING`,
          [
            notificationId,
            channel,
            when ? DeliveryStatus.PENDING : DeliveryStatus.SKIPPED,
            when ?? this.clock.now(),
            when ? null : 'quiet hours',
          ],
        );
      }
      return true;
    });
  }

  private channelsFor(kind: NotificationKind, member: Member): DeliveryChannel[] {
    return CHANNELS[kind].filter((c) => {
      if (c === DeliveryChannel.EMAIL)
        return (
          !!member.email &&
          (member.emailOptIn ||
            kind === NotificationKind.PASSWORD_RESET ||
            kind === NotificationKind.EMAIL_VERIFICATION)
        );
      return !!member.phone && member.smsOptIn;
    });
  }

  /** When to send on a channel; null = not at all (an SMS that only quiet hours would allow). */
  private sendTime(
    channel: DeliveryChannel,
    desired: Date,
    event: Event | null,
    member: Member,
  ): Date | null {
    const now = this.clock.now();
    const at = desired < now ? now : desired;
    if (channel !== DeliveryChannel.SMS) return at;
    const plan = planSmsTime(
      at,
      event?.startsAt ?? new Date(at.getTime() + 7 * 86_400_000),
      member.timeZone || 'Asia/Almaty',
      now,
    );
    return 'sendAt' in plan ? plan.sendAt : null;
  }

  /**
   * Deliveries due for more than `olderThanMs` and not sent: the delivery pump's backlog (they need
   * no job: the pump claims every due PENDING row, and SENDING rows whose lease ran out).
   */
  async overdue(olderThanMs = 60_000): Promise<number> {
    const [{ n }]: Array<{ n: number }> = await this.db.query(
      `SELECT count(*)::int AS n FROM deliveries
       WHERE (status = 'PENDING' AND send_after < now() - make_interval(secs => $1))
          OR (status = 'SENDING' AND lease_until < now() - make_interval(secs => $1))`,
      [olderThanMs / 1000],
    );
    return n;
  }
}
