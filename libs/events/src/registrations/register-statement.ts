/**
 * A registration in one statement (RegistrationsService.register; bench/registration-storm.mjs
 * runs the same text through a bare pg.Pool): under the event's row lock, a seat when one is free
 * (REGISTERED) or the next waitlist number (WAITLISTED), the registration, and its outbox row.
 * No row: the event is not open for registration. A unique violation on registrations_active_key:
 * the member already has an active registration (the whole statement is undone).
 * Parameters: $1 event id, $2 member id, $3 check-in code, $4 'REGISTERED', $5 'WAITLISTED'
 * (the outbox kinds).
 */
export const REGISTER_STATEMENT = `
  WITH old AS (SELECT id, seats_taken, capacity FROM events
               WHERE id = $1 AND status = 'PUBLISHED' AND starts_at > now() FOR UPDATE),
  slot AS (
    UPDATE events e
    SET seats_taken = e.seats_taken + (old.seats_taken < old.capacity)::int,
        waitlist_seq = e.waitlist_seq + (old.seats_taken >= old.capacity)::int
    FROM old WHERE e.id = old.id
    RETURNING old.seats_taken < old.capacity AS got_seat, e.waitlist_seq
  ),
  reg AS (
    INSERT INTO registrations (event_id, member_id, status, waitlist_seq, check_in_code)
    SELECT $1, $2,
           (CASE WHEN got_seat THEN 'REGISTERED' ELSE 'WAITLISTED' END)::registration_status,
           CASE WHEN got_seat THEN NULL ELSE waitlist_seq END, $3
    FROM slot
    RETURNING id, status
  ),
  told AS (
    INSERT INTO notification_outbox (kind, member_id, event_id, registration_id, payload)
    SELECT (CASE WHEN status = 'REGISTERED' THEN $4 ELSE $5 END)::outbox_kind, $2, $1, id, '{}'::jsonb
    FROM reg
  )
  SELECT id FROM reg`;
