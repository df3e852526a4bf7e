import { Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CalendarService } from '@yvc/events';
import { Actor } from '@yvc/identity';
import { Authenticated, CurrentActor } from '../common/decorators';
import type { GqlContext } from '../graphql/graphql-context';
import { MemberModel } from '../members/member.model';

/** Member.calendarFeedUrl and its rotation: the member's own personal calendar feed. */
@Resolver(() => MemberModel)
export class CalendarFeedResolver {
  constructor(private readonly calendar: CalendarService) {}

  @ResolveField(() => String, {
    nullable: true,
    description:
      'A private iCalendar feed of your active registrations, to subscribe to in a calendar app. ' +
      'Only you see it (null for anyone else); whoever has the URL can read the feed.',
  })
  async calendarFeedUrl(@Parent() m: MemberModel, @Context() ctx: GqlContext): Promise<string | null> {
    if (!ctx.req.user || ctx.req.user.memberId !== m.id) return null;
    return this.calendar.feedUrl(await this.calendar.feedToken(m.id));
  }

  @Authenticated()
  @Mutation(() => String, {
    description: 'A new URL for your calendar feed; the old one stops working at once.',
  })
  async rotateCalendarFeed(@CurrentActor() actor: Actor): Promise<string> {
    return this.calendar.feedUrl(await this.calendar.rotateFeedToken(actor.memberId));
  }
}
