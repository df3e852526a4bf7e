import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { TerminusModule } from '@nestjs/terminus';
import { APP_CONFIG, AppConfig, ConfigModule } from '@yvc/core';
import { DatabaseModule, RedisModule } from '@yvc/database';
import { IdentityModule } from '@yvc/identity';
import { LoggerModule } from 'nestjs-pino';
import { AuthResolver } from './auth/auth.resolver';
import { GqlAuthGuard } from './auth/gql-auth.guard';
import { JwtStrategy } from './auth/jwt.strategy';
import { DomainErrorFilter } from './common/domain-error.filter';
import { loggerParams } from './common/logger';
import { ApiGraphQLModule } from './graphql/api-graphql.module';
import { HealthController } from './health/health.controller';
import { MeResolver } from './members/me.resolver';
import { MemberResolver } from './members/member.resolver';
import { ClubResolver } from './org/club.resolver';
import { StaffAssignmentResolver } from './org/staff-assignment.resolver';
import { UnitResolver } from './org/unit.resolver';

@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({ inject: [APP_CONFIG], useFactory: (c: AppConfig) => loggerParams(c) }),
    DatabaseModule,
    RedisModule,
    PassportModule,
    TerminusModule.forRoot({ logger: false }),
    IdentityModule,
    ApiGraphQLModule,
  ],
  controllers: [HealthController],
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
  ],
})
export class AppModule {}
