import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { EventKind, EventStatus, RegistrationStatus } from '@yvc/events';
import { PageInfo } from '../graphql/page-info.model';

registerEnumType(EventKind, { name: 'EventKind' });
registerEnumType(EventStatus, { name: 'EventStatus' });
registerEnumType(RegistrationStatus, { name: 'RegistrationStatus' });

@ObjectType('Venue')
export class VenueModel {
  @Field()
  name: string;

  @Field()
  address: string;

  @Field()
  wheelchairAccessible: boolean;

  @Field()
  signLanguage: boolean;
}

@ObjectType('Event')
export class EventModel {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => EventKind)
  kind: EventKind;

  @Field(() => EventStatus)
  status: EventStatus;

  @Field(() => Date)
  startsAt: Date;

  @Field(() => Date)
  endsAt: Date;

  @Field({ description: 'the IANA time zone of the venue, e.g. Asia/Almaty' })
  timeZone: string;

  @Field(() => Int)
  capacity: number;

  @Field(() => [Int])
  reminderOffsetsMinutes: number[];

  @Field(() => String, { nullable: true, description: 'why the event was cancelled' })
  cancelReason: string | null;

  @Field(() => Int, { description: 'walk-ins checked in over capacity' })
  walkIns: number;

  unitId: string;
  clubId: string | null;
  venueName: string | null;
  venueAddress: string | null;
  venueWheelchairAccessible: boolean;
  venueSignLanguage: boolean;
}

@ObjectType()
export class EventEdge {
  @Field(() => EventModel)
  node: EventModel;

  @Field()
  cursor: string;
}

@ObjectType()
export class EventConnection {
  @Field(() => [EventEdge])
  edges: EventEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}
