import { Args, Context, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CommonError, commonError, pageRequest } from '@yvc/core';
import { RegistrationStatus, RegistrationsService, isRegistrationCursor } from '@yvc/events';
import { Actor, Role } from '@yvc/identity';
import { Authenticated, CurrentActor, Roles } from '../common/decorators';
import { toConnection } from '../graphql/connection';
import type { GqlContext } from '../graphql/graphql-context';
import { MemberModel } from '../members/member.model';
import { EventModel } from './event.model';
import { EventStaffGuard } from './event-staff.guard';
import { RegistrationConnection, RegistrationModel } from './registration.model';

@Resolver(() => RegistrationModel)
export class RegistrationsResolver {
  constructor(
    private readonly registrations: RegistrationsService,
    private readonly staffOf: EventStaffGuard,
  ) {}

  @Roles(Role.MEMBER)
  @Mutation(() => RegistrationModel, {
    description:
      'A free seat: REGISTERED; a full event: WAITLISTED. Registering again returns the same registration.',
  })
  async registerForEvent(
    @CurrentActor() actor: Actor,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Context() ctx: GqlContext,
  ) {
    const { registration, waitlistPosition } = await this.registrations.register(eventId, actor.memberId);
    // the statement returned the position: the field resolver need not rank the waitlist
    if (waitlistPosition !== undefined) ctx.loaders.waitlistPosition.prime(registration.id, waitlistPosition);
    return registration;
  }

  @Authenticated()
  @Mutation(() => RegistrationModel, {
    description: 'By the member, or by staff of the event. The seat goes to the first on the waitlist.',
  })
  async cancelRegistration(
    @CurrentActor() actor: Actor,
    @Args('registrationId', { type: () => ID }) id: string,
  ) {
    const reg = await this.registrations.get(id);
    if (reg.memberId !== actor.memberId) await this.staffOf.assert(actor, reg.eventId);
    return this.registrations.cancel(id, actor.memberId);
  }

  @ResolveField(() => EventModel)
  event(@Parent() r: RegistrationModel, @Context() ctx: GqlContext) {
    return ctx.loaders.event.load(r.eventId);
  }

  /**
   * A walk-in did not choose to share their record with the event's staff: staff whose scope does
   * not include them (a forum's guests from other districts) get their name and number on the
   * attendance list and the walk-in answer, never the Member.
   */
  @ResolveField(() => MemberModel)
  async member(@Parent() r: RegistrationModel, @Context() ctx: GqlContext) {
    const viewer = ctx.req.user;
    if (
      r.recordedBy &&
      viewer?.memberId !== r.memberId &&
      !(viewer && (await ctx.loaders.memberVisible.load(r.memberId)))
    )
      throw commonError(CommonError.FORBIDDEN);
    return ctx.loaders.member.load(r.memberId);
  }

  @ResolveField(() => Int, { nullable: true, description: '1-based while WAITLISTED, else null' })
  waitlistPosition(@Parent() r: RegistrationModel, @Context() ctx: GqlContext) {
    return r.status === RegistrationStatus.WAITLISTED ? ctx.loaders.waitlistPosition.load(r.id) : null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: "what the member's QR code holds; visible to that member and to staff of the event",
  })
  async checkInCode(@Parent() r: RegistrationModel, @Context() ctx: GqlContext): Promise<string | null> {
    const viewer = ctx.req.user;
    if (!viewer) return null;
    if (viewer.memberId === r.memberId) return r.checkInCode;
    const event = await ctx.loaders.event.load(r.eventId);
    return event && (await this.staffOf.isStaff(viewer, event)) ? r.checkInCode : null;
  }
}

/** Member.registrations: the member's own, or staff looking at a member in scope. */
@Resolver(() => MemberModel)
export class MemberRegistrationsResolver {
  constructor(private readonly registrations: RegistrationsService) {}

  @ResolveField(() => RegistrationConnection, { name: 'registrations' })
  async memberRegistrations(
    @Parent() m: MemberModel,
    @Context() ctx: GqlContext,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ) {
    const viewer = ctx.req.user;
    if (!viewer || (viewer.memberId !== m.id && !(await ctx.loaders.memberVisible.load(m.id)))) {
      throw commonError(CommonError.FORBIDDEN);
    }
    const page = pageRequest(first, after, isRegistrationCursor);
    return toConnection(await this.registrations.listForMember(m.id, page.first, page.after));
  }
}
