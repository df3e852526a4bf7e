import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig, ConfigModule, QUEUES } from '@yvc/core';
import { DatabaseModule, RedisModule, createRedis } from '@yvc/database';
import { EventsModule } from '@yvc/events';
import { LoggerModule } from 'nestjs-pino';
import { MaintenanceProcessor } from './processors/maintenance.processor';
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
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => ({
        connection: createRedis(c.REDIS_URL, { maxRetriesPerRequest: null }),
        prefix: `${c.REDIS_PREFIX}:bull`,
        defaultJobOptions: {
          attempts: 5,
          backoff: { type: 'exponential', delay: 5_000 },
          removeOnComplete: { age: 24 * 3600, count: 1000 },
          removeOnFail: { age: 7 * 24 * 3600, count: 5000 },
        },
      }),
    }),
    BullModule.registerQueue({ name: QUEUES.maintenance }),
    EventsModule,
  ],
  providers: [MaintenanceProcessor, Schedules],
})
export class WorkerModule {}
