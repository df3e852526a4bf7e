import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { pageRequest } from '@yvc/core';
import { EventsService, isEventCursor } from '@yvc/events';
import { AccessPolicy, Actor, Role } from '@yvc/identity';
import { ClubsService } from '@yvc/org';
import { Authenticated, CurrentActor, Staff } from '../common/decorators';
import { toConnection } from '../graphql/connection';
import type { GqlContext } from '../graphql/graphql-context';
import { ClubModel } from '../org/club.model';
import { UnitModel } from '../org/unit.model';
import { CreateEventInput, EventsArgs, UpdateEventInput } from './event.inputs';
import { EventConnection, EventModel, VenueModel } from './event.model';
import { EventStaffGuard } from './event-staff.guard';
import { RegistrationModel } from './registration.model';
import { localStart } from './local-start';

@Resolver(() => EventModel)
export class EventsResolver {
  constructor(
    private readonly events: EventsService,
    private readonly policy: AccessPolicy,
    private readonly staffOf: EventStaffGuard,
    private readonly clubs: ClubsService,
  ) {}

  @Authenticated()
  @Query(() => EventConnection, {
    name: 'events',
    description: 'Published events for everyone logged in; drafts for their staff.',
  })
  async listEvents(@CurrentActor() actor: Actor, @Args() args: EventsArgs): Promise<EventConnection> {
    const page = pageRequest(args.first, args.after, isEventCursor);
    const scope = await this.policy.scope(actor);
    const { mine, ...filter } = args.filter ?? {};
    return toConnection(
      await this.events.list({ ...filter, within: mine ? scope : null }, scope, page.first, page.after),
    );
  }

  @Authenticated()
  @Query(() => EventModel, { nullable: true })
  async event(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<EventModel> {
    return this.staffOf.visible(actor, await this.events.get(id));
  }

  @Staff()
  @Mutation(() => EventModel, {
    description: 'A COORDINATOR for their clubs and units, COMMISSION for its subtree, ADMIN.',
  })
  async createEvent(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateEventInput,
  ): Promise<EventModel> {
    // the unit itself must be in scope; a club coordinator may use their club's own unit
    const club = input.clubId ? await this.clubs.findById(input.clubId) : null;
    const viaClub =
      !!club && club.unitId === input.unitId && (await this.policy.canStaff(actor, input.unitId, club.id));
    await this.policy.assert(viaClub || this.policy.canStaff(actor, input.unitId, null));
    return this.events.create({ ...input, timeZone: input.timeZone ?? undefined }, actor.memberId);
  }

  @Staff()
  @Mutation(() => EventModel)
  async updateEvent(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateEventInput,
  ): Promise<EventModel> {
    await this.staffOf.assert(actor, id);
    return this.events.update(id, input);
  }

  @Staff()
  @Mutation(() => EventModel)
  async publishEvent(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<EventModel> {
    await this.staffOf.assert(actor, id);
    return this.events.publish(id);
  }

  @Staff()
  @Mutation(() => EventModel, { description: 'Cancels every active registration too; each holder is told.' })
  async cancelEvent(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
  ): Promise<EventModel> {
    await this.staffOf.assert(actor, id);
    return this.events.cancel(id, reason, actor.memberId);
  }

  @ResolveField(() => UnitModel)
  unit(@Parent() e: EventModel, @Context() ctx: GqlContext) {
    return ctx.loaders.unit.load(e.unitId);
  }

  @ResolveField(() => ClubModel, { nullable: true })
  club(@Parent() e: EventModel, @Context() ctx: GqlContext) {
    return e.clubId ? ctx.loaders.club.load(e.clubId) : null;
  }

  @ResolveField(() => VenueModel, { nullable: true })
  venue(@Parent() e: EventModel): VenueModel | null {
    if (!e.venueName || !e.venueAddress) return null;
    return {
      name: e.venueName,
      address: e.venueAddress,
      wheelchairAccessible: e.venueWheelchairAccessible,
      signLanguage: e.venueSignLanguage,
    };
  }

  @ResolveField(() => Int, { description: 'status REGISTERED or ATTENDED' })
  async registeredCount(@Parent() e: EventModel, @Context() ctx: GqlContext) {
    return (await ctx.loaders.eventCounts.load(e.id)).registered;
  }

  @ResolveField(() => Int)
  async waitlistCount(@Parent() e: EventModel, @Context() ctx: GqlContext) {
    return (await ctx.loaders.eventCounts.load(e.id)).waitlisted;
  }

  @ResolveField(() => Int)
  async attendedCount(@Parent() e: EventModel, @Context() ctx: GqlContext) {
    return (await ctx.loaders.eventCounts.load(e.id)).attended;
  }

  @ResolveField(() => RegistrationModel, { nullable: true, description: "the caller's active registration" })
  myRegistration(@Parent() e: EventModel, @Context() ctx: GqlContext) {
    const viewer = ctx.req.user;
    return viewer && viewer.role === Role.MEMBER
      ? ctx.loaders.activeRegistration.load(`${viewer.memberId}|${e.id}`)
      : null;
  }

  @ResolveField(() => String, {
    description:
      'The start the local way in the caller\'s language ("5 ақпан, 10:00"), in `timeZone` (default: the event\'s).',
  })
  startsAtLocal(
    @Parent() e: EventModel,
    @Context() ctx: GqlContext,
    @Args('timeZone', { type: () => String, nullable: true }) timeZone?: string | null,
  ): string {
    return localStart(e, ctx.locale, timeZone);
  }

  @ResolveField(() => String, { description: 'where the event calendar file is (iCalendar)' })
  icsUrl(@Parent() e: EventModel): string {
    return `/events/${e.id}.ics`;
  }
}
