import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { EventKind } from '@yvc/events';
import { PageInfo } from '../graphql/page-info.model';

/**
 * A published event as anyone may see it, logged in or not: what it is, when, where, how
 * accessible, how many seats are left. Nothing about who registered (no registrations, no
 * attendance, no staff-only fields such as reminders or the cancel reason).
 */
@ObjectType('PublicEvent')
export class PublicEventModel {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => EventKind)
  kind: EventKind;

  @Field(() => Date)
  startsAt: Date;

  @Field(() => Date)
  endsAt: Date;

  @Field({ description: 'the IANA time zone of the venue, e.g. Asia/Almaty' })
  timeZone: string;

  @Field(() => Int)
  capacity: number;

  unitId: string;
  clubId: string | null;
  venueName: string | null;
  venueAddress: string | null;
  venueWheelchairAccessible: boolean;
  venueSignLanguage: boolean;
}

@ObjectType()
export class PublicEventEdge {
  @Field(() => PublicEventModel)
  node: PublicEventModel;

  @Field()
  cursor: string;
}

@ObjectType()
export class PublicEventConnection {
  @Field(() => [PublicEventEdge])
  edges: PublicEventEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}
