import { REGISTRATION_COLUMNS } from '../registrations/registration-row';

/**
 * A QR check-in in one statement and one round trip (CheckInService.checkIn; bench/check-in.mjs
 * runs the same text through a bare pg.Pool): the registration with this code at this event, if
 * REGISTERED or NO_SHOW, becomes ATTENDED (row-locked, so of two scans at once exactly one wins);
 * a NO_SHOW takes its seat back; the ATTENDANCE_RECORDED outbox row is written. Returns one row:
 * `source` 'hit' (this scan checked it in; `was` the status before) or 'found' (nothing changed:
 * the registration as it stands, for the caller to say why), or no row (no such code).
 * Parameters: $1 code, $2 event id, $3 checked-in time, $4 staff member id, $5 method,
 * $6 'ATTENDANCE_RECORDED' (the outbox kind).
 *
 * A 'found' row comes from the statement's snapshot: when it still says REGISTERED or NO_SHOW, a
 * scan that raced this one committed in between, and the caller reads the row again.
 */
export const CHECK_IN_STATEMENT = `
  WITH old AS (
    SELECT id, status FROM registrations
    WHERE check_in_code = $1 AND event_id = $2 AND status IN ('REGISTERED', 'NO_SHOW') FOR UPDATE
  ),
  hit AS (
    UPDATE registrations r SET status = 'ATTENDED', checked_in_at = $3, checked_in_by = $4, check_in_method = $5,
           updated_at = now()
    FROM old WHERE r.id = old.id
    RETURNING ${REGISTRATION_COLUMNS.replace(/(\w+)/g, 'r.$1')}, old.status AS was
  ),
  seat AS (
    UPDATE events SET seats_taken = seats_taken + 1
    WHERE id = $2 AND EXISTS (SELECT 1 FROM hit WHERE was = 'NO_SHOW')
  ),
  told AS (
    INSERT INTO notification_outbox (kind, member_id, event_id, registration_id, payload)
    SELECT $6::outbox_kind, member_id, event_id, id, '{}'::jsonb FROM hit
  )
  SELECT 'hit' AS source, * FROM hit
  UNION ALL
  SELECT 'found', ${REGISTRATION_COLUMNS}, NULL FROM registrations
  WHERE check_in_code = $1 AND NOT EXISTS (SELECT 1 FROM hit)`;
