import { Field, ID, InputType } from '@nestjs/graphql';
import { MemberLocale } from '@yvc/identity';
import { DateScalar } from '../graphql/scalars';
import '../graphql/enums';

@InputType()
export class GuardianInput {
  @Field({ description: "The parent's or legal guardian's full name" })
  fullName: string;

  @Field({ description: "The guardian's mobile phone" })
  phone: string;

  @Field({ description: 'The guardian consents to the processing of the minor’s personal data' })
  consentGiven: boolean;
}

@InputType()
export class SignUpInput {
  @Field()
  fullName: string;

  @Field()
  email: string;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field()
  password: string;

  @Field(() => DateScalar)
  birthDate: string;

  @Field(() => String, {
    nullable: true,
    description: 'optional; when given it must pass the IIN checksum and agree with birthDate',
  })
  iin?: string | null;

  @Field(() => MemberLocale, { nullable: true, defaultValue: MemberLocale.KK })
  locale?: MemberLocale | null;

  @Field(() => ID)
  unitId: string;

  @Field(() => ID, { nullable: true })
  clubId?: string | null;

  @Field()
  consentToDataProcessing: boolean;

  @Field(() => GuardianInput, { nullable: true, description: 'required when the member is under 18' })
  guardian?: GuardianInput | null;
}
