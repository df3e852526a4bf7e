import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { TerminusModule } from '@nestjs/terminus';
import { APP_CONFIG, AppConfig, ConfigModule } from '@yvc/core';
import { DatabaseModule, RedisModule, bullRootOptions } from '@yvc/database';
import { BullModule } from '@nestjs/bullmq';
import { AnalyticsModule } from '@yvc/analytics';
import { CredentialsModule } from '@yvc/credentials';
import { NotificationsModule } from '@yvc/notifications';
import { LoggerModule } from 'nestjs-pino';
import { AuthResolver } from './auth/auth.resolver';
import { BadgesController, StatusListController } from './badges/badges.controller';
import { BadgesResolver, MemberBadgesResolver } from './badges/badges.resolver';
import { AttendanceController } from './events/attendance.controller';
import { CalendarController } from './events/calendar.controller';
import { CalendarFeedResolver } from './events/calendar-feed.resolver';
import { AttendanceResolver } from './events/attendance.resolver';
import { CheckInResolver } from './events/check-in.resolver';
import { EventStaffGuard } from './events/event-staff.guard';
import { EventsResolver } from './events/events.resolver';
import { MemberRegistrationsResolver, RegistrationsResolver } from './events/registrations.resolver';
import { GqlAuthGuard } from './auth/gql-auth.guard';
import { JwtStrategy } from './auth/jwt.strategy';
import { DomainErrorFilter } from './common/domain-error.filter';
import { loggerParams } from './common/logger';
import { ApiGraphQLModule } from './graphql/api-graphql.module';
import { JwksController } from './credentials/jwks.controller';
import { CertificatePagesController } from './credentials/certificate-pages.controller';
import { CertificatesResolver, MemberCertificateResolver } from './credentials/certificates.resolver';
import { HealthController } from './health/health.controller';
import { MeResolver } from './members/me.resolver';
import { AccountPagesController } from './notifications/account-pages.controller';
import { NotificationsResolver } from './notifications/notifications.resolver';
import { MemberResolver } from './members/member.resolver';
import { ClubResolver } from './org/club.resolver';
import { StaffAssignmentResolver } from './org/staff-assignment.resolver';
import { UnitResolver } from './org/unit.resolver';

import { EngagementExportController } from './analytics/engagement-export.controller';
import {
  ClubEngagementResolver,
  EngagementResolver,
  UnitEngagementResolver,
} from './analytics/engagement.resolver';
@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({ inject: [APP_CONFIG], useFactory: (c: AppConfig) => loggerParams(c) }),
    DatabaseModule,
    RedisModule,
    PassportModule,
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
    CertificatePagesController,
    BadgesController,
    StatusListController,
    EngagementExportController,
  ],
  providers: [
    JwtStrategy,
    { provide: APP_GUARD, useClass: GqlAuthGuard },
    { provide: APP_FILTER, useClass: DomainErrorFilter },
    AuthResolver,
    MeResolver,
    MemberResolver,
    UnitResolver,
    ClubResolver,
    StaffAssignmentResolver,
    EventStaffGuard,
    EventsResolver,
    RegistrationsResolver,
    MemberRegistrationsResolver,
    CheckInResolver,
    AttendanceResolver,
    NotificationsResolver,
    CalendarFeedResolver,
    CertificatesResolver,
    MemberCertificateResolver,
    BadgesResolver,
    MemberBadgesResolver,
    EngagementResolver,
    UnitEngagementResolver,
    ClubEngagementResolver,
  ],
})
export class AppModule {}
