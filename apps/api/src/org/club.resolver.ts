import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { pageRequest } from '@yvc/core';
import { AccessPolicy, Actor, ClubMembershipsService, Role, isMemberCursor } from '@yvc/identity';
import { ClubsService } from '@yvc/org';
import { CurrentActor, Public, Roles, Staff } from '../common/decorators';
import { toConnection } from '../graphql/connection';
import type { GqlContext } from '../graphql/graphql-context';
import { MemberConnection } from '../members/member-connection.model';
import { ClubMembersArgs, CreateClubInput } from './club.inputs';
import { ClubModel } from './club.model';
import { UnitModel } from './unit.model';

@Resolver(() => ClubModel)
export class ClubResolver {
  constructor(
    private readonly clubs: ClubsService,
    private readonly memberships: ClubMembershipsService,
    private readonly policy: AccessPolicy,
  ) {}

  @Public()
  @Query(() => ClubModel, { nullable: true })
  club(@Args('id', { type: () => ID }) id: string): Promise<ClubModel | null> {
    return this.clubs.findById(id);
  }

  @Roles(Role.COMMISSION, Role.ADMIN)
  @Mutation(() => ClubModel, { description: 'COMMISSION within its unit subtree, ADMIN anywhere.' })
  async createClub(@CurrentActor() actor: Actor, @Args('input') input: CreateClubInput): Promise<ClubModel> {
    await this.policy.assert(this.policy.canManageUnit(actor, input.unitId));
    return this.clubs.create(input.unitId, input);
  }

  @Roles(Role.COMMISSION, Role.ADMIN)
  @Mutation(() => ClubModel)
  async renameClub(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('name') name: string,
  ): Promise<ClubModel> {
    await this.clubs.get(id);
    await this.policy.assert(this.policy.canManageClub(actor, id));
    return this.clubs.update(id, { name });
  }

  @Roles(Role.COMMISSION, Role.ADMIN)
  @Mutation(() => ClubModel, { description: 'Archived clubs keep their history and take no new members.' })
  async archiveClub(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ClubModel> {
    await this.clubs.get(id);
    await this.policy.assert(this.policy.canManageClub(actor, id));
    return this.clubs.archive(id);
  }

  @Staff()
  @Query(() => MemberConnection, {
    description: "A club's members in Kazakh alphabetical order; staff in scope only.",
  })
  async clubMembers(@CurrentActor() actor: Actor, @Args() args: ClubMembersArgs): Promise<MemberConnection> {
    const page = pageRequest(args.first, args.after, isMemberCursor);
    await this.clubs.get(args.clubId);
    await this.policy.assert(this.policy.canViewClub(actor, args.clubId));
    return toConnection(
      await this.memberships.listMembers(args.clubId, args.search ?? null, page.first, page.after),
    );
  }

  @ResolveField(() => UnitModel)
  unit(@Parent() c: ClubModel, @Context() ctx: GqlContext) {
    return ctx.loaders.unit.load(c.unitId);
  }

  @ResolveField(() => Int, { description: 'active members' })
  memberCount(@Parent() c: ClubModel, @Context() ctx: GqlContext) {
    return ctx.loaders.clubMemberCount.load(c.id);
  }
}
