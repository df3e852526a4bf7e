import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isUuid } from '@yvc/core';
import { foreignKeyViolation, uniqueViolation } from '@yvc/database';
import { IsNull, Repository } from 'typeorm';
import { OrgError, orgError } from '../org.errors';
import { Club } from './club.entity';
import { ClubDraft, normalizeClubDraft } from './club-input';

@Injectable()
export class ClubsService {
  constructor(@InjectRepository(Club) private readonly clubs: Repository<Club>) {}

  async create(unitId: string, draft: ClubDraft): Promise<Club> {
    const clean = normalizeClubDraft(draft);
    if (!isUuid(unitId)) throw orgError(OrgError.UNIT_NOT_FOUND);
    try {
      return await this.clubs.save(this.clubs.create({ unitId, ...clean }));
    } catch (err) {
      throw this.translateWriteError(err);
    }
  }

  /** Renames (and optionally re-describes the host of) an active club. */
  async update(id: string, draft: ClubDraft): Promise<Club> {
    const club = await this.getActive(id);
    const clean = normalizeClubDraft({
      name: draft.name,
      institution: draft.institution === undefined ? club.institution : draft.institution,
      institutionKind: draft.institutionKind === undefined ? club.institutionKind : draft.institutionKind,
    });
    try {
      await this.clubs.update({ id, archivedAt: IsNull() }, clean);
    } catch (err) {
      throw this.translateWriteError(err);
    }
    return this.getActive(id);
  }

  /** Archiving is idempotent; an archived club keeps its history but takes no new members. */
  async archive(id: string): Promise<Club> {
    const club = await this.get(id);
    if (!club.archivedAt)
      await this.clubs.update({ id, archivedAt: IsNull() }, { archivedAt: () => 'now()' });
    return this.get(id);
  }

  async get(id: string): Promise<Club> {
    const club = isUuid(id) ? await this.clubs.findOneBy({ id }) : null;
    if (!club) throw orgError(OrgError.CLUB_NOT_FOUND);
    return club;
  }

  async getActive(id: string): Promise<Club> {
    const club = await this.get(id);
    if (club.archivedAt) throw orgError(OrgError.CLUB_ARCHIVED);
    return club;
  }

  findById(id: string): Promise<Club | null> {
    return isUuid(id) ? this.clubs.findOneBy({ id }) : Promise.resolve(null);
  }

  findByIds(ids: readonly string[]): Promise<Club[]> {
    // one array parameter: a list of thousands (the country's engagement by club) as many
    // parameters costs the query builder more than the query
    return ids.length
      ? this.clubs
          .createQueryBuilder('c')
          .where('c.id = ANY(:ids)', { ids: ids.filter(isUuid) })
          .getMany()
      : Promise.resolve([]);
  }

  /** Active clubs among `ids` (every active club for 'ALL'), by name (Kazakh collation). */
  findActive(ids: readonly string[] | 'ALL'): Promise<Club[]> {
    const qb = this.clubs.createQueryBuilder('c').where('c.archived_at IS NULL');
    if (ids !== 'ALL') {
      if (!ids.length) return Promise.resolve([]);
      qb.andWhere('c.id = ANY(:ids)', { ids: ids.filter(isUuid) });
    }
    return qb.orderBy('c.name COLLATE "kk-KZ-x-icu"').addOrderBy('c.id').getMany();
  }

  /** Active clubs of the given units, by name (Kazakh collation). */
  findActiveByUnitIds(unitIds: readonly string[]): Promise<Club[]> {
    if (!unitIds.length) return Promise.resolve([]);
    return this.clubs
      .createQueryBuilder('c')
      .where('c.unit_id = ANY(:unitIds)', { unitIds })
      .andWhere('c.archived_at IS NULL')
      .orderBy('c.name COLLATE "kk-KZ-x-icu"')
      .getMany();
  }

  /** Clubs of the given units, archived ones too when asked, by name (Kazakh collation); for administration. */
  findByUnitIds(unitIds: readonly string[], includeArchived: boolean): Promise<Club[]> {
    if (!unitIds.length) return Promise.resolve([]);
    const q = this.clubs.createQueryBuilder('c').where('c.unit_id = ANY(:unitIds)', { unitIds });
    if (!includeArchived) q.andWhere('c.archived_at IS NULL');
    return q.orderBy('c.name COLLATE "kk-KZ-x-icu"').addOrderBy('c.id').getMany();
  }

  private translateWriteError(err: unknown): unknown {
    const constraint = uniqueViolation(err);
    if (constraint === 'clubs_unit_name_active_key') return orgError(OrgError.CLUB_NAME_TAKEN);
    // an admin may create a club in any unit, so nothing checked that the unit exists: the key did
    if (foreignKeyViolation(err) === 'clubs_unit_id_fk') return orgError(OrgError.UNIT_NOT_FOUND);
    return err;
  }
}
