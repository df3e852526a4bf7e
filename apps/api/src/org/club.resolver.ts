import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { pageRequest } from '@yvc/core';
import { AccessPolicy, Actor, ClubMembershipsService, Role, isMemberCursor } from '@yvc/identity';
import { ClubsService, UnitsService } from '@yvc/org';
import { MemberModel } from '../members/member.model';
import { CurrentActor, Public, Roles, Staff } from '../common/decorators';
import { toConnection } from '../graphql/connection';
import type { GqlContext } from '../graphql/graphql-context';
import { MemberConnection } from '../members/member-connection.model';
import { ClubMembersArgs, CreateClubInput, ManagedClubsArgs } from './club.inputs';
import { ClubModel } from './club.model';
import { UnitModel } from './unit.model';

@Resolver(() => ClubModel)
export class ClubResolver {
  constructor(
    private readonly clubs: ClubsService,
    private readonly memberships: ClubMembershipsService,
    private readonly policy: AccessPolicy,
    private readonly units: UnitsService,
  ) {}

  @Public()
  @Query(() => ClubModel, { nullable: true })
  club(@Args('id', { type: () => ID }) id: string): Promise<ClubModel | null> {
    return this.clubs.findById(id);
  }

  @Roles(Role.COMMISSION, Role.ADMIN)
  @Query(() => [ClubModel], {
    description:
      'Clubs of the units you manage (COMMISSION: its subtree, ADMIN: all), by name; archived ones when asked.',
  })
  async managedClubs(@CurrentActor() actor: Actor, @Args() args: ManagedClubsArgs): Promise<ClubModel[]> {
    if (args.unitId) {
      await this.policy.assert(this.policy.canManageUnit(actor, args.unitId));
      return this.clubs.findByUnitIds([args.unitId], args.includeArchived);
    }
    const scope = await this.policy.scope(actor);
    const unitIds = scope === 'ALL' ? (await this.units.findAll()).map((u) => u.id) : scope.unitIds;
    return this.clubs.findByUnitIds(unitIds, args.includeArchived);
  }

  @Roles(Role.COMMISSION, Role.ADMIN)
  @Query(() => ClubModel, {
    description:
      'A club you manage, archived or not (with its coordinators): COMMISSION its subtree, ADMIN any.',
  })
  async managedClub(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ClubModel> {
    const club = await this.clubs.get(id);
    await this.policy.assert(this.policy.canManageClub(actor, club.id));
    return club;
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

  @ResolveField(() => [MemberModel], {
    nullable: true,
    description:
      "The coordinator (and commission) accounts assigned to this club: for the club's staff, the commission above and admins through a logged-in query (null for anyone else, and under the public `club`).",
  })
  async coordinators(@Parent() c: ClubModel, @Context() ctx: GqlContext) {
    if (!ctx.req.user || !(await ctx.loaders.clubViewable.load(c.id))) return null;
    const ids = await ctx.loaders.clubStaffIds.load(c.id);
    const members = await ctx.loaders.member.loadMany(ids);
    return members.filter((m): m is NonNullable<typeof m> => !!m && !(m instanceof Error));
  }

  @ResolveField(() => Int, { description: 'active members' })
  memberCount(@Parent() c: ClubModel, @Context() ctx: GqlContext) {
    return ctx.loaders.clubMemberCount.load(c.id);
  }
}
