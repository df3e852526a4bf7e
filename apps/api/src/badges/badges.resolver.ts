import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CommonError, Locale, commonError } from '@yvc/core';
import { BadgeAward, BadgeClass, BadgesService, badgeTexts } from '@yvc/credentials';
import { AccessPolicy, Actor } from '@yvc/identity';
import { CurrentActor, Public, Staff } from '../common/decorators';
import type { GqlContext } from '../graphql/graphql-context';
import { MemberModel } from '../members/member.model';
import { BadgeAwardModel, BadgeClassModel } from './badge.model';

export function toBadgeClass(c: BadgeClass, locale: Locale, badges: BadgesService): BadgeClassModel {
  return {
    id: c.id,
    code: c.code,
    manual: c.manual,
    imageUrl: badges.imageUrl(c.code),
    ...badgeTexts(c, locale),
  };
}

type AwardParent = BadgeAward & { locale?: Locale };

@Resolver(() => BadgeAwardModel)
export class BadgesResolver {
  constructor(
    private readonly badges: BadgesService,
    private readonly policy: AccessPolicy,
  ) {}

  @Public()
  @Query(() => [BadgeClassModel], { description: 'The badge catalogue, in your language.' })
  async badgeClasses(@Context() ctx: GqlContext): Promise<BadgeClassModel[]> {
    return (await this.badges.listClasses()).map((c) => toBadgeClass(c, ctx.locale, this.badges));
  }

  @Staff()
  @Mutation(() => BadgeAwardModel, {
    description:
      "A manual badge, by the member's coordinator, the commission over them, or an admin. Idempotent.",
  })
  async awardBadge(
    @CurrentActor() actor: Actor,
    @Args('memberId', { type: () => ID }) memberId: string,
    @Args('badgeCode', { type: () => String }) badgeCode: string,
  ) {
    await this.policy.assert(this.policy.canActForMember(actor, memberId));
    return this.badges.award(memberId, badgeCode, actor.memberId);
  }

  @Staff()
  @Mutation(() => BadgeAwardModel, { description: 'Revokes a badge award: its status list bit is set.' })
  async revokeBadgeAward(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String }) reason: string,
  ) {
    const award = await this.badges.getAward(id);
    await this.policy.assert(this.policy.canActForMember(actor, award.memberId));
    return this.badges.revoke(award.id, reason);
  }

  @ResolveField(() => BadgeClassModel)
  badge(@Parent() a: AwardParent, @Context() ctx: GqlContext): BadgeClassModel {
    return toBadgeClass(a.badgeClass!, ctx.locale, this.badges);
  }

  @ResolveField(() => MemberModel)
  async member(@Parent() a: AwardParent, @Context() ctx: GqlContext) {
    const m = await ctx.loaders.member.load(a.memberId);
    if (!m) throw commonError(CommonError.NOT_FOUND);
    return m;
  }

  @ResolveField(() => String)
  verifyUrl(@Parent() a: AwardParent): string {
    return this.badges.verifyUrl(a.id);
  }

  @ResolveField(() => String)
  credential(@Parent() a: AwardParent): string {
    return a.credential ?? '';
  }
}

@Resolver(() => MemberModel)
export class MemberBadgesResolver {
  constructor(private readonly service: BadgesService) {}

  @ResolveField(() => [BadgeAwardModel], {
    name: 'badges',
    description: 'the member and staff in scope; revoked ones too',
  })
  async badges(@Parent() m: MemberModel, @Context() ctx: GqlContext): Promise<BadgeAward[]> {
    const viewer = ctx.req.user;
    if (!viewer || (viewer.memberId !== m.id && !(await ctx.loaders.memberVisible.load(m.id)))) {
      throw commonError(CommonError.FORBIDDEN);
    }
    return ctx.loaders.memberBadges.load(m.id);
  }
}
