import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { EngagementReport, EngagementService, engagementSummary } from '@yvc/analytics';
import { Actor } from '@yvc/identity';
import { Unit } from '@yvc/org';
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

  // the country has ~2,000 club rows: their clubs are loaded in one batch here, instead of one
  // field resolver call per row (each call through the framework cost more than the row itself)
  @ResolveField(() => [ClubEngagementModel])
  async byClub(@Parent() r: EngagementReport, @Context() ctx: GqlContext): Promise<ClubEngagementModel[]> {
    const clubs = await ctx.loaders.club.loadMany(r.byClub.map((row) => row.clubId));
    return r.byClub.map((row, i) => {
      const club = clubs[i];
      if (club instanceof Error) throw club;
      if (!club) throw new Error(`club ${row.clubId} not found`);
      return { ...row, club };
    });
  }
}

@Resolver(() => UnitEngagementModel)
export class UnitEngagementResolver {
  @ResolveField(() => UnitModel)
  async unit(@Parent() row: UnitEngagementModel, @Context() ctx: GqlContext): Promise<Unit> {
    return (await ctx.loaders.unit.load(row.unitId))!;
  }
}
