import { Field, ID, InputType } from '@nestjs/graphql';
import { MemberLocale } from '@yvc/identity';
import '../graphql/enums';

@InputType()
export class UpdateMeInput {
  @Field(() => String, { nullable: true })
  fullName?: string | null;

  @Field(() => String, { nullable: true, description: 'an empty string removes the phone' })
  phone?: string | null;

  @Field(() => MemberLocale, { nullable: true })
  locale?: MemberLocale | null;

  @Field(() => Boolean, { nullable: true, description: 'emails from the platform (on by default)' })
  emailOptIn?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'SMS (off until the member turns them on)' })
  smsOptIn?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'IANA time zone for quiet hours and local times, e.g. Asia/Almaty',
  })
  timeZone?: string | null;

  @Field(() => ID, { nullable: true, description: 'the home unit' })
  unitId?: string | null;
}
