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
  /** the events in scope as PER_EVENT found them (PARTICIPANTS starts from these) */
  evIds?: string[];
  evB?: number[];
  evMo?: number[];
  evC?: number[];
  evK?: number[];
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

/**
 * One row per event in scope: its additive counts (rolled up by unit, month, club, kind in code),
 * counted per event from the (event_id, status) index alone.
 */
export const PER_EVENT = `
  WITH ${SCOPE_EVENTS}
  SELECT ev.id, ev.kind::text AS kind, ev.club_id, ev.bucket_id, ev.month, ev.ended,
         c.registrations, c.attendances, c.no_shows
  FROM ev CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE r.status IN ${COUNTED})::int AS registrations,
           count(*) FILTER (WHERE r.status = 'ATTENDED')::int AS attendances,
           count(*) FILTER (WHERE r.status = 'NO_SHOW')::int AS no_shows
    FROM registrations r WHERE r.event_id = ev.id
  ) c`;

/**
 * Distinct people. One row per participant (`pm`): their attendances at events in scope and the
 * codes of the buckets, months, clubs and kinds they came to (each value of each dimension has its
 * own integer code, given by the service with the events: {evB}, {evMo}, {evC}, {evK}); then one
 * count per code. Participants per band, retention, the funnel's members and badges follow from
 * `pm`. The events come as arrays from PER_EVENT, so the planner knows how few they are and probes
 * the (event_id, status) index per event. At national scale this single grouping by member (one
 * sort) is ~4x faster than a distinct count per dimension (one hash of all attendances each).
 */
export const PARTICIPANTS = `
  WITH ev AS (
    SELECT * FROM unnest({evIds}::uuid[], {evB}::int[], {evMo}::int[], {evC}::int[], {evK}::int[])
      AS e(id, b, mo, c, k)
  ),
  pm AS MATERIALIZED (
    SELECT r.member_id, count(*)::int AS n,
           array_agg(DISTINCT ev.b) || array_agg(DISTINCT ev.mo) || array_agg(DISTINCT ev.c)
             || array_agg(DISTINCT ev.k) AS codes
    FROM ev JOIN registrations r ON r.event_id = ev.id AND r.status = 'ATTENDED'
    GROUP BY r.member_id
  ),
  banded AS (
    SELECT pm.n, ${BAND} AS band FROM pm JOIN members m ON m.id = pm.member_id
  ),
  awards AS (
    SELECT b.member_id FROM badge_awards b JOIN pm ON pm.member_id = b.member_id
    WHERE (b.revoked_at IS NULL OR b.erased_at IS NOT NULL)
      AND b.awarded_at >= {from}::timestamptz AND b.awarded_at < {to}::timestamptz
  )
  SELECT
    (SELECT coalesce(json_agg(d), '[]') FROM (
       SELECT code, count(*)::int AS participants FROM pm, unnest(pm.codes) AS code GROUP BY code) d) AS codes,
    (SELECT coalesce(json_agg(d), '[]') FROM (
       SELECT band, count(*)::int AS participants, sum(n)::int AS attendances FROM banded GROUP BY band) d) AS bands,
    (SELECT count(*)::int FROM pm) AS participants,
    (SELECT count(*)::int FROM pm WHERE n >= 2) AS returning,
    (SELECT count(*)::int FROM pm) + (SELECT count(DISTINCT r.member_id)::int
       FROM ev JOIN registrations r ON r.event_id = ev.id AND r.status IN ('REGISTERED', 'NO_SHOW')
       WHERE NOT EXISTS (SELECT 1 FROM pm WHERE pm.member_id = r.member_id)) AS registered_members,
    (SELECT count(*)::int FROM awards) AS badges,
    (SELECT count(DISTINCT member_id)::int FROM awards) AS badged_members`;

/** Attended an event (in scope or not) that starts in the period: per member, one index probe. */
const ACTIVE_PROBE = `EXISTS (SELECT 1 FROM registrations r JOIN events e ON e.id = r.event_id
  WHERE r.member_id = m.id AND r.status = 'ATTENDED'
    AND e.starts_at >= {from}::timestamptz AND e.starts_at < {to}::timestamptz)`;
/** The same for a scope of most members: one hashed set of the period's attendees. */
const ACTIVE_SET = `m.id IN (SELECT r.member_id FROM events e
  JOIN registrations r ON r.event_id = e.id AND r.status = 'ATTENDED'
  WHERE e.starts_at >= {from}::timestamptz AND e.starts_at < {to}::timestamptz)`;

/**
 * The members of the scope who had joined by the end of the period (withdrawn ones too: they are
 * anonymised, not deleted), per bucket, age band and month joined; active = attended any event in
 * the period; first-time voters. `wholeTree`: the scope holds every unit (the country), where one
 * hashed set of attendees is ~3x faster than a probe per member; for a region the probes win.
 */
export const members = (wholeTree: boolean) => `
  WITH bk AS (SELECT * FROM unnest({bucketUnits}::uuid[], {bucketIds}::uuid[]) AS b(unit_id, bucket_id)),
  sm AS (
    SELECT m.id, bk.bucket_id, ${BAND} AS band, ${FIRST_TIME_VOTER} AS ftv,
           CASE WHEN m.joined_at >= {from}::timestamptz
                THEN to_char(m.joined_at AT TIME ZONE {tz}::text, 'YYYY-MM') END AS joined_month,
           ${wholeTree ? ACTIVE_SET : ACTIVE_PROBE} AS active
    FROM (SELECT id FROM members WHERE unit_id = ANY({units}::uuid[])
          UNION SELECT member_id FROM club_memberships WHERE club_id = ANY({clubs}::uuid[])) scoped
    JOIN members m ON m.id = scoped.id LEFT JOIN bk ON bk.unit_id = m.unit_id
    WHERE m.role = 'MEMBER' AND m.joined_at < {to}::timestamptz
  )
  SELECT GROUPING(bucket_id, band, joined_month) AS g, bucket_id, band, joined_month,
         count(*)::int AS members, count(*) FILTER (WHERE active)::int AS active,
         count(*) FILTER (WHERE ftv)::int AS ftv, count(*) FILTER (WHERE ftv AND active)::int AS ftv_active
  FROM sm
  GROUP BY GROUPING SETS ((), (bucket_id), (band), (joined_month))`;

/** The clubs of the scope (archived during or after the period included) and their members then. */
export const CLUBS = `
  WITH sc AS (
    SELECT c.id, c.name, c.unit_id, c.institution, c.institution_kind::text AS institution_kind, c.archived_at
    FROM clubs c
    WHERE (c.unit_id = ANY({units}::uuid[]) OR c.id = ANY({clubs}::uuid[]))
      AND (c.archived_at IS NULL OR c.archived_at >= {from}::timestamptz)
  ),
  counted AS (
    SELECT cm.club_id, count(DISTINCT cm.member_id)::int AS members
    FROM club_memberships cm JOIN members m ON m.id = cm.member_id
    WHERE cm.club_id IN (SELECT id FROM sc) AND m.role = 'MEMBER' AND cm.joined_at < {to}::timestamptz
      AND (cm.left_at IS NULL OR cm.left_at >= {from}::timestamptz)
    GROUP BY cm.club_id
  )
  SELECT sc.id, sc.name, sc.unit_id, sc.institution, sc.institution_kind, sc.archived_at,
    coalesce(counted.members, 0) AS members
  FROM sc LEFT JOIN counted ON counted.club_id = sc.id
  ORDER BY sc.name, sc.id`;
