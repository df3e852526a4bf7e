import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, Locale, formatLocalDateTime } from '@yvc/core';
import { returnedRows } from '@yvc/database';
import { CalendarService, EventsService, RegistrationStatus, RegistrationsService } from '@yvc/events';
import { AccountTokensService, Member, MemberLocale, MemberStatus, MembersService } from '@yvc/identity';
import { DataSource } from 'typeorm';
import { EmailPermanentError, EmailSender } from '../channels/email.sender';
import { SmsSender } from '../channels/sms.sender';
import { Notification, NotificationKind } from '../notification.entity';
import { planSmsTime } from '../quiet-hours';
import { MessageContext, renderMessage } from '../templates/messages';
import { unsubscribeToken } from '../unsubscribe';
import { notFoundAsNull } from '../planning/notification-planner';
import { Delivery, DeliveryChannel, DeliveryStatus } from './delivery.entity';

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

@Injectable()
export class DeliveryService {
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
   * Sends one delivery at most once: a conditional claim (PENDING -> SENDING with a lease) lets one
   * worker through; SENT, SKIPPED and FAILED end it. A crash while SENDING leaves a lease that
   * expires, after which a retry may send again, with the same reference (Message-ID /
   * Idempotency-Key) so the provider can drop the copy.
   */
  async deliver(deliveryId: string, lastAttempt: boolean): Promise<DeliveryStatus | { heldUntil: Date }> {
    const [claimed] = returnedRows<Delivery & { notification_id: string }>(
      await this.db.query(
        `UPDATE deliveries SET status = 'SENDING', attempts = attempts + 1, lease_until = now() + make_interval(secs => $2), updated_at = now()
         WHERE id = $1 AND (status = 'PENDING' OR (status = 'SENDING' AND lease_until < now())) RETURNING *`,
        [deliveryId, this.config.DELIVERY_LEASE_SECONDS],
      ),
    );
    if (!claimed) {
      const [row] = await this.db.query(`SELECT status, lease_until FROM deliveries WHERE id = $1`, [
        deliveryId,
      ]);
      if (!row) return DeliveryStatus.SKIPPED;
      // another worker holds it (or held it and died): wait for the lease, without using an attempt
      if (row.status === DeliveryStatus.SENDING) return { heldUntil: new Date(row.lease_until) };
      return row.status as DeliveryStatus;
    }
    let result: { messageId: string } | 'skip' | 'quiet' | { deferUntil: Date };
    try {
      result = await this.send(claimed.id, claimed.notification_id, claimed.channel);
    } catch (err) {
      const reason = String((err as Error).message ?? 'error').slice(0, 480);
      const permanent =
        err instanceof PermanentDeliveryError ||
        err instanceof EmailPermanentError ||
        (err as Error).name === 'SmsPermanentError';
      if (permanent || lastAttempt) {
        await this.finish(deliveryId, DeliveryStatus.FAILED, null, reason);
        throw new PermanentDeliveryError(reason);
      }
      await this.db.query(
        `UPDATE deliveries SET status = 'PENDING', lease_until = NULL, last_error = $2, updated_at = now() WHERE id = $1 AND status = 'SENDING'`,
        [deliveryId, reason],
      );
      throw new RetryableDeliveryError(reason);
    }
    // outside the try: a failure to record a send must not look like a failed send
    if (result === 'quiet') return this.finish(deliveryId, DeliveryStatus.SKIPPED, null, 'quiet hours');
    if (typeof result === 'object' && 'deferUntil' in result) {
      // quiet hours came while it waited (a retry, a backlog, a manual retry): later, not used up
      await this.db.query(
        `UPDATE deliveries SET status = 'PENDING', send_after = $2, attempts = greatest(attempts - 1, 0), lease_until = NULL, updated_at = now()
         WHERE id = $1 AND status = 'SENDING'`,
        [deliveryId, result.deferUntil],
      );
      return { heldUntil: result.deferUntil };
    }
    if (result === 'skip')
      return this.finish(deliveryId, DeliveryStatus.SKIPPED, null, 'recipient unavailable or opted out');
    return this.finish(deliveryId, DeliveryStatus.SENT, result.messageId, null);
  }

  private async finish(
    id: string,
    status: DeliveryStatus,
    messageId: string | null,
    error: string | null,
  ): Promise<DeliveryStatus> {
    await this.db.query(
      `UPDATE deliveries SET status = $2::delivery_status, provider_message_id = coalesce($3, provider_message_id), last_error = $4,
         sent_at = CASE WHEN $2::delivery_status = 'SENT' THEN now() ELSE NULL END, lease_until = NULL, updated_at = now() WHERE id = $1`,
      [id, status, messageId, error],
    );
    return status;
  }

  private async send(
    deliveryId: string,
    notificationId: string,
    channel: DeliveryChannel,
  ): Promise<{ messageId: string } | 'skip' | 'quiet' | { deferUntil: Date }> {
    const [n]: Notification[] = await this.db.query(
      `SELECT id, member_id AS "memberId", kind, event_id AS "eventId", registration_id AS "registrationId", params FROM notifications WHERE id = $1`,
      [notificationId],
    );
    const member = await this.members.get(n.memberId).catch(notFoundAsNull);
    if (!member || member.status === MemberStatus.WITHDRAWN) return 'skip';
    const ctx = await this.context(n, member);
    const message = renderMessage(n.kind, ctx);
    if (channel === DeliveryChannel.SMS) {
      if (!member.phone || !member.smsOptIn) return 'skip';
      // quiet hours are checked again when the SMS is about to go, not only when it was planned
      const now = new Date();
      const event = n.eventId ? await this.events.get(n.eventId).catch(notFoundAsNull) : null;
      const plan = planSmsTime(
        now,
        event?.startsAt ?? new Date(now.getTime() + 7 * 86_400_000),
        member.timeZone || 'Asia/Almaty',
        now,
      );
      if (!('sendAt' in plan)) return 'quiet';
      if (plan.sendAt.getTime() > now.getTime() + 1000) return { deferUntil: plan.sendAt };
      return this.sms.send({ to: member.phone, text: message.sms, reference: deliveryId });
    }
    if (!member.email) return 'skip';
    const essential =
      n.kind === NotificationKind.PASSWORD_RESET || n.kind === NotificationKind.EMAIL_VERIFICATION;
    if (!member.emailOptIn && !essential) return 'skip';
    const attachments = await this.calendarAttachments(n, ctx.locale, member);
    return this.email.send({
      to: member.email,
      subject: message.subject,
      text: message.text,
      html: message.html,
      reference: deliveryId,
      attachments,
      listUnsubscribe: essential ? null : ctx.unsubscribeUrl,
    });
  }

  /**
   * A registration's confirmation carries the event's .ics (METHOD:PUBLISH); a cancellation of the
   * registration or of the event carries METHOD:CANCEL for the same UID, so calendar apps drop it.
   */
  private async calendarAttachments(
    n: Pick<Notification, 'kind' | 'eventId'>,
    locale: Locale,
    member: Member,
  ): Promise<Array<{ filename: string; content: string; contentType: string }>> {
    if (!n.eventId) return [];
    let ics;
    if (n.kind === NotificationKind.REGISTERED) ics = await this.calendar.eventIcs(n.eventId, locale);
    else if (
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

  /** Everything a template may mention, read now (so a message reflects the current event). */
  async context(
    n: Pick<Notification, 'kind' | 'eventId' | 'registrationId' | 'params' | 'memberId'>,
    member: Member,
  ): Promise<MessageContext> {
    const locale = toLocale(member.locale);
    const zone = member.timeZone || 'Asia/Almaty';
    const ctx: MessageContext = { locale, memberName: member.fullName };
    if (n.eventId) {
      const event = await this.events.get(n.eventId);
      Object.assign(ctx, {
        eventTitle: event.title,
        when: formatLocalDateTime(event.startsAt, locale, event.timeZone || zone),
        venueName: event.venueName,
        venueAddress: event.venueAddress,
        wheelchairAccessible: event.venueWheelchairAccessible,
        signLanguage: event.venueSignLanguage,
        reason: event.cancelReason ?? (n.params.reason as string | undefined) ?? null,
      });
      if (typeof n.params.checkedInAt === 'string') {
        ctx.checkedInWhen = formatLocalDateTime(
          new Date(n.params.checkedInAt),
          locale,
          event.timeZone || zone,
        );
      }
      if (typeof n.params.previousStartsAt === 'string') {
        ctx.previousWhen = formatLocalDateTime(
          new Date(n.params.previousStartsAt),
          locale,
          event.timeZone || zone,
        );
      }
    }
    if (n.registrationId) {
      const reg = await this.registrations.get(n.registrationId).catch(notFoundAsNull);
      if (reg) {
        // the entrance code only in a message about a seat held now: never in a cancellation or
        // a waitlist message, nor once the registration lost its seat before the message went
        if (CARRIES_ENTRANCE_CODE.has(n.kind) && reg.status === RegistrationStatus.REGISTERED)
          ctx.qrUrl = `${this.config.PUBLIC_URL}/qr/${reg.checkInCode}.png`;
        ctx.waitlistPosition = (await this.registrations.waitlistPositions([reg.id])).get(reg.id) ?? null;
      }
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
