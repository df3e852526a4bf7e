import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { RegistrationStatus } from '@yvc/events';
import { PageInfo } from '../graphql/page-info.model';
import './event.model';

@ObjectType('Registration')
export class RegistrationModel {
  @Field(() => ID)
  id: string;

  @Field(() => RegistrationStatus)
  status: RegistrationStatus;

  @Field(() => Date, { nullable: true })
  checkedInAt: Date | null;

  @Field(() => Date)
  createdAt: Date;

  @Field({ description: 'checked in on the spot without a prior registration, over capacity' })
  walkIn: boolean;

  eventId: string;
  memberId: string;
  checkInCode: string;
  /** staff who registered the member at the door (a walk-in), else null */
  recordedBy: string | null;
}

@ObjectType()
export class RegistrationEdge {
  @Field(() => RegistrationModel)
  node: RegistrationModel;

  @Field()
  cursor: string;
}

@ObjectType()
export class RegistrationConnection {
  @Field(() => [RegistrationEdge])
  edges: RegistrationEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}

@ObjectType()
export class CheckInResult {
  @Field(() => RegistrationModel)
  registration: RegistrationModel;

  @Field({ description: 'a second scan of the same code is not an error and changes nothing' })
  alreadyCheckedIn: boolean;
}

@ObjectType({ description: 'What happened to one scan of an offline batch.' })
export class SyncedScanResult {
  @Field(() => ID)
  scanId: string;

  @Field({
    description: 'OK, ALREADY_CHECKED_IN, or the reason the scan was refused (e.g. CHECK_IN_CANCELLED)',
  })
  outcome: string;

  @Field(() => RegistrationModel, { nullable: true })
  registration: RegistrationModel | null;

  @Field(() => String, { nullable: true, description: "the refusal in the caller's language" })
  message: string | null;
}
