import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../graphql/page-info.model';
import { MemberModel } from './member.model';

@ObjectType()
export class MemberEdge {
  @Field(() => MemberModel)
  node: MemberModel;

  @Field()
  cursor: string;
}

@ObjectType()
export class MemberConnection {
  @Field(() => [MemberEdge])
  edges: MemberEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}
