import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, AccessPolicy, MemberStatus, MembersService, maskPhone } from '@yvc/identity';
import { maskEmail, translate } from '@yvc/core';
import { Authenticated, CurrentActor } from '../common/decorators';
import type { GqlContext } from '../graphql/graphql-context';
import { ClubModel } from '../org/club.model';
import { UnitModel } from '../org/unit.model';
import { DateScalar } from '../graphql/scalars';
import { MemberModel } from './member.model';

@Resolver(() => MemberModel)
export class MemberResolver {
  constructor(
    private readonly members: MembersService,
    private readonly policy: AccessPolicy,
  ) {}

  @Authenticated()
  @Query(() => MemberModel, { nullable: true, description: 'Yourself, or a member in your scope (staff).' })
  async member(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<MemberModel> {
    const member = await this.members.get(id);
    await this.policy.assert(this.policy.canSeeMember(actor, member.id));
    return member;
  }

  @ResolveField(() => String)
  fullName(@Parent() m: MemberModel, @Context() ctx: GqlContext): string {
    return m.status === MemberStatus.WITHDRAWN
      ? translate(ctx.locale, 'labels.anonymisedMember')
      : m.fullName;
  }

  /** Contact details reach the member and staff only (staff reach members only through scoped queries). */
  @ResolveField(() => String, { nullable: true })
  async email(@Parent() m: MemberModel, @Context() ctx: GqlContext): Promise<string | null> {
    return (await this.visible(m, ctx)) ? m.email : null;
  }

  @ResolveField(() => String, { nullable: true })
  async phone(@Parent() m: MemberModel, @Context() ctx: GqlContext): Promise<string | null> {
    return (await this.visible(m, ctx)) ? m.phone : null;
  }

  @ResolveField(() => DateScalar, {
    nullable: true,
    description: 'null only for staff accounts (and for viewers out of scope)',
  })
  async birthDate(@Parent() m: MemberModel, @Context() ctx: GqlContext): Promise<string | null> {
    return (await this.visible(m, ctx)) ? m.birthDate : null;
  }

  @ResolveField(() => String, { nullable: true, description: 'The IIN: in full for its owner only.' })
  async iin(@Parent() m: MemberModel, @Context() ctx: GqlContext): Promise<string | null> {
    return ctx.req.user?.memberId === m.id ? this.members.revealIin(m.id) : null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Contact details in masked form, for lists shown on screens.',
  })
  async maskedContact(@Parent() m: MemberModel, @Context() ctx: GqlContext): Promise<string | null> {
    if (!(await this.visible(m, ctx))) return null;
    return [m.email && maskEmail(m.email), m.phone && maskPhone(m.phone)].filter(Boolean).join(', ') || null;
  }

  @ResolveField(() => Boolean, { nullable: true, description: 'notification preferences: the member only' })
  emailOptIn(@Parent() m: MemberModel & { emailOptIn: boolean }, @Context() ctx: GqlContext): boolean | null {
    return ctx.req.user?.memberId === m.id ? m.emailOptIn : null;
  }

  @ResolveField(() => Boolean, { nullable: true })
  smsOptIn(@Parent() m: MemberModel & { smsOptIn: boolean }, @Context() ctx: GqlContext): boolean | null {
    return ctx.req.user?.memberId === m.id ? m.smsOptIn : null;
  }

  @ResolveField(() => String, { nullable: true })
  timeZone(@Parent() m: MemberModel & { timeZone: string }, @Context() ctx: GqlContext): string | null {
    return ctx.req.user?.memberId === m.id ? m.timeZone : null;
  }

  @ResolveField(() => UnitModel, { nullable: true })
  unit(@Parent() m: MemberModel, @Context() ctx: GqlContext) {
    return m.unitId ? ctx.loaders.unit.load(m.unitId) : null;
  }

  @ResolveField(() => [ClubModel])
  async clubs(@Parent() m: MemberModel, @Context() ctx: GqlContext) {
    const ids = await ctx.loaders.memberClubIds.load(m.id);
    return (await ctx.loaders.club.loadMany(ids)).filter((c) => c && !(c instanceof Error));
  }

  /** The member themself, staff whose scope includes the member, admins: one query per request. */
  private visible(m: MemberModel, ctx: GqlContext): Promise<boolean> {
    const viewer = ctx.req.user;
    if (!viewer) return Promise.resolve(false);
    if (viewer.memberId === m.id) return Promise.resolve(true);
    return ctx.loaders.memberVisible.load(m.id);
  }
}
