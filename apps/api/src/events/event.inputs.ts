import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { EventKind, EventStatus } from '@yvc/events';
import './event.model';

@InputType()
export class VenueInput {
  @Field()
  name: string;

  @Field()
  address: string;

  @Field({ nullable: true, defaultValue: false })
  wheelchairAccessible?: boolean;

  @Field({ nullable: true, defaultValue: false })
  signLanguage?: boolean;
}

@InputType()
export class CreateEventInput {
  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => EventKind)
  kind: EventKind;

  @Field(() => ID)
  unitId: string;

  @Field(() => ID, { nullable: true })
  clubId?: string | null;

  @Field(() => VenueInput, { nullable: true })
  venue?: VenueInput | null;

  @Field(() => Date)
  startsAt: Date;

  @Field(() => Date)
  endsAt: Date;

  @Field(() => Int)
  capacity: number;

  @Field(() => [Int], { nullable: true, defaultValue: [1440, 120] })
  reminderOffsetsMinutes?: number[] | null;

  @Field(() => String, { nullable: true, description: 'IANA zone of the venue; Asia/Almaty when omitted' })
  timeZone?: string | null;
}

@InputType()
export class UpdateEventInput {
  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => VenueInput, { nullable: true })
  venue?: VenueInput | null;

  @Field(() => Date, { nullable: true })
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true })
  endsAt?: Date | null;

  @Field(() => Int, { nullable: true })
  capacity?: number | null;

  @Field(() => [Int], { nullable: true })
  reminderOffsetsMinutes?: number[] | null;
}

@InputType()
export class EventFilter {
  @Field(() => ID, { nullable: true, description: 'this unit and everything under it' })
  unitId?: string | null;

  @Field(() => ID, { nullable: true })
  clubId?: string | null;

  @Field(() => EventStatus, { nullable: true })
  status?: EventStatus | null;

  @Field(() => EventKind, { nullable: true })
  kind?: EventKind | null;

  @Field(() => Date, { nullable: true, description: 'events starting at or after' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'events starting before' })
  to?: Date | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'only the events you are staff of (your clubs and units; ADMIN: all)',
  })
  mine?: boolean | null;
}

@ArgsType()
export class EventsArgs {
  @Field(() => EventFilter, { nullable: true })
  filter?: EventFilter | null;

  @Field(() => Int, { nullable: true, defaultValue: 20 })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@InputType()
export class OfflineScanInput {
  @Field(() => ID, {
    description: "the scanner's own id for this scan (a UUID); sending it again is harmless",
  })
  scanId: string;

  @Field()
  code: string;

  @Field(() => Date)
  scannedAt: Date;
}

@InputType({ description: 'What an anonymous visitor may filter published events by.' })
export class PublicEventFilter {
  @Field(() => ID, { nullable: true, description: 'this unit and everything under it' })
  unitId?: string | null;

  @Field(() => EventKind, { nullable: true })
  kind?: EventKind | null;

  @Field(() => Date, { nullable: true, description: 'events starting at or after' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'events starting before' })
  to?: Date | null;
}

@ArgsType()
export class PublicEventsArgs {
  @Field(() => PublicEventFilter, { nullable: true })
  filter?: PublicEventFilter | null;

  @Field(() => Int, { nullable: true, defaultValue: 20 })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string | null;
}
