import { Field, ID, ObjectType } from '@nestjs/graphql';
import { InstitutionKind } from '@yvc/org';
import '../graphql/enums';

@ObjectType('Club')
export class ClubModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  institution: string | null;

  @Field(() => InstitutionKind, { nullable: true })
  institutionKind: InstitutionKind | null;

  @Field(() => Date, { nullable: true, description: 'set when the club was archived' })
  archivedAt: Date | null;

  unitId: string;
}
