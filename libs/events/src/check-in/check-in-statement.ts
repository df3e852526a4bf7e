import { canStaffSql } from '@yvc/identity';
import { REGISTRATION_COLUMNS } from '../registrations/registration-row';

/** The name CheckInService prepares CHECK_IN_STATEMENT under (per connection; the bench uses it too). */
export const CHECK_IN_STATEMENT_NAME = 'yvc_check_in';
/** The name of DOOR_CHECK_IN_STATEMENT, prepared the same way. */
export const DOOR_CHECK_IN_STATEMENT_NAME = 'yvc_check_in_door';

/** The registrant's name as the door shows it: NULL for a withdrawn (anonymised) member. */
export const MEMBER_NAME = `CASE WHEN m.status = 'WITHDRAWN' THEN NULL ELSE m.full_name END`;

/** The registration columns the door's answer needs (and a check-in decides on). */
export const DOOR_CHECK_IN_COLUMNS = 'id, event_id, member_id, status, checked_in_at';

/** Check-in opens this long before the start and closes at the end. */
export const CHECK_IN_OPENS_BEFORE_MS = 2 * 60 * 60 * 1000;

/**
 * A QR check-in in one statement and one round trip, the staff check included (CheckInService;
 * bench/check-in.mjs runs the same text through a bare pg.Pool). It reads the event and decides in
 * the statement whether the caller is its staff (`event_allowed`: AccessPolicy's canStaff rule,
 * against the current assignments) and whether check-in is open at the scan's time (`event_open`:
 * PUBLISHED or COMPLETED, from CHECK_IN_OPENS_BEFORE_MS before the start until the end). Only when
 * both hold, the registration with this code at this event, if REGISTERED or NO_SHOW, becomes
 * ATTENDED (row-locked, so of two scans at once exactly one wins); a NO_SHOW takes its seat back;
 * the ATTENDANCE_RECORDED outbox row is written.
 *
 * Returns no row when there is no such event, else one row: `event_allowed`, `event_open`, and
 * (only when both are true) `source` 'hit' (this scan checked it in; `was` the status before) or
 * 'found' (nothing changed: the registration with this code as it stands, for the caller to say
 * why), or NULL (no such code), and `member_name`: the registrant's full name (what the door
 * shows; the caller is the event's staff, as the statement has just checked), NULL when withdrawn.
 * Parameters: $1 code (NULL matches nothing), $2 event id, $3 checked-in time, $4 staff member id,
 * $5 method, $6 'ATTENDANCE_RECORDED' (the outbox kind), $7 the staff member's role.
 *
 * A 'found' row comes from the statement's snapshot: when it still says REGISTERED or NO_SHOW, a
 * scan that raced this one committed in between, and the caller reads the row again.
 */
function checkInStatement(columns: string): string {
  return `
  WITH ev AS (
    SELECT ${canStaffSql('$4::uuid', '$7::text', 'e.unit_id', 'e.club_id')} AS event_allowed,
           e.status IN ('PUBLISHED', 'COMPLETED')
             AND $3::timestamptz >= e.starts_at - interval '${CHECK_IN_OPENS_BEFORE_MS} milliseconds'
             AND $3::timestamptz <= e.ends_at AS event_open
    FROM events e WHERE e.id = $2
  ),
  old AS (
    SELECT id, status FROM registrations
    WHERE check_in_code = $1 AND event_id = $2 AND status IN ('REGISTERED', 'NO_SHOW')
      AND EXISTS (SELECT 1 FROM ev WHERE event_allowed AND event_open)
    FOR UPDATE
  ),
  hit AS (
    UPDATE registrations r SET status = 'ATTENDED', checked_in_at = $3, checked_in_by = $4, check_in_method = $5,
           updated_at = now()
    FROM old WHERE r.id = old.id
    RETURNING ${columns.replace(/(\w+)/g, 'r.$1')}, old.status AS was
  ),
  seat AS (
    UPDATE events SET seats_taken = seats_taken + 1
    WHERE id = $2 AND EXISTS (SELECT 1 FROM hit WHERE was = 'NO_SHOW')
  ),
  told AS (
    INSERT INTO notification_outbox (kind, member_id, event_id, registration_id, payload)
    SELECT $6::outbox_kind, member_id, event_id, id, '{}'::jsonb FROM hit
  ),
  answer AS (
    SELECT 'hit' AS source, * FROM hit
    UNION ALL
    SELECT 'found', ${columns}, NULL FROM registrations
    WHERE check_in_code = $1 AND NOT EXISTS (SELECT 1 FROM hit)
      AND EXISTS (SELECT 1 FROM ev WHERE event_allowed AND event_open)
  )
  SELECT ev.event_allowed, ev.event_open, answer.*,
         (SELECT ${MEMBER_NAME} FROM members m WHERE m.id = answer.member_id) AS member_name
  FROM ev LEFT JOIN answer ON ev.event_allowed AND ev.event_open`;
}

export const CHECK_IN_STATEMENT = checkInStatement(REGISTRATION_COLUMNS);

/**
 * CHECK_IN_STATEMENT returning only DOOR_CHECK_IN_COLUMNS (and the name): the door's POST answers
 * with no more, and the API turns 5 columns into values instead of 16 (bench/check-in.mjs --via rest
 * runs this one through its bare pool too).
 */
export const DOOR_CHECK_IN_STATEMENT = checkInStatement(DOOR_CHECK_IN_COLUMNS);
