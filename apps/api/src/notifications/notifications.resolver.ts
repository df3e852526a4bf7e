import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { FieldProblems, pageRequest, translate } from '@yvc/core';
import { AccountTokensService, Actor, MembersService } from '@yvc/identity';
import { DeliveryService, NotificationsService, isNotificationCursor, renderInApp } from '@yvc/notifications';
import { Authenticated, CurrentActor, Public, Report, Staff } from '../common/decorators';
import { toConnection } from '../graphql/connection';
import type { GqlContext } from '../graphql/graphql-context';
import { EventModel } from '../events/event.model';
import { EventStaffGuard } from '../events/event-staff.guard';
import { DeliveryLogModel, NotificationConnection, NotificationModel } from './notification.model';

@Resolver(() => NotificationModel)
export class NotificationsResolver {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly deliveries: DeliveryService,
    private readonly members: MembersService,
    private readonly tokens: AccountTokensService,
    private readonly staffOf: EventStaffGuard,
  ) {}

  @Authenticated()
  @Query(() => NotificationConnection, {
    name: 'notifications',
    description: "The caller's in-app notifications, newest first.",
  })
  async listNotifications(
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ) {
    const page = pageRequest(first, after, isNotificationCursor);
    const result = await this.notifications.list(actor.memberId, page.first, page.after);
    return { ...toConnection(result), unreadCount: result.unread };
  }

  @Authenticated()
  @Mutation(() => Int, {
    description: 'Marks these notifications (or all, when ids is omitted) read; returns how many changed.',
  })
  markNotificationsRead(
    @CurrentActor() actor: Actor,
    @Args('ids', { type: () => [ID], nullable: true }) ids?: string[] | null,
  ): Promise<number> {
    return this.notifications.markRead(actor.memberId, ids ?? null);
  }

  @Staff()
  // two aggregates over the event's deliveries and up to 200 failures
  @Report(200)
  @Query(() => DeliveryLogModel, {
    description: "An event's deliveries: counts by channel and status, and the failures with reasons.",
  })
  async eventDeliveryLog(
    @CurrentActor() actor: Actor,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Context() ctx: GqlContext,
  ) {
    await this.staffOf.assert(actor, eventId);
    const log = await this.notifications.deliveryLog(eventId);
    const anonymised = translate(ctx.locale, 'labels.anonymisedMember');
    return { ...log, failures: log.failures.map((f) => ({ ...f, fullName: f.fullName ?? anonymised })) };
  }

  @Staff()
  @Mutation(() => Int, { description: "Sends an event's FAILED deliveries again; returns how many." })
  async retryFailedDeliveries(
    @CurrentActor() actor: Actor,
    @Args('eventId', { type: () => ID }) eventId: string,
  ) {
    await this.staffOf.assert(actor, eventId);
    return this.notifications.retryFailed(eventId);
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      'Emails a reset link if the address has an account; answers true either way. Limited per address and per IP (RATE_LIMITED).',
  })
  async requestPasswordReset(@Args('email') email: string, @Context() ctx: GqlContext): Promise<boolean> {
    await this.tokens.requestPasswordReset(email, ctx.req.ip ?? 'unknown');
    return true;
  }

  @Public()
  @Mutation(() => Boolean, {
    description: 'Sets a new password with the emailed token (single use, one hour). Limited per IP.',
  })
  resetPassword(
    @Args('token') token: string,
    @Args('newPassword') newPassword: string,
    @Context() ctx: GqlContext,
  ): Promise<boolean> {
    return this.tokens.resetPassword(token, newPassword, ctx.req.ip ?? 'unknown');
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      'Confirms the email address with the emailed token (single use, a week); a used or expired one is BAD_USER_INPUT on "token".',
  })
  async verifyEmail(@Args('token') token: string): Promise<boolean> {
    if (!(await this.tokens.verifyEmail(token)))
      new FieldProblems().add('token', 'validation.linkExpired').throwIfAny();
    return true;
  }

  @ResolveField(() => String)
  async title(@Parent() n: NotificationModel, @Context() ctx: GqlContext) {
    return (await this.render(n, ctx)).title;
  }

  @ResolveField(() => String)
  async body(@Parent() n: NotificationModel, @Context() ctx: GqlContext) {
    return (await this.render(n, ctx)).body;
  }

  @ResolveField(() => EventModel, { nullable: true })
  event(@Parent() n: NotificationModel, @Context() ctx: GqlContext) {
    return n.eventId ? ctx.loaders.event.load(n.eventId) : null;
  }

  private readonly rendered = new WeakMap<
    GqlContext,
    Map<string, Promise<{ title: string; body: string }>>
  >();

  /** title and body share one rendering per notification and request */
  private render(n: NotificationModel, ctx: GqlContext) {
    let cache = this.rendered.get(ctx);
    if (!cache) this.rendered.set(ctx, (cache = new Map()));
    let done = cache.get(n.id);
    if (!done) cache.set(n.id, (done = this.renderNow(n, ctx)));
    return done;
  }

  private async renderNow(n: NotificationModel, ctx: GqlContext) {
    const member = await this.members.get(n.memberId);
    const context = await this.deliveries.context(
      { ...n, kind: n.kind },
      { ...member, locale: ctx.locale.toUpperCase() as never },
    );
    return renderInApp(n.kind, context);
  }
}
