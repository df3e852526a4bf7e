import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QUEUES } from '@yvc/core';
import { EventsModule } from '@yvc/events';
import { EmailSender } from './channels/email.sender';
import { SmsSender } from './channels/sms.sender';
import { Delivery } from './delivery/delivery.entity';
import { DeliveryService } from './delivery/delivery.service';
import { DeliverySignal } from './delivery/delivery-signal';
import { Notification } from './notification.entity';
import { NotificationsService } from './notifications.service';
import { NotificationPlanner } from './planning/notification-planner';
import { OutboxRelay } from './planning/outbox-relay';

const services = [
  NotificationPlanner,
  OutboxRelay,
  DeliveryService,
  DeliverySignal,
  NotificationsService,
  EmailSender,
  SmsSender,
];

/** Needs BullModule.forRoot in the app that imports it (api and worker do). */
@Module({
  imports: [
    EventsModule,
    TypeOrmModule.forFeature([Notification, Delivery]),
    BullModule.registerQueue(
      { name: QUEUES.notifications },
      { name: QUEUES.email },
      { name: QUEUES.sms },
      { name: QUEUES.maintenance },
    ),
  ],
  providers: services,
  exports: [...services, EventsModule, BullModule],
})
export class NotificationsModule {}
