import { Field, ID, ObjectType } from '@nestjs/graphql';
import { MemberModel } from '../members/member.model';

@ObjectType('BadgeClass')
export class BadgeClassModel {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'e.g. "first-forum"' })
  code: string;

  @Field(() => String, { description: "in the caller's locale" })
  name: string;

  @Field(() => String)
  description: string;

  @Field(() => String)
  criteria: string;

  @Field(() => String, { nullable: true })
  imageUrl: string | null;

  @Field(() => Boolean, { description: 'awarded by staff (awardBadge), not by a rule' })
  manual: boolean;
}

@ObjectType('BadgeAward')
export class BadgeAwardModel {
  @Field(() => ID)
  id: string;

  @Field(() => BadgeClassModel)
  badge: BadgeClassModel;

  @Field(() => MemberModel)
  member: MemberModel;

  @Field(() => Date)
  awardedAt: Date;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'why it was revoked' })
  revokedReason: string | null;

  @Field(() => String, { description: 'public page of the award' })
  verifyUrl: string;

  @Field(() => String, { description: 'the award as a signed Open Badges 3.0 credential (compact VC-JWT)' })
  credential: string;
}
