import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@yvc/core';
import { OrgModule } from '@yvc/org';
import { AccessPolicy } from './access/access-policy.service';
import { StaffAssignment } from './access/staff-assignment.entity';
import { StaffService } from './access/staff.service';
import { AccountToken } from './auth/account-token.entity';
import { AccountThrottle } from './auth/account-throttle';
import { AccountTokensService } from './auth/account-tokens.service';
import { AuthService } from './auth/auth.service';
import { LoginThrottle } from './auth/login-throttle';
import { PasswordHasher } from './auth/password-hasher';
import { RefreshToken } from './auth/refresh-token.entity';
import { Session } from './auth/session.entity';
import { SessionRevocations } from './auth/session-revocations';
import { Consent } from './consent/consent.entity';
import { PrivacyService } from './consent/privacy.service';
import { ClubMembership } from './members/club-membership.entity';
import { ClubMembershipsService } from './members/club-memberships.service';
import { Member } from './members/member.entity';
import { MembershipCounter } from './members/membership-counter.entity';
import { MembersService } from './members/members.service';

const services = [
  MembersService,
  ClubMembershipsService,
  AuthService,
  LoginThrottle,
  AccountThrottle,
  PasswordHasher,
  AccessPolicy,
  StaffService,
  PrivacyService,
  AccountTokensService,
  SessionRevocations,
];

@Module({
  imports: [
    OrgModule,
    TypeOrmModule.forFeature([
      Member,
      MembershipCounter,
      ClubMembership,
      Consent,
      StaffAssignment,
      Session,
      RefreshToken,
      AccountToken,
    ]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => ({
        secret: c.JWT_SECRET,
        signOptions: { algorithm: 'HS256', issuer: 'yvc' },
        verifyOptions: { algorithms: ['HS256'], issuer: 'yvc' },
      }),
    }),
  ],
  providers: services,
  exports: [...services, OrgModule],
})
export class IdentityModule {}
