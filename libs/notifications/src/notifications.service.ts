import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Page, cursorGuard, cursorInstant, encodeCursor, isUuid } from '@yvc/core';
import { returnedRows } from '@yvc/database';
import { DataSource } from 'typeorm';
import { DeliveryChannel, DeliveryStatus } from './delivery/delivery.entity';
import { Notification } from './notification.entity';

export interface NotificationCursor {
  c: string;
  i: string;
}

export const isNotificationCursor = cursorGuard<NotificationCursor>({ c: cursorInstant, i: isUuid });

export interface DeliveryLog {
  counts: Array<{ channel: DeliveryChannel; status: DeliveryStatus; count: number }>;
  failures: Array<{
    deliveryId: string;
    memberId: string;
    /** null when the member has withdrawn their consent (anonymised, like the attendance list) */
    fullName: string | null;
    kind: string;
    channel: DeliveryChannel;
    attempts: number;
    lastError: string | null;
    updatedAt: Date;
  }>;
}

/** What the API shows: a member's in-app notifications, and an event's delivery log for staff. */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * A member's notifications as plain data, for their data export: what each said (kind and its
   * parameters), when, whether read, and how each was delivered (channel, status, time).
   */
  exportForMember(memberId: string): Promise<Array<Record<string, unknown>>> {
    return this.db.query(
      `SELECT n.kind, n.params, n.created_at AS "createdAt", n.read_at AS "readAt",
              COALESCE(json_agg(json_build_object('channel', d.channel, 'status', d.status, 'sentAt', d.sent_at)
                                ORDER BY d.created_at) FILTER (WHERE d.id IS NOT NULL), '[]') AS deliveries
       FROM notifications n LEFT JOIN deliveries d ON d.notification_id = n.id
       WHERE n.member_id = $1 GROUP BY n.id ORDER BY n.created_at`,
      [memberId],
    );
  }

  async list(
    memberId: string,
    first: number,
    after?: NotificationCursor,
  ): Promise<Page<Notification> & { unread: number }> {
    const params: unknown[] = [memberId, first + 1];
    let where = `member_id = $1 AND in_app`;
    if (after) {
      params.push(after.c, after.i);
      where += ` AND (date_trunc('milliseconds', created_at), id) < ($3::timestamptz, $4::uuid)`;
    }
    const rows: Notification[] = await this.db.query(
      `SELECT id, member_id AS "memberId", kind, event_id AS "eventId", registration_id AS "registrationId", params,
              created_at AS "createdAt", read_at AS "readAt"
       FROM notifications WHERE ${where} ORDER BY date_trunc('milliseconds', created_at) DESC, id DESC LIMIT $2`,
      params,
    );
    const [{ total, unread }] = await this.db.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE read_at IS NULL)::int AS unread FROM notifications WHERE member_id = $1 AND in_app`,
      [memberId],
    );
    return {
      items: rows.slice(0, first),
      hasNextPage: rows.length > first,
      totalCount: total,
      unread,
      cursorOf: (n) => encodeCursor({ c: new Date(n.createdAt).toISOString(), i: n.id }),
    };
  }

  /** Marks the given notifications (or all) read; returns how many changed. */
  async markRead(memberId: string, ids: string[] | null): Promise<number> {
    const rows = returnedRows(
      await this.db.query(
        `UPDATE notifications SET read_at = now() WHERE member_id = $1 AND in_app AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[])) RETURNING id`,
        [memberId, ids ? ids.filter(isUuid) : null],
      ),
    );
    return rows.length;
  }

  async deliveryLog(eventId: string): Promise<DeliveryLog> {
    const counts = await this.db.query(
      `SELECT d.channel, d.status, count(*)::int AS count FROM deliveries d JOIN notifications n ON n.id = d.notification_id
       WHERE n.event_id = $1 GROUP BY d.channel, d.status ORDER BY d.channel, d.status`,
      [eventId],
    );
    const failures = await this.db.query(
      `SELECT d.id AS "deliveryId", n.member_id AS "memberId",
              CASE WHEN m.status = 'WITHDRAWN' THEN NULL ELSE m.full_name END AS "fullName",
              n.kind, d.channel, d.attempts, d.last_error AS "lastError", d.updated_at AS "updatedAt"
       FROM deliveries d JOIN notifications n ON n.id = d.notification_id JOIN members m ON m.id = n.member_id
       WHERE n.event_id = $1 AND d.status = 'FAILED' ORDER BY d.updated_at DESC LIMIT 200`,
      [eventId],
    );
    return { counts, failures };
  }

  /**
   * Puts an event's FAILED deliveries back to PENDING, due now, with their attempts counted afresh:
   * the workers' delivery pumps send them within a poll.
   */
  async retryFailed(eventId: string): Promise<number> {
    const rows = returnedRows<{ id: string }>(
      await this.db.query(
        `UPDATE deliveries d SET status = 'PENDING', send_after = now(), attempts = 0, last_error = NULL, updated_at = now()
         FROM notifications n WHERE n.id = d.notification_id AND n.event_id = $1 AND d.status = 'FAILED'
         RETURNING d.id`,
        [eventId],
      ),
    );
    return rows.length;
  }
}
