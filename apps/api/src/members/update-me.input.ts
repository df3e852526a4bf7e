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

  @Field(() => ID, { nullable: true, description: 'the home unit' })
  unitId?: string | null;
}
