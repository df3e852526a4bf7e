import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, JOBS, QUEUES, badgesJobId, credentialsErasureJobId, reminderJobId } from '@yvc/core';
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
import { DataSource, EntityManager } from 'typeorm';
import { DeliveryChannel, DeliveryStatus } from '../delivery/delivery.entity';
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

interface PlannedDelivery {
  id: string;
  sendAfter: Date;
  channel: DeliveryChannel;
}

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
    @InjectQueue(QUEUES.email) private readonly email: Queue,
    @InjectQueue(QUEUES.sms) private readonly sms: Queue,
    private readonly events: EventsService,
    private readonly registrations: RegistrationsService,
    private readonly members: MembersService,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
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
    const planned = await this.plan(`outbox:${row.id}`, kind, row.memberId, event, registration, row.payload);
    await this.enqueue(planned);
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

  /** A due reminder (the `reminder` job): skipped when stale (cancelled, moved, already sent). */
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
    await this.enqueue(planned);
    return 'sent';
  }

  /** Adds the delayed reminder jobs of a registration; offsets already past are skipped, not sent late. */
  async scheduleReminders(registration: Registration, event: Event): Promise<number> {
    const nowDate = this.clock.now();
    const now = nowDate.getTime();
    const member = await this.members.get(registration.memberId).catch(notFoundAsNull);
    const zone = member?.timeZone || 'Asia/Almaty';
    const jobs = event.reminderOffsetsMinutes
      .map((offset) => ({ offset, fireAt: event.startsAt.getTime() - offset * 60_000 }))
      .filter((r) => r.fireAt > now)
      .map((r) => {
        // an SMS that quiet hours move to the evening before needs the job to run that early
        const sms = member?.smsOptIn ? planSmsTime(new Date(r.fireAt), event.startsAt, zone, nowDate) : null;
        const smsAt = sms && 'sendAt' in sms ? sms.sendAt.getTime() : r.fireAt;
        return { offset: r.offset, at: Math.max(now, Math.min(r.fireAt, smsAt)) };
      })
      .map((r) => ({
        name: JOBS.reminder,
        data: {
          registrationId: registration.id,
          offsetMinutes: r.offset,
          startsAt: event.startsAt.toISOString(),
        },
        opts: { jobId: reminderJobId(registration.id, r.offset, event.startsAt), delay: r.at - now },
      }));
    if (jobs.length) await this.notifications.addBulk(jobs);
    return jobs.length;
  }

  /** Removes the reminder jobs of a registration for a given start time (any that exist). */
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
  ): Promise<PlannedDelivery[]> {
    const member = await this.members.get(memberId).catch(notFoundAsNull);
    if (!member || member.status === MemberStatus.WITHDRAWN) return [];
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
      return this.pendingOf(em, notificationId);
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

  private async pendingOf(em: EntityManager, notificationId: string): Promise<PlannedDelivery[]> {
    const rows: Array<{ id: string; send_after: Date; channel: DeliveryChannel }> = await em.query(
      `SELECT id, send_after, channel FROM deliveries WHERE notification_id = $1 AND status = 'PENDING'`,
      [notificationId],
    );
    return rows.map((r) => ({ id: r.id, sendAfter: new Date(r.send_after), channel: r.channel }));
  }

  /** Adds a deliver job per pending delivery (jobId = delivery id, so adding twice is harmless). */
  async enqueue(deliveries: PlannedDelivery[], suffix = ''): Promise<void> {
    const now = this.clock.now().getTime();
    for (const channel of [DeliveryChannel.EMAIL, DeliveryChannel.SMS]) {
      const jobs = deliveries
        .filter((d) => d.channel === channel)
        .map((d) => ({
          name: JOBS.deliver,
          data: { deliveryId: d.id },
          opts: { jobId: `${d.id}${suffix}`, delay: Math.max(0, d.sendAfter.getTime() - now) },
        }));
      if (jobs.length) await (channel === DeliveryChannel.EMAIL ? this.email : this.sms).addBulk(jobs);
    }
  }

  /** Deliveries left PENDING without a live job (a crash between commit and enqueue): enqueue again. */
  async requeueStale(olderThanMs = 60_000): Promise<number> {
    const rows: Array<{ id: string; send_after: Date; channel: DeliveryChannel }> = await this.db.query(
      `SELECT id, send_after, channel FROM deliveries
       WHERE (status = 'PENDING' AND send_after <= now() AND updated_at < now() - make_interval(secs => $1))
          OR (status = 'SENDING' AND lease_until < now() - make_interval(secs => $1))
       ORDER BY send_after LIMIT 1000`,
      [olderThanMs / 1000],
    );
    // a fresh job id: the old job may be kept as failed, and BullMQ ignores a re-add of a kept id
    // (a second live job is harmless: the claim lets one of them send)
    await this.enqueue(
      rows.map((r) => ({ id: r.id, sendAfter: new Date(r.send_after), channel: r.channel })),
      `-rq-${this.clock.now().getTime()}`,
    );
    return rows.length;
  }
}
