import { Field, ObjectType } from '@nestjs/graphql';
import { MemberModel } from '../members/member.model';

@ObjectType()
export class AuthPayload {
  @Field()
  accessToken: string;

  @Field()
  refreshToken: string;

  @Field(() => MemberModel)
  member: MemberModel;
}
