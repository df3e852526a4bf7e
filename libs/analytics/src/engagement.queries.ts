/**
 * The SQL behind the engagement figures, written from docs/analytics.md. Placeholders are named
 * ({from}, {to}, ...) and bound by `bind`, so every statement means the same by each name:
 *   from, to: the period, half-open [from, to); units, clubs: the scope; bucketUnits/bucketIds:
 *   unit -> byUnit row pairs; now; tz: the region's time zone; lastDay, firstDay: the period's
 *   local days (ages, first-time voters); election: the next election day or null.
 */
export interface EngagementParams {
  from: Date;
  to: Date;
  units: string[];
  clubs: string[];
  bucketUnits: string[];
  bucketIds: string[];
  now: Date;
  tz: string;
  lastDay: string;
  firstDay: string;
  election: string | null;
}

/** Replaces each {name} with $n (one number per distinct name) and lists the values in order. */
export function bind(text: string, params: EngagementParams): [string, unknown[]] {
  const order: Array<keyof EngagementParams> = [];
  const sql = text.replace(/\{(\w+)\}/g, (_, name: keyof EngagementParams) => {
    if (!(name in params)) throw new Error(`unknown parameter {${name}}`);
    let i = order.indexOf(name);
    if (i < 0) i = order.push(name) - 1;
    return `$${i + 1}`;
  });
  return [sql, order.map((n) => params[n])];
}

/** Units to buckets; the events of the scope in the period (published or completed, not cancelled). */
const SCOPE_EVENTS = `
  bk AS (SELECT * FROM unnest({bucketUnits}::uuid[], {bucketIds}::uuid[]) AS b(unit_id, bucket_id)),
  ev AS (
    SELECT e.id, e.kind, e.club_id, bk.bucket_id,
           to_char(e.starts_at AT TIME ZONE {tz}::text, 'YYYY-MM') AS month,
           e.ends_at <= {now}::timestamptz AS ended
    FROM events e LEFT JOIN bk ON bk.unit_id = e.unit_id
    WHERE e.status IN ('PUBLISHED', 'COMPLETED')
      AND e.starts_at >= {from}::timestamptz AND e.starts_at < {to}::timestamptz
      AND (e.unit_id = ANY({units}::uuid[]) OR e.club_id = ANY({clubs}::uuid[]))
  )`;

/** Registrations that hold or held a seat: registered, attended (walk-ins included), no-show. */
const COUNTED = `('REGISTERED', 'ATTENDED', 'NO_SHOW')`;

const AGE = `date_part('year', age({lastDay}::date, m.birth_date))`;
const BAND = `CASE WHEN m.birth_date IS NULL OR ${AGE} < 14 OR ${AGE} > 35 THEN 'OTHER'
  WHEN ${AGE} <= 17 THEN '14-17' WHEN ${AGE} <= 21 THEN '18-21' WHEN ${AGE} <= 25 THEN '22-25'
  WHEN ${AGE} <= 29 THEN '26-29' ELSE '30-35' END`;
/** Turns 18 in the period, or is 18 on the next election day. */
const FIRST_TIME_VOTER = `(m.birth_date IS NOT NULL AND (
    (m.birth_date + interval '18 years')::date BETWEEN {firstDay}::date AND {lastDay}::date
    OR ({election}::date IS NOT NULL AND date_part('year', age({election}::date, m.birth_date)) = 18)))`;

/** One row per event in scope: its additive counts (rolled up by unit, month, club, kind in code). */
export const PER_EVENT = `
  WITH ${SCOPE_EVENTS}
  SELECT ev.id, ev.kind::text AS kind, ev.club_id, ev.bucket_id, ev.month, ev.ended,
         count(r.member_id)::int AS registrations,
         count(r.member_id) FILTER (WHERE r.status = 'ATTENDED')::int AS attendances,
         count(r.member_id) FILTER (WHERE r.status = 'NO_SHOW')::int AS no_shows
  FROM ev LEFT JOIN registrations r ON r.event_id = ev.id AND r.status IN ${COUNTED}
  GROUP BY ev.id, ev.kind, ev.club_id, ev.bucket_id, ev.month, ev.ended`;

/**
 * Distinct people: participants (attended) per grouping set, by age band too; retention; the
 * funnel's members. One row of JSON.
 */
export const PARTICIPANTS = `
  WITH ${SCOPE_EVENTS},
  rg AS (
    SELECT r.member_id, r.status = 'ATTENDED' AS attended, ev.bucket_id, ev.month, ev.club_id, ev.kind
    FROM ev JOIN registrations r ON r.event_id = ev.id AND r.status IN ${COUNTED}
  ),
  att AS (SELECT * FROM rg WHERE attended),
  per_member AS (SELECT member_id, count(*) AS n FROM att GROUP BY member_id)
  SELECT
    (SELECT coalesce(json_agg(s), '[]') FROM (
       SELECT GROUPING(a.bucket_id, a.month, a.club_id, a.kind, ${BAND}) AS g,
              a.bucket_id, a.month, a.club_id, a.kind::text AS kind, ${BAND} AS band,
              count(DISTINCT a.member_id)::int AS participants, count(*)::int AS attendances
       FROM att a JOIN members m ON m.id = a.member_id
       GROUP BY GROUPING SETS ((), (a.bucket_id), (a.month), (a.club_id), (a.kind), (${BAND}))
    ) s) AS sets,
    (SELECT count(*)::int FROM per_member) AS participants,
    (SELECT count(*)::int FROM per_member WHERE n >= 2) AS returning,
    (SELECT count(DISTINCT member_id)::int FROM rg) AS registered_members,
    (SELECT count(*)::int FROM badge_awards b
       WHERE b.awarded_at >= {from}::timestamptz AND b.awarded_at < {to}::timestamptz AND b.revoked_at IS NULL
         AND b.member_id IN (SELECT member_id FROM per_member)) AS badges,
    (SELECT count(DISTINCT b.member_id)::int FROM badge_awards b
       WHERE b.awarded_at >= {from}::timestamptz AND b.awarded_at < {to}::timestamptz AND b.revoked_at IS NULL
         AND b.member_id IN (SELECT member_id FROM per_member)) AS badged_members`;

/**
 * The members of the scope who had joined by the end of the period (withdrawn ones too: they are
 * anonymised, not deleted), per bucket, age band and month joined; active = attended any event in
 * the period; first-time voters.
 */
export const MEMBERS = `
  WITH bk AS (SELECT * FROM unnest({bucketUnits}::uuid[], {bucketIds}::uuid[]) AS b(unit_id, bucket_id)),
  sm AS (
    SELECT m.id, bk.bucket_id, ${BAND} AS band, ${FIRST_TIME_VOTER} AS ftv,
           CASE WHEN m.joined_at >= {from}::timestamptz
                THEN to_char(m.joined_at AT TIME ZONE {tz}::text, 'YYYY-MM') END AS joined_month,
           EXISTS (SELECT 1 FROM registrations r JOIN events e ON e.id = r.event_id
                   WHERE r.member_id = m.id AND r.status = 'ATTENDED'
                     AND e.starts_at >= {from}::timestamptz AND e.starts_at < {to}::timestamptz) AS active
    FROM members m LEFT JOIN bk ON bk.unit_id = m.unit_id
    WHERE m.role = 'MEMBER' AND m.joined_at < {to}::timestamptz
      AND (m.unit_id = ANY({units}::uuid[])
           OR EXISTS (SELECT 1 FROM club_memberships cm WHERE cm.member_id = m.id AND cm.club_id = ANY({clubs}::uuid[])))
  )
  SELECT GROUPING(bucket_id, band, joined_month) AS g, bucket_id, band, joined_month,
         count(*)::int AS members, count(*) FILTER (WHERE active)::int AS active,
         count(*) FILTER (WHERE ftv)::int AS ftv, count(*) FILTER (WHERE ftv AND active)::int AS ftv_active
  FROM sm
  GROUP BY GROUPING SETS ((), (bucket_id), (band), (joined_month))`;

/** The clubs of the scope (archived during or after the period included) and their members then. */
export const CLUBS = `
  SELECT c.id, c.name, c.unit_id,
         (SELECT count(DISTINCT cm.member_id)::int FROM club_memberships cm JOIN members m ON m.id = cm.member_id
          WHERE cm.club_id = c.id AND m.role = 'MEMBER' AND cm.joined_at < {to}::timestamptz
            AND (cm.left_at IS NULL OR cm.left_at >= {from}::timestamptz)) AS members
  FROM clubs c
  WHERE (c.unit_id = ANY({units}::uuid[]) OR c.id = ANY({clubs}::uuid[]))
    AND (c.archived_at IS NULL OR c.archived_at >= {from}::timestamptz)
  ORDER BY c.name, c.id`;
