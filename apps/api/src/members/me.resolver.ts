import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, ClubMembershipsService, MembersService, PrivacyService } from '@yvc/identity';
import { BadgesService, CertificatesService } from '@yvc/credentials';
import { RegistrationsService } from '@yvc/events';
import { NotificationsService } from '@yvc/notifications';
import { clearRefreshCookie, isWebClient } from '../auth/refresh-cookie';
import { Authenticated, CurrentActor, Report } from '../common/decorators';
import type { GqlContext } from '../graphql/graphql-context';
import { JsonScalar } from '../graphql/scalars';
import { MemberModel } from './member.model';
import { UpdateMeInput } from './update-me.input';

/** What a logged-in person does with their own account. */
@Resolver()
export class MeResolver {
  constructor(
    private readonly members: MembersService,
    private readonly memberships: ClubMembershipsService,
    private readonly privacy: PrivacyService,
    private readonly registrations: RegistrationsService,
    private readonly certificates: CertificatesService,
    private readonly badges: BadgesService,
    private readonly notifications: NotificationsService,
  ) {}

  @Authenticated()
  @Query(() => MemberModel, { nullable: true })
  me(@CurrentActor() actor: Actor): Promise<MemberModel> {
    return this.members.get(actor.memberId);
  }

  @Authenticated()
  @Mutation(() => MemberModel)
  updateMe(@CurrentActor() actor: Actor, @Args('input') input: UpdateMeInput): Promise<MemberModel> {
    return this.members.updateProfile(actor.memberId, input);
  }

  @Authenticated()
  @Mutation(() => Boolean, { description: 'Also ends every other session of the account.' })
  async changePassword(
    @CurrentActor() actor: Actor,
    @Args('currentPassword') currentPassword: string,
    @Args('newPassword') newPassword: string,
  ): Promise<boolean> {
    await this.members.changePassword(actor.memberId, actor.sessionId, currentPassword, newPassword);
    return true;
  }

  @Authenticated()
  @Mutation(() => MemberModel)
  async joinClub(
    @CurrentActor() actor: Actor,
    @Args('clubId', { type: () => ID }) clubId: string,
  ): Promise<MemberModel> {
    await this.memberships.join(actor.memberId, clubId);
    return this.members.get(actor.memberId);
  }

  @Authenticated()
  @Mutation(() => MemberModel)
  async leaveClub(
    @CurrentActor() actor: Actor,
    @Args('clubId', { type: () => ID }) clubId: string,
  ): Promise<MemberModel> {
    await this.memberships.leave(actor.memberId, clubId);
    return this.members.get(actor.memberId);
  }

  @Authenticated()
  // eleven queries over the member's own rows
  @Report(50)
  @Query(() => JsonScalar, { description: 'Everything the platform holds about the caller, as JSON.' })
  async exportMyData(@CurrentActor() actor: Actor): Promise<Record<string, unknown>> {
    const [data, registrations, certificates, badges, notifications] = await Promise.all([
      this.privacy.exportData(actor.memberId),
      this.registrations.exportForMember(actor.memberId),
      this.certificates.exportForMember(actor.memberId),
      this.badges.exportForMember(actor.memberId),
      this.notifications.exportForMember(actor.memberId),
    ]);
    return { ...data, registrations, certificates, badges, notifications };
  }

  @Authenticated()
  @Mutation(() => Boolean, {
    description: 'Withdraws consent: the account is anonymised and can no longer log in.',
  })
  async withdrawConsent(@CurrentActor() actor: Actor, @Context() ctx: GqlContext): Promise<boolean> {
    // one transaction; seats, notifications and credentials follow from its outbox row
    await this.privacy.withdrawConsent(actor.memberId);
    // every session has ended: the web app's refresh cookie goes too (its logout call no longer can)
    if (isWebClient(ctx.req)) clearRefreshCookie(ctx.req, ctx.res);
    return true;
  }
}
