import { EventKind } from '@yvc/events';
import { UnitLevel } from '@yvc/org';

/** How a badge is earned. Rules are data (data/badges.json), evaluated in SQL by ruleCondition. */
export type BadgeRule =
  | { type: 'attendanceCount'; min: number }
  | { type: 'attendedKind'; kind: EventKind }
  | { type: 'attendedAtUnitLevel'; level: UnitLevel; kind?: EventKind }
  | { type: 'attendedOnWorldElectionsDay' }
  | { type: 'memberForDays'; days: number }
  | { type: 'manual' };

const positiveInt = (v: unknown) => Number.isInteger(v) && (v as number) > 0;
const oneOf = (values: Record<string, string>, v: unknown) =>
  typeof v === 'string' && Object.values(values).includes(v);

/** Checks a rule read from the catalogue file; throws with the badge's code when it is not valid. */
export function parseRule(code: string, raw: unknown): BadgeRule {
  const r = (raw ?? {}) as Record<string, unknown>;
  const ok = (() => {
    switch (r.type) {
      case 'attendanceCount':
        return positiveInt(r.min);
      case 'attendedKind':
        return oneOf(EventKind, r.kind);
      case 'attendedAtUnitLevel':
        return oneOf(UnitLevel, r.level) && (r.kind === undefined || oneOf(EventKind, r.kind));
      case 'memberForDays':
        return positiveInt(r.days);
      case 'attendedOnWorldElectionsDay':
      case 'manual':
        return true;
      default:
        return false;
    }
  })();
  if (!ok) throw new Error(`badge ${code}: invalid rule ${JSON.stringify(raw)}`);
  return r as BadgeRule;
}

/** Attendances of the member: registrations ATTENDED, with their event (e) and its unit (u). */
const ATTENDED = `registrations r JOIN events e ON e.id = r.event_id JOIN units u ON u.id = e.unit_id
  WHERE r.member_id = $1 AND r.status = 'ATTENDED'`;

/**
 * A rule as a SQL boolean over the member `$1` at the time `$2` (extra values are appended to
 * `params` as $3, $4, …). null: never true by evaluation (manual badges).
 */
export function ruleCondition(rule: BadgeRule, params: unknown[]): string | null {
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  switch (rule.type) {
    case 'attendanceCount':
      return `(SELECT count(*) FROM ${ATTENDED}) >= ${p(rule.min)}::int`;
    case 'attendedKind':
      return `EXISTS (SELECT 1 FROM ${ATTENDED} AND e.kind::text = ${p(rule.kind)})`;
    case 'attendedAtUnitLevel':
      return `EXISTS (SELECT 1 FROM ${ATTENDED} AND u.level::text = ${p(rule.level)}${
        rule.kind ? ` AND e.kind::text = ${p(rule.kind)}` : ''
      })`;
    case 'attendedOnWorldElectionsDay': {
      // the first Thursday of February, on the event's local calendar
      const day = `(e.starts_at AT TIME ZONE e.time_zone)::date`;
      return `EXISTS (SELECT 1 FROM ${ATTENDED} AND extract(month FROM ${day}) = 2
        AND extract(isodow FROM ${day}) = 4 AND extract(day FROM ${day}) <= 7)`;
    }
    case 'memberForDays':
      return `EXISTS (SELECT 1 FROM members m WHERE m.id = $1 AND m.joined_at <= $2::timestamptz - make_interval(days => ${p(rule.days)}::int))`;
    case 'manual':
      return null;
  }
}
