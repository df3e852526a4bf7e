import { Injectable } from '@nestjs/common';
import { BadgeAward, BadgesService, Certificate, CertificatesService } from '@yvc/credentials';
import { Event, EventCounts, EventsService, Registration, RegistrationsService } from '@yvc/events';
import {
  AccessPolicy,
  Actor,
  ClubMembershipsService,
  Member,
  MembersService,
  StaffService,
} from '@yvc/identity';
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
  event: DataLoader<string, Event | null>;
  eventCounts: DataLoader<string, EventCounts>;
  /** key: `${memberId}|${eventId}` */
  activeRegistration: DataLoader<string, Registration | null>;
  registration: DataLoader<string, Registration | null>;
  waitlistPosition: DataLoader<string, number | null>;
  /** may the caller see this member's personal data (self, staff in scope, admin) */
  memberVisible: DataLoader<string, boolean>;
  /** may the caller look after this club (its coordinators, the commission above, admins) */
  clubViewable: DataLoader<string, boolean>;
  memberBadges: DataLoader<string, BadgeAward[]>;
  memberCertificate: DataLoader<string, Certificate | null>;
}

@Injectable()
export class LoadersFactory {
  constructor(
    private readonly units: UnitsService,
    private readonly clubs: ClubsService,
    private readonly members: MembersService,
    private readonly memberships: ClubMembershipsService,
    private readonly staff: StaffService,
    private readonly events: EventsService,
    private readonly registrations: RegistrationsService,
    private readonly policy: AccessPolicy,
    private readonly badges: BadgesService,
    private readonly certificates: CertificatesService,
  ) {}

  /** `viewer` is read when a batch runs: the guard sets it after the context is made. */
  create(viewer: () => Actor | undefined = () => undefined): Loaders {
    return {
      memberBadges: new DataLoader(async (ids) => {
        const map = await this.badges.awardsOfMembers(ids);
        return ids.map((id) => map.get(id) ?? []);
      }),
      memberCertificate: new DataLoader(async (ids) => {
        const map = await this.certificates.currentForMany(ids);
        return ids.map((id) => map.get(id) ?? null);
      }),
      memberVisible: new DataLoader(async (ids) => {
        const actor = viewer();
        const visible = actor ? await this.policy.visibleMembers(actor, ids) : new Set<string>();
        return ids.map((id) => visible.has(id));
      }),
      clubViewable: new DataLoader(async (ids) => {
        const actor = viewer();
        const viewable = actor ? await this.policy.viewableClubs(actor, ids) : new Set<string>();
        return ids.map((id) => viewable.has(id));
      }),
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
      event: new DataLoader(async (ids) => byId(ids, await this.events.findByIds(ids))),
      eventCounts: new DataLoader(async (ids) => {
        const counts = await this.registrations.countsByEvent(ids);
        return ids.map((id) => counts.get(id) ?? { registered: 0, waitlisted: 0, attended: 0 });
      }),
      activeRegistration: new DataLoader(async (keys) => {
        const byMember = new Map<string, string[]>();
        for (const key of keys) {
          const [memberId, eventId] = key.split('|');
          byMember.set(memberId, [...(byMember.get(memberId) ?? []), eventId]);
        }
        const found = new Map<string, Registration>();
        for (const [memberId, eventIds] of byMember) {
          for (const [eventId, reg] of await this.registrations.activeFor(memberId, eventIds))
            found.set(`${memberId}|${eventId}`, reg);
        }
        return keys.map((k) => found.get(k) ?? null);
      }),
      registration: new DataLoader(async (ids) => byId(ids, await this.registrations.findByIds(ids))),
      waitlistPosition: new DataLoader(async (ids) => {
        const positions = await this.registrations.waitlistPositions(ids);
        return ids.map((id) => positions.get(id) ?? null);
      }),
    };
  }
}
