import { BullModule } from '@nestjs/bullmq';
import { AnalyticsModule } from '@yvc/analytics';
import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig, ConfigModule } from '@yvc/core';
import { CredentialsModule } from '@yvc/credentials';
import { DatabaseModule, RedisModule, bullRootOptions } from '@yvc/database';
import { DeliveryPump, NotificationsModule } from '@yvc/notifications';
import { LoggerModule } from 'nestjs-pino';
import { MaintenanceProcessor } from './processors/maintenance.processor';
import { QueueWorkers } from './queue-workers';
import { Schedules } from './schedules';

@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => ({ pinoHttp: { level: c.LOG_LEVEL } }),
    }),
    DatabaseModule,
    RedisModule,
    BullModule.forRootAsync({ inject: [APP_CONFIG], useFactory: (c: AppConfig) => bullRootOptions(c) }),
    NotificationsModule,
    CredentialsModule,
    AnalyticsModule,
  ],
  providers: [MaintenanceProcessor, Schedules, QueueWorkers, DeliveryPump],
})
export class WorkerModule {}
