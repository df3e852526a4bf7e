import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { InstitutionKind } from '@yvc/org';
import '../graphql/enums';

@InputType()
export class CreateClubInput {
  @Field(() => ID)
  unitId: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true, description: 'the host university, college or school' })
  institution?: string | null;

  @Field(() => InstitutionKind, { nullable: true })
  institutionKind?: InstitutionKind | null;
}

@InputType({ description: 'Give exactly one of clubId and unitId.' })
export class StaffAssignmentInput {
  @Field(() => ID)
  memberId: string;

  @Field(() => ID, { nullable: true })
  clubId?: string | null;

  @Field(() => ID, { nullable: true })
  unitId?: string | null;
}

@ArgsType()
export class ClubMembersArgs {
  @Field(() => ID)
  clubId: string;

  @Field(() => String, {
    nullable: true,
    description:
      'part of a name or of a membership number, any case; or an e-mail address or a mobile number, exactly',
  })
  search?: string | null;

  @Field(() => Int, { defaultValue: 20 })
  first: number;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@ArgsType()
export class ManagedClubsArgs {
  @Field(() => ID, { nullable: true, description: 'this unit only (default: every unit you manage)' })
  unitId?: string | null;

  @Field(() => Boolean, { defaultValue: false })
  includeArchived: boolean;
}
