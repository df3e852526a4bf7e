import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('StaffAssignment', {
  description: 'A coordinator or commission account responsible for a club or a unit.',
})
export class StaffAssignmentModel {
  @Field(() => ID)
  id: string;

  memberId: string;
  clubId: string | null;
  unitId: string | null;
}
