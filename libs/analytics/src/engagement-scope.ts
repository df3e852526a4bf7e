import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUuid } from '@yvc/core';
import { AccessPolicy, Actor, Role } from '@yvc/identity';
import { DataSource } from 'typeorm';
import { AnalyticsError, analyticsError } from './analytics.errors';

/**
 * What one engagement request covers. Events and members count when their unit is in `unitIds`
 * (or, for a coordinator's clubs outside those units, when the event is the club's or the member
 * belongs to the club). Rows of `byUnit` are `buckets`: each unit of the tree maps to the bucket
 * it rolls up into (`bucketOf`).
 */
export interface EngagementScope {
  rootUnitId: string | null;
  unitIds: string[];
  clubIds: string[];
  /** the byUnit rows in order: the root itself (what sits at the root unit), then its children */
  bucketIds: string[];
  /** unit id -> bucket unit id, for every unit that rolls up into a bucket */
  bucketOf: Map<string, string>;
  /** the scope holds every unit (the country): every event and member is in it */
  wholeTree: boolean;
  /** a stable text naming the scope, for the cache key */
  key: string;
}

interface UnitRow {
  id: string;
  code: string;
  parent_id: string | null;
}

@Injectable()
export class EngagementScopeResolver {
  constructor(
    private readonly policy: AccessPolicy,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /**
   * ADMIN: the country (or any unit); COMMISSION: its subtree; COORDINATOR: their units and clubs;
   * MEMBER: forbidden. A unitId outside the caller's scope is forbidden.
   */
  async resolve(actor: Actor, unitId?: string | null): Promise<EngagementScope> {
    if (actor.role === Role.MEMBER) throw analyticsError(AnalyticsError.ENGAGEMENT_FORBIDDEN);
    const units: UnitRow[] = await this.db.query(`SELECT id, code, parent_id FROM units ORDER BY code`);
    const byId = new Map(units.map((u) => [u.id, u]));
    const scope = await this.policy.scope(actor);

    if (unitId) {
      const root = isUuid(unitId) ? byId.get(unitId) : undefined;
      if (!root) throw analyticsError(AnalyticsError.ENGAGEMENT_UNIT_NOT_FOUND);
      if (scope !== 'ALL' && !scope.unitIds.includes(root.id))
        throw analyticsError(AnalyticsError.ENGAGEMENT_FORBIDDEN);
      return this.rooted(root, units, [], `u:${root.id}`);
    }
    if (scope === 'ALL')
      return this.tops(
        units.filter((u) => !u.parent_id),
        units,
        [],
        'all',
      );

    const inScope = new Set(scope.unitIds);
    const tops = units.filter((u) => inScope.has(u.id) && !(u.parent_id && inScope.has(u.parent_id)));
    // clubs assigned outside the assigned units: counted through the club
    const extraClubs: Array<{ id: string; unit_id: string }> = scope.clubIds.length
      ? await this.db.query(
          `SELECT id, unit_id FROM clubs WHERE id = ANY($1::uuid[]) AND NOT (unit_id = ANY($2::uuid[]))`,
          [scope.clubIds, scope.unitIds],
        )
      : [];
    const key = `s:${[...scope.unitIds].sort().join(',')}|${extraClubs
      .map((c) => c.id)
      .sort()
      .join(',')}`;
    if (tops.length === 1 && !extraClubs.length) return this.rooted(tops[0], units, [], key);
    const scoped = this.tops(
      tops,
      units,
      extraClubs.map((c) => c.id),
      key,
    );
    // the extra clubs' units are buckets of their own (only the clubs' events and members count)
    for (const c of extraClubs) {
      if (!scoped.bucketOf.has(c.unit_id)) {
        scoped.bucketOf.set(c.unit_id, c.unit_id);
        scoped.bucketIds.push(c.unit_id);
      }
    }
    return scoped;
  }

  /** The root's subtree; buckets: the root itself, then each child with its subtree. */
  private rooted(root: UnitRow, units: UnitRow[], clubIds: string[], key: string): EngagementScope {
    const children = units.filter((u) => u.parent_id === root.id);
    const bucketOf = new Map<string, string>([[root.id, root.id]]);
    for (const child of children) for (const u of subtree(child, units)) bucketOf.set(u.id, child.id);
    const unitIds = subtree(root, units).map((u) => u.id);
    return {
      rootUnitId: root.id,
      unitIds,
      wholeTree: unitIds.length === units.length,
      clubIds,
      bucketIds: [root.id, ...children.map((c) => c.id)],
      bucketOf,
      key,
    };
  }

  /** Several tops (the regions of the country, or a coordinator's units): one bucket per top. */
  private tops(tops: UnitRow[], units: UnitRow[], clubIds: string[], key: string): EngagementScope {
    const bucketOf = new Map<string, string>();
    const unitIds: string[] = [];
    for (const top of tops)
      for (const u of subtree(top, units)) {
        bucketOf.set(u.id, top.id);
        unitIds.push(u.id);
      }
    return {
      rootUnitId: null,
      unitIds,
      wholeTree: unitIds.length === units.length,
      clubIds,
      bucketIds: tops.map((t) => t.id),
      bucketOf,
      key,
    };
  }
}

function subtree(root: UnitRow, units: UnitRow[]): UnitRow[] {
  return units.filter((u) => u.code === root.code || u.code.startsWith(`${root.code}.`));
}
