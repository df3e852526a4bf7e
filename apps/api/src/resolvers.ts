import { AuthResolver } from './auth/auth.resolver';
import { ConsentTextResolver } from './auth/consent-text.resolver';
import { BadgesResolver, MemberBadgesResolver } from './badges/badges.resolver';
import { CalendarFeedResolver } from './events/calendar-feed.resolver';
import { AttendanceEntryResolver, AttendanceResolver } from './events/attendance.resolver';
import { CheckInResolver } from './events/check-in.resolver';
import { EventsResolver } from './events/events.resolver';
import { PublicEventsResolver } from './events/public-events.resolver';
import { MemberRegistrationsResolver, RegistrationsResolver } from './events/registrations.resolver';
import { CertificatesResolver, MemberCertificateResolver } from './credentials/certificates.resolver';
import { MeResolver } from './members/me.resolver';
import { NotificationsResolver } from './notifications/notifications.resolver';
import { MemberResolver } from './members/member.resolver';
import { ClubResolver } from './org/club.resolver';
import { StaffAssignmentResolver } from './org/staff-assignment.resolver';
import { StaffScopeResolver } from './org/staff-scope.resolver';
import { UnitResolver } from './org/unit.resolver';
import { EngagementResolver, UnitEngagementResolver } from './analytics/engagement.resolver';

/** Every GraphQL resolver of the API: the app module provides them, scripts/print-schema.ts builds the schema from them (no database needed). */
export const RESOLVERS = [
  AuthResolver,
  ConsentTextResolver,
  MeResolver,
  MemberResolver,
  UnitResolver,
  ClubResolver,
  StaffAssignmentResolver,
  StaffScopeResolver,
  EventsResolver,
  PublicEventsResolver,
  RegistrationsResolver,
  MemberRegistrationsResolver,
  CheckInResolver,
  AttendanceResolver,
  AttendanceEntryResolver,
  NotificationsResolver,
  CalendarFeedResolver,
  CertificatesResolver,
  MemberCertificateResolver,
  BadgesResolver,
  MemberBadgesResolver,
  EngagementResolver,
  UnitEngagementResolver,
];
