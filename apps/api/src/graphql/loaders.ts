import { Injectable } from '@nestjs/common';
import { ClubMembershipsService, Member, MembersService, StaffService } from '@yvc/identity';
import { Club, ClubsService, Unit, UnitsService } from '@yvc/org';
import DataLoader from 'dataloader';

const byId = <T extends { id: string }>(ids: readonly string[], rows: T[]): Array<T | null> => {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id) ?? null);
};

const groupBy = <T>(keys: readonly string[], rows: T[], keyOf: (r: T) => string): T[][] => {
  const map = new Map<string, T[]>();
  for (const r of rows) map.set(keyOf(r), [...(map.get(keyOf(r)) ?? []), r]);
  return keys.map((k) => map.get(k) ?? []);
};

/** Request-scoped batch loaders: every relation field resolves through one of these. */
export interface Loaders {
  unit: DataLoader<string, Unit | null>;
  unitChildren: DataLoader<string, Unit[]>;
  clubsOfUnit: DataLoader<string, Club[]>;
  club: DataLoader<string, Club | null>;
  clubMemberCount: DataLoader<string, number>;
  clubStaffIds: DataLoader<string, string[]>;
  member: DataLoader<string, Member | null>;
  memberClubIds: DataLoader<string, string[]>;
}

@Injectable()
export class LoadersFactory {
  constructor(
    private readonly units: UnitsService,
    private readonly clubs: ClubsService,
    private readonly members: MembersService,
    private readonly memberships: ClubMembershipsService,
    private readonly staff: StaffService,
  ) {}

  create(): Loaders {
    return {
      unit: new DataLoader(async (ids) => byId(ids, await this.units.findByIds(ids))),
      unitChildren: new DataLoader(async (ids) =>
        groupBy(ids, await this.units.findChildrenOf(ids), (u) => u.parentId!),
      ),
      clubsOfUnit: new DataLoader(async (ids) =>
        groupBy(ids, await this.clubs.findActiveByUnitIds(ids), (c) => c.unitId),
      ),
      club: new DataLoader(async (ids) => byId(ids, await this.clubs.findByIds(ids))),
      clubMemberCount: new DataLoader(async (ids) => {
        const counts = await this.memberships.countByClub(ids);
        return ids.map((id) => counts.get(id) ?? 0);
      }),
      clubStaffIds: new DataLoader(async (ids) => {
        const map = await this.staff.staffIdsByClub(ids);
        return ids.map((id) => map.get(id) ?? []);
      }),
      member: new DataLoader(async (ids) => byId(ids, await this.members.findByIds(ids))),
      memberClubIds: new DataLoader(async (ids) => {
        const map = await this.memberships.clubIdsByMember(ids);
        return ids.map((id) => map.get(id) ?? []);
      }),
    };
  }
}
