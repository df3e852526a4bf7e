import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { FieldProblems } from '@yvc/core';
import { AccessPolicy, Actor, AssignmentTarget, MembersService, Role, StaffService } from '@yvc/identity';
import { ClubsService, UnitsService } from '@yvc/org';
import { CurrentActor, Roles } from '../common/decorators';
import type { GqlContext } from '../graphql/graphql-context';
import { MemberModel } from '../members/member.model';
import { StaffAssignmentInput } from './club.inputs';
import { ClubModel } from './club.model';
import { StaffAssignmentModel } from './staff-assignment.model';
import { UnitModel } from './unit.model';

@Resolver(() => StaffAssignmentModel)
export class StaffAssignmentResolver {
  constructor(
    private readonly staff: StaffService,
    private readonly members: MembersService,
    private readonly clubs: ClubsService,
    private readonly units: UnitsService,
    private readonly policy: AccessPolicy,
  ) {}

  @Roles(Role.COMMISSION, Role.ADMIN)
  @Query(() => [MemberModel], {
    description:
      'Coordinator and commission accounts at home in the units you manage (ADMIN: all), by name: whom you may assign. Accounts come from the CLI (user:create).',
  })
  async staffAccounts(@CurrentActor() actor: Actor) {
    const scope = await this.policy.scope(actor);
    return this.staff.staffAccountsIn(scope === 'ALL' ? 'ALL' : scope.unitIds);
  }

  @Roles(Role.COMMISSION, Role.ADMIN)
  @Mutation(() => [StaffAssignmentModel], {
    description:
      'Makes a coordinator (or commission) account responsible for a club (not an archived one) or a unit; returns all of its assignments.',
  })
  async assignCoordinator(@CurrentActor() actor: Actor, @Args('input') input: StaffAssignmentInput) {
    const target = await this.authorize(actor, input);
    // an archived club takes no new coordinators (removing one stays possible)
    if (target.clubId) await this.clubs.getActive(target.clubId);
    await this.staff.assign(input.memberId, target);
    return this.staff.findByMember(input.memberId);
  }

  @Roles(Role.COMMISSION, Role.ADMIN)
  @Mutation(() => [StaffAssignmentModel], { description: 'Removes one assignment; returns the ones left.' })
  async removeCoordinator(@CurrentActor() actor: Actor, @Args('input') input: StaffAssignmentInput) {
    const target = await this.authorize(actor, input);
    await this.staff.remove(input.memberId, target);
    return this.staff.findByMember(input.memberId);
  }

  @ResolveField(() => MemberModel)
  member(@Parent() a: StaffAssignmentModel, @Context() ctx: GqlContext) {
    return ctx.loaders.member.load(a.memberId);
  }

  @ResolveField(() => ClubModel, { nullable: true })
  club(@Parent() a: StaffAssignmentModel, @Context() ctx: GqlContext) {
    return a.clubId ? ctx.loaders.club.load(a.clubId) : null;
  }

  @ResolveField(() => UnitModel, { nullable: true })
  unit(@Parent() a: StaffAssignmentModel, @Context() ctx: GqlContext) {
    return a.unitId ? ctx.loaders.unit.load(a.unitId) : null;
  }

  private async authorize(actor: Actor, input: StaffAssignmentInput): Promise<AssignmentTarget> {
    const problems = new FieldProblems();
    if (!!input.clubId === !!input.unitId) {
      problems.add('clubId', 'validation.oneOfRequired', { fields: 'clubId, unitId' });
    }
    problems.throwIfAny();
    await this.members.get(input.memberId);
    // the staff account itself must be in the caller's scope, not only the club or unit
    await this.policy.assert(this.policy.canSeeMember(actor, input.memberId));
    if (input.clubId) {
      await this.clubs.get(input.clubId);
      await this.policy.assert(this.policy.canManageClub(actor, input.clubId));
      return { clubId: input.clubId };
    }
    if (!(await this.units.findById(input.unitId!)))
      problems.add('unitId', 'validation.unitNotFound').throwIfAny();
    await this.policy.assert(this.policy.canManageUnit(actor, input.unitId!));
    return { unitId: input.unitId! };
  }
}
