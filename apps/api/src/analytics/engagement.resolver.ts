import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { EngagementReport, EngagementService, engagementSummary } from '@yvc/analytics';
import { Actor } from '@yvc/identity';
import { Unit } from '@yvc/org';
import { CurrentActor, Report, Staff } from '../common/decorators';
import type { GqlContext } from '../graphql/graphql-context';
import { ClubModel } from '../org/club.model';
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
}

@Resolver(() => UnitEngagementModel)
export class UnitEngagementResolver {
  @ResolveField(() => UnitModel)
  async unit(@Parent() row: UnitEngagementModel, @Context() ctx: GqlContext): Promise<Unit> {
    return (await ctx.loaders.unit.load(row.unitId))!;
  }
}

@Resolver(() => ClubEngagementModel)
export class ClubEngagementResolver {
  @ResolveField(() => ClubModel)
  async club(@Parent() row: ClubEngagementModel, @Context() ctx: GqlContext) {
    return (await ctx.loaders.club.load(row.clubId))!;
  }
}
