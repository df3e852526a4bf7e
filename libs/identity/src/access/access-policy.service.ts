import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CommonError, commonError, isUuid } from '@yvc/core';
import { DataSource } from 'typeorm';
import { Actor } from '../auth/actor';
import { Role } from '../members/member.entity';

/** Unit ids in the subtrees of the actor's unit assignments; club ids assigned or inside those units. */
const SCOPE_CTE = `
  scope_units AS (
    SELECT DISTINCT d.id FROM staff_assignments a
    JOIN units r ON r.id = a.unit_id
    JOIN units d ON d.code = r.code OR d.code LIKE r.code || '.%'
    WHERE a.member_id = $1
  ),
  scope_clubs AS (
    SELECT club_id AS id FROM staff_assignments WHERE member_id = $1 AND club_id IS NOT NULL
    UNION SELECT c.id FROM clubs c WHERE c.unit_id IN (SELECT id FROM scope_units)
  )`;

/** SQL: is the unit (an expression) `d` in the subtree of a unit assigned to `member`? */
const unitInScopeSql = (member: string, unit: string): string =>
  `EXISTS (SELECT 1 FROM staff_assignments a JOIN units r ON r.id = a.unit_id JOIN units d ON d.id = ${unit}
           WHERE a.member_id = ${member} AND (d.code = r.code OR d.code LIKE r.code || '.%'))`;

/**
 * SQL for canStaff inside another statement (the door check-in decides in its own statement): true
 * when the staff account `member` with role `role` (text) may staff what `unit` and `club` (SQL
 * expressions, club may be NULL) hold. The same rule as SCOPE_CTE (`unit` in scope_units, or `club`
 * in scope_clubs), asked of this one unit and club with index look-ups instead of the whole scope.
 */
export function canStaffSql(member: string, role: string, unit: string, club: string): string {
  return `(${role} = 'ADMIN' OR (${role} <> 'MEMBER' AND (${unitInScopeSql(member, unit)}
    OR (${club} IS NOT NULL AND (
      EXISTS (SELECT 1 FROM staff_assignments a WHERE a.member_id = ${member} AND a.club_id = ${club})
      OR ${unitInScopeSql(member, `(SELECT c.unit_id FROM clubs c WHERE c.id = ${club})`)})))))`;
}

/**
 * Who may see and manage what. COORDINATOR: the clubs and units assigned to them; COMMISSION: the
 * subtree of its unit; ADMIN: everything; MEMBER: themselves. Checks run in SQL against the
 * current assignments, so a removed assignment takes effect at once.
 */
@Injectable()
export class AccessPolicy {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async canSeeMember(actor: Actor, memberId: string): Promise<boolean> {
    if (actor.memberId === memberId || actor.role === Role.ADMIN) return true;
    if (!isUuid(memberId)) return false;
    if (actor.role === Role.MEMBER) return false;
    const [row]: Array<{ ok: boolean }> = await this.db.query(
      `WITH ${SCOPE_CTE}
       SELECT EXISTS (
         SELECT 1 FROM members m WHERE m.id = $2 AND (
           m.unit_id IN (SELECT id FROM scope_units)
           OR EXISTS (SELECT 1 FROM club_memberships cm WHERE cm.member_id = m.id AND cm.left_at IS NULL
                      AND cm.club_id IN (SELECT id FROM scope_clubs)))
       ) AS ok`,
      [actor.memberId, memberId],
    );
    return row.ok;
  }

  /**
   * Acting for a member as their club's staff (issuing a certificate): ADMIN; COMMISSION when the
   * member is in its subtree; COORDINATOR only for a member of one of their clubs (current
   * membership), not for everyone who lives in a unit they happen to be assigned to.
   */
  async canActForMember(actor: Actor, memberId: string): Promise<boolean> {
    if (actor.role === Role.ADMIN) return true;
    if (actor.role === Role.COMMISSION) return this.canSeeMember(actor, memberId);
    if (actor.role !== Role.COORDINATOR || !isUuid(memberId)) return false;
    const [row]: Array<{ ok: boolean }> = await this.db.query(
      `WITH ${SCOPE_CTE}
       SELECT EXISTS (SELECT 1 FROM club_memberships cm WHERE cm.member_id = $2 AND cm.left_at IS NULL
                      AND cm.club_id IN (SELECT id FROM scope_clubs)) AS ok`,
      [actor.memberId, memberId],
    );
    return row.ok;
  }

  /** Which of `memberIds` the actor may see (one query for a whole list; for field visibility). */
  async visibleMembers(actor: Actor, memberIds: readonly string[]): Promise<Set<string>> {
    const ids = memberIds.filter(isUuid);
    if (actor.role === Role.ADMIN) return new Set(ids);
    const own = new Set(ids.filter((id) => id === actor.memberId));
    if (actor.role === Role.MEMBER || !ids.length) return own;
    const rows: Array<{ id: string }> = await this.db.query(
      `WITH ${SCOPE_CTE}
       SELECT m.id FROM members m WHERE m.id = ANY($2::uuid[]) AND (
         m.unit_id IN (SELECT id FROM scope_units)
         OR EXISTS (SELECT 1 FROM club_memberships cm WHERE cm.member_id = m.id AND cm.left_at IS NULL
                    AND cm.club_id IN (SELECT id FROM scope_clubs)))`,
      [actor.memberId, ids],
    );
    for (const r of rows) own.add(r.id);
    return own;
  }

  /** Creating, renaming and archiving clubs, and staffing units: COMMISSION in its subtree, ADMIN. */
  async canManageUnit(actor: Actor, unitId: string): Promise<boolean> {
    if (actor.role === Role.ADMIN) return true;
    if (actor.role !== Role.COMMISSION) return false;
    return this.unitInScope(actor, unitId);
  }

  async canManageClub(actor: Actor, clubId: string): Promise<boolean> {
    if (actor.role === Role.ADMIN) return true;
    if (actor.role !== Role.COMMISSION) return false;
    const [row]: Array<{ unit_id: string }> = await this.db.query(`SELECT unit_id FROM clubs WHERE id = $1`, [
      clubId,
    ]);
    return !!row && this.unitInScope(actor, row.unit_id);
  }

  /** Listing a club's members: its coordinators, the commission above it, admins. */
  async canViewClub(actor: Actor, clubId: string): Promise<boolean> {
    if (actor.role === Role.ADMIN) return true;
    if (actor.role === Role.MEMBER || !isUuid(clubId)) return false;
    const [row]: Array<{ ok: boolean }> = await this.db.query(
      `WITH ${SCOPE_CTE} SELECT $2::uuid IN (SELECT id FROM scope_clubs) AS ok`,
      [actor.memberId, clubId],
    );
    return row.ok;
  }

  /** Which of `clubIds` the actor may look after (as canViewClub; one query for a whole list). */
  async viewableClubs(actor: Actor, clubIds: readonly string[]): Promise<Set<string>> {
    const ids = clubIds.filter(isUuid);
    if (actor.role === Role.ADMIN) return new Set(ids);
    if (actor.role === Role.MEMBER || !ids.length) return new Set();
    const rows: Array<{ id: string }> = await this.db.query(
      `WITH ${SCOPE_CTE} SELECT id FROM scope_clubs WHERE id = ANY($2::uuid[])`,
      [actor.memberId, ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Staff of an event or of anything held by a unit or a club: COORDINATOR for their clubs and
   * units, COMMISSION for its subtree, ADMIN everywhere.
   */
  async canStaff(actor: Actor, unitId: string, clubId: string | null): Promise<boolean> {
    if (actor.role === Role.ADMIN) return true;
    if (actor.role === Role.MEMBER || !isUuid(unitId) || (clubId !== null && !isUuid(clubId))) return false;
    const [row]: Array<{ ok: boolean }> = await this.db.query(
      `SELECT ${canStaffSql('$1::uuid', '$4::text', '$2::uuid', '$3::uuid')} AS ok`,
      [actor.memberId, unitId, clubId, actor.role],
    );
    return row.ok;
  }

  /** The unit and club ids a staff account works in ('ALL' for admins, empty for members). */
  async scope(actor: Actor): Promise<'ALL' | { unitIds: string[]; clubIds: string[] }> {
    if (actor.role === Role.ADMIN) return 'ALL';
    if (actor.role === Role.MEMBER) return { unitIds: [], clubIds: [] };
    const [row]: Array<{ units: string[] | null; clubs: string[] | null }> = await this.db.query(
      `WITH ${SCOPE_CTE}
       SELECT (SELECT array_agg(id) FROM scope_units) AS units, (SELECT array_agg(id) FROM scope_clubs) AS clubs`,
      [actor.memberId],
    );
    return { unitIds: row.units ?? [], clubIds: row.clubs ?? [] };
  }

  async unitInScope(actor: Actor, unitId: string): Promise<boolean> {
    if (actor.role === Role.ADMIN) return true;
    if (!isUuid(unitId)) return false;
    const [row]: Array<{ ok: boolean }> = await this.db.query(
      `WITH ${SCOPE_CTE} SELECT $2::uuid IN (SELECT id FROM scope_units) AS ok`,
      [actor.memberId, unitId],
    );
    return row.ok;
  }

  async assert(allowed: boolean | Promise<boolean>): Promise<void> {
    if (!(await allowed)) throw commonError(CommonError.FORBIDDEN);
  }
}
