import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CheckInMethod, RegistrationStatus } from '@yvc/events';
import { PageInfo } from '../graphql/page-info.model';
import './event.model';

registerEnumType(CheckInMethod, { name: 'CheckInMethod' });

/**
 * What a walk-in look-up answers: enough for the person at the door to confirm who is standing
 * there (name and membership number), and no object to follow to the member's other data.
 */
@ObjectType()
export class WalkInResult {
  @Field(() => ID)
  registrationId: string;

  @Field(() => RegistrationStatus)
  status: RegistrationStatus;

  @Field()
  fullName: string;

  @Field(() => String, { nullable: true })
  membershipNumber: string | null;

  @Field(() => Date)
  checkedInAt: Date;

  @Field({ description: 'the member was checked in already; nothing changed' })
  alreadyCheckedIn: boolean;

  @Field({ description: 'no seat was free: recorded over capacity' })
  overCapacity: boolean;
}

/** One line of an event's attendance list (staff of the event): who, and how they were checked in. */
@ObjectType()
export class AttendanceEntry {
  @Field(() => ID)
  registrationId: string;

  @Field(() => RegistrationStatus)
  status: RegistrationStatus;

  @Field()
  fullName: string;

  @Field(() => String, { nullable: true })
  membershipNumber: string | null;

  @Field(() => Date, { nullable: true })
  checkedInAt: Date | null;

  @Field(() => CheckInMethod, { nullable: true })
  checkInMethod: CheckInMethod | null;

  @Field({ description: 'registered at the door by staff (a walk-in)' })
  walkIn: boolean;

  @Field({ description: 'checked in over capacity' })
  overCapacity: boolean;

  @Field(() => String, { nullable: true, description: 'the name of the staff member who checked them in' })
  checkedInBy: string | null;

  @Field(() => Int, { nullable: true, description: '1-based while WAITLISTED, else null' })
  waitlistPosition: number | null;

  /** resolved by AttendanceEntryResolver (scope-checked) */
  memberId: string;
}

@ObjectType()
export class AttendanceEdge {
  @Field(() => AttendanceEntry)
  node: AttendanceEntry;

  @Field()
  cursor: string;
}

@ObjectType()
export class AttendanceConnection {
  @Field(() => [AttendanceEdge])
  edges: AttendanceEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}
