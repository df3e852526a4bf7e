import { REGISTRATION_COLUMNS } from './registration-row';

/**
 * A registration in one statement and one round trip (RegistrationsService.register;
 * bench/registration-storm.mjs runs the same text through a bare pg.Pool): under the event's row
 * lock, a seat when one is free (REGISTERED) or the next waitlist number (WAITLISTED, and the
 * event's `waitlisted` counter goes up by one), the registration, and its outbox row. It returns
 * the new row (REGISTRATION_COLUMNS) and `waitlist_position`: the counter after the increment, which
 * is the new row's rank on the waitlist (it has the highest waitlist_seq), so no ranking query.
 * No row: the event is not open for registration. A unique violation on registrations_active_key:
 * the member already has an active registration (the whole statement is undone, seat and counter).
 * Parameters: $1 event id, $2 member id, $3 check-in code, $4 'REGISTERED', $5 'WAITLISTED'
 * (the outbox kinds).
 */
export const REGISTER_STATEMENT = `
  WITH old AS (SELECT id, seats_taken, capacity FROM events
               WHERE id = $1 AND status = 'PUBLISHED' AND starts_at > now() FOR UPDATE),
  slot AS (
    UPDATE events e
    SET seats_taken = e.seats_taken + (old.seats_taken < old.capacity)::int,
        waitlist_seq = e.waitlist_seq + (old.seats_taken >= old.capacity)::int,
        waitlisted = e.waitlisted + (old.seats_taken >= old.capacity)::int
    FROM old WHERE e.id = old.id
    RETURNING old.seats_taken < old.capacity AS got_seat, e.waitlist_seq, e.waitlisted
  ),
  reg AS (
    INSERT INTO registrations (event_id, member_id, status, waitlist_seq, check_in_code)
    SELECT $1, $2,
           (CASE WHEN got_seat THEN 'REGISTERED' ELSE 'WAITLISTED' END)::registration_status,
           CASE WHEN got_seat THEN NULL ELSE waitlist_seq END, $3
    FROM slot
    RETURNING ${REGISTRATION_COLUMNS}
  ),
  told AS (
    INSERT INTO notification_outbox (kind, member_id, event_id, registration_id, payload)
    SELECT (CASE WHEN status = 'REGISTERED' THEN $4 ELSE $5 END)::outbox_kind, $2, $1, id, '{}'::jsonb
    FROM reg
  )
  SELECT reg.*, CASE WHEN reg.status = 'WAITLISTED' THEN slot.waitlisted END AS waitlist_position
  FROM reg, slot`;
