import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { APP_CONFIG, AppConfig, ConfigModule } from '@yvc/core';
import { DatabaseModule, RedisModule, bullRootOptions } from '@yvc/database';
import { BullModule } from '@nestjs/bullmq';
import { AnalyticsModule } from '@yvc/analytics';
import { CredentialsModule } from '@yvc/credentials';
import { NotificationsModule } from '@yvc/notifications';
import { LoggerModule } from 'nestjs-pino';
import { BadgesController, StatusListController } from './badges/badges.controller';
import { AttendanceController } from './events/attendance.controller';
import { CheckInController } from './events/check-in.controller';
import { CalendarController } from './events/calendar.controller';
import { GqlAuthGuard } from './auth/gql-auth.guard';
import { ErrorFilter } from './common/error.filter';
import { loggerParams } from './common/logger';
import { RESOLVERS } from './resolvers';
import { EventStaffGuard } from './events/event-staff.guard';
import { ApiGraphQLModule } from './graphql/api-graphql.module';
import { JwksController } from './credentials/jwks.controller';
import { CertificatePagesController } from './credentials/certificate-pages.controller';
import { HealthController } from './health/health.controller';
import { AccountPagesController } from './notifications/account-pages.controller';

import { EngagementExportController } from './analytics/engagement-export.controller';
@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({ inject: [APP_CONFIG], useFactory: (c: AppConfig) => loggerParams(c) }),
    DatabaseModule,
    RedisModule,
    TerminusModule.forRoot({ logger: false }),
    BullModule.forRootAsync({ inject: [APP_CONFIG], useFactory: (c: AppConfig) => bullRootOptions(c) }),
    NotificationsModule,
    CredentialsModule,
    AnalyticsModule,
    ApiGraphQLModule,
  ],
  controllers: [
    HealthController,
    JwksController,
    AccountPagesController,
    CalendarController,
    AttendanceController,
    CheckInController,
    CertificatePagesController,
    BadgesController,
    StatusListController,
    EngagementExportController,
  ],
  providers: [
    { provide: APP_GUARD, useClass: GqlAuthGuard },
    { provide: APP_FILTER, useClass: ErrorFilter },
    EventStaffGuard,
    ...RESOLVERS,
  ],
})
export class AppModule {}
