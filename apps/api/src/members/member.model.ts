import { Field, ID, ObjectType } from '@nestjs/graphql';
import { MemberLocale, MemberStatus, Role } from '@yvc/identity';
import '../graphql/enums';

/** A young member or a staff account. Contact fields are visible to the member and staff in scope. */
@ObjectType('Member')
export class MemberModel {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true, description: 'E.164, e.g. +77011234567' })
  phone: string | null;

  birthDate: string | null;

  @Field(() => MemberLocale)
  locale: MemberLocale;

  @Field(() => Role)
  role: Role;

  @Field(() => String, { nullable: true })
  membershipNumber: string | null;

  @Field(() => Date)
  joinedAt: Date;

  @Field(() => MemberStatus)
  status: MemberStatus;

  fullName: string;
  unitId: string | null;
}
