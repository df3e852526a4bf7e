import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { EngagementReport, EngagementService, engagementSummary } from '@yvc/analytics';
import { Actor } from '@yvc/identity';
import { InstitutionKind, Unit } from '@yvc/org';
import { CurrentActor, Report, Staff } from '../common/decorators';
import type { GqlContext } from '../graphql/graphql-context';
import { UnitModel } from '../org/unit.model';
import {
  ClubEngagementModel,
  EngagementFilterInput,
  EngagementModel,
  UnitEngagementModel,
} from './engagement.model';

@Resolver(() => EngagementModel)
export class EngagementResolver {
  constructor(private readonly analytics: EngagementService) {}

  @Staff()
  // four statements over every event, registration and member of the scope (a region ~0.7 s, the
  // country ~6.5 s, docs/performance.md): priced as 500 rows, a quarter of the default budget
  @Report(500)
  @Query(() => EngagementModel, {
    description:
      'COMMISSION: its subtree; COORDINATOR: their units and clubs; ADMIN: all (MEMBER: FORBIDDEN)',
  })
  engagement(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => EngagementFilterInput, nullable: true })
    filter?: EngagementFilterInput | null,
  ): Promise<EngagementReport> {
    return this.analytics.report(actor, filter ?? {});
  }

  @ResolveField(() => String, {
    description: '"N events, M participants, K first-time voters" for the period, in the caller language',
  })
  summary(@Parent() r: EngagementReport, @Context() ctx: GqlContext): string {
    return engagementSummary(r, ctx.locale);
  }

  // the country has ~2,000 club rows: each row's club is made here from the fields the answer
  // carries (the figures' snapshot of the club), instead of one field resolver call per row
  // (each call through the framework cost more than the row itself) or loading 2,000 entities
  @ResolveField(() => [ClubEngagementModel])
  byClub(@Parent() r: EngagementReport): ClubEngagementModel[] {
    return r.byClub.map((row) => ({
      clubId: row.clubId,
      club: {
        id: row.clubId,
        unitId: row.unitId,
        name: row.name,
        institution: row.institution,
        institutionKind: row.institutionKind as InstitutionKind | null,
        archivedAt: row.archivedAt,
      },
      name: row.name,
      members: row.members,
      events: row.events,
      registrations: row.registrations,
      attendances: row.attendances,
      uniqueParticipants: row.uniqueParticipants,
      noShows: row.noShows,
      noShowRate: row.noShowRate,
    }));
  }
}

@Resolver(() => UnitEngagementModel)
export class UnitEngagementResolver {
  @ResolveField(() => UnitModel)
  async unit(@Parent() row: UnitEngagementModel, @Context() ctx: GqlContext): Promise<Unit> {
    return (await ctx.loaders.unit.load(row.unitId))!;
  }
}
