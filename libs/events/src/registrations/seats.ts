import { OutboxKind, returnedRows, writeOutbox } from '@yvc/database';
import { EntityManager } from 'typeorm';

/**
 * Moves the first waitlisted members (first come, first served) into the free seats of an event
 * that has not begun (a seat freed later goes to nobody: the promotion would reach someone too
 * late to come). The caller holds the event's row lock, so two promotions never pick the same
 * person or seat. Returns the promoted registrations.
 */
export async function fillFreeSeats(
  em: EntityManager,
  eventId: string,
): Promise<Array<{ id: string; member_id: string }>> {
  const promoted = returnedRows<{ id: string; member_id: string }>(
    await em.query(
      `WITH free AS (SELECT CASE WHEN starts_at > now() THEN greatest(capacity - seats_taken, 0) ELSE 0 END AS n
                     FROM events WHERE id = $1),
            next AS (SELECT id FROM registrations WHERE event_id = $1 AND status = 'WAITLISTED'
                     ORDER BY waitlist_seq LIMIT (SELECT n FROM free))
       UPDATE registrations r SET status = 'REGISTERED', waitlist_seq = NULL, promoted_at = now(), updated_at = now()
       FROM next WHERE r.id = next.id RETURNING r.id, r.member_id`,
      [eventId],
    ),
  );
  if (promoted.length) {
    await em.query(
      `UPDATE events SET seats_taken = seats_taken + $2, waitlisted = waitlisted - $2 WHERE id = $1`,
      [eventId, promoted.length],
    );
    await writeOutbox(
      em,
      promoted.map((p) => ({
        kind: OutboxKind.PROMOTED,
        memberId: p.member_id,
        eventId,
        registrationId: p.id,
      })),
    );
  }
  return promoted;
}
