import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DeliveryChannel, DeliveryStatus, NotificationKind } from '@yvc/notifications';
import { PageInfo } from '../graphql/page-info.model';

registerEnumType(NotificationKind, { name: 'NotificationKind' });
registerEnumType(DeliveryChannel, { name: 'DeliveryChannel' });
registerEnumType(DeliveryStatus, { name: 'DeliveryStatus' });

@ObjectType('Notification')
export class NotificationModel {
  @Field(() => ID)
  id: string;

  @Field(() => NotificationKind)
  kind: NotificationKind;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  readAt: Date | null;

  memberId: string;
  eventId: string | null;
  registrationId: string | null;
  params: Record<string, unknown>;
}

@ObjectType()
export class NotificationEdge {
  @Field(() => NotificationModel)
  node: NotificationModel;

  @Field()
  cursor: string;
}

@ObjectType()
export class NotificationConnection {
  @Field(() => [NotificationEdge])
  edges: NotificationEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;

  @Field(() => Int)
  unreadCount: number;
}

@ObjectType()
export class DeliveryCount {
  @Field(() => DeliveryChannel)
  channel: DeliveryChannel;

  @Field(() => DeliveryStatus)
  status: DeliveryStatus;

  @Field(() => Int)
  count: number;
}

@ObjectType()
export class DeliveryFailure {
  @Field(() => ID)
  deliveryId: string;

  @Field(() => ID)
  memberId: string;

  @Field(() => String, {
    description: "the member's name, as the event's attendance list shows it (anonymised after a withdrawal)",
  })
  fullName: string;

  @Field(() => NotificationKind)
  kind: NotificationKind;

  @Field(() => DeliveryChannel)
  channel: DeliveryChannel;

  @Field(() => Int)
  attempts: number;

  @Field(() => String, { nullable: true })
  lastError: string | null;

  @Field(() => Date)
  updatedAt: Date;
}

@ObjectType()
export class DeliveryLogModel {
  @Field(() => [DeliveryCount])
  counts: DeliveryCount[];

  @Field(() => [DeliveryFailure])
  failures: DeliveryFailure[];
}
