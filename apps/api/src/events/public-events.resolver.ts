import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { pageRequest } from '@yvc/core';
import { EventStatus, EventsService, isEventCursor } from '@yvc/events';
import { Public } from '../common/decorators';
import { toConnection } from '../graphql/connection';
import type { GqlContext } from '../graphql/graphql-context';
import { UnitModel } from '../org/unit.model';
import { PublicEventsArgs } from './event.inputs';
import { VenueModel } from './event.model';
import { PublicEventConnection, PublicEventModel } from './public-event.model';
import { localStart } from './local-start';

/** No drafts for anyone here, whoever asks. */
const NO_DRAFTS = { unitIds: [], clubIds: [] };

/**
 * The web app's events pages without an account: PUBLISHED events only (not drafts, not
 * cancelled or completed ones), and no registrant data (the PublicEvent type has none).
 */
@Resolver(() => PublicEventModel)
export class PublicEventsResolver {
  constructor(private readonly events: EventsService) {}

  @Public()
  @Query(() => PublicEventConnection, {
    description: 'Published events, for anyone (no login): by start time, with seats left.',
  })
  async publicEvents(@Args() args: PublicEventsArgs): Promise<PublicEventConnection> {
    const page = pageRequest(args.first, args.after, isEventCursor);
    const f = args.filter ?? {};
    const filter = { unitId: f.unitId, kind: f.kind, from: f.from, to: f.to, status: EventStatus.PUBLISHED };
    return toConnection(await this.events.list(filter, NO_DRAFTS, page.first, page.after));
  }

  @Public()
  @Query(() => PublicEventModel, {
    nullable: true,
    description: 'A published event (else null), for anyone.',
  })
  async publicEvent(@Args('id', { type: () => ID }) id: string): Promise<PublicEventModel | null> {
    const event = await this.events.get(id).catch(() => null);
    return event?.status === EventStatus.PUBLISHED ? event : null;
  }

  @ResolveField(() => UnitModel)
  unit(@Parent() e: PublicEventModel, @Context() ctx: GqlContext) {
    return ctx.loaders.unit.load(e.unitId);
  }

  @ResolveField(() => String, { nullable: true, description: "the hosting club's name" })
  async clubName(@Parent() e: PublicEventModel, @Context() ctx: GqlContext): Promise<string | null> {
    return e.clubId ? ((await ctx.loaders.club.load(e.clubId))?.name ?? null) : null;
  }

  @ResolveField(() => VenueModel, { nullable: true })
  venue(@Parent() e: PublicEventModel): VenueModel | null {
    if (!e.venueName || !e.venueAddress) return null;
    return {
      name: e.venueName,
      address: e.venueAddress,
      wheelchairAccessible: e.venueWheelchairAccessible,
      signLanguage: e.venueSignLanguage,
    };
  }

  @ResolveField(() => Int, { description: 'capacity minus the seats taken (never below 0)' })
  async seatsLeft(@Parent() e: PublicEventModel, @Context() ctx: GqlContext): Promise<number> {
    return Math.max(0, e.capacity - (await ctx.loaders.eventCounts.load(e.id)).registered);
  }

  @ResolveField(() => String, {
    description: "The start the local way in the caller's language, in `timeZone` (default: the event's).",
  })
  startsAtLocal(
    @Parent() e: PublicEventModel,
    @Context() ctx: GqlContext,
    @Args('timeZone', { type: () => String, nullable: true }) timeZone?: string | null,
  ): string {
    return localStart(e, ctx.locale, timeZone);
  }

  @ResolveField(() => String, { description: 'where the event calendar file is (iCalendar)' })
  icsUrl(@Parent() e: PublicEventModel): string {
    return `/events/${e.id}.ics`;
  }
}
