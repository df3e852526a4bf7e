/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
  '\n  query MyBadges {\n    me {\n      id\n      timeZone\n      badges {\n        id\n        awardedAt\n        revokedAt\n        verifyUrl\n        credential\n        badge {\n          id\n          code\n          name\n          description\n          criteria\n          imageUrl\n        }\n      }\n    }\n  }\n': typeof types.MyBadgesDocument;
  '\n  query MyCertificate {\n    me {\n      id\n      timeZone\n      certificate {\n        id\n        number\n        status\n        issuedAt\n        expiresAt\n        revokedAt\n        revokedReason\n        verifyUrl\n        pdfUrl\n      }\n    }\n  }\n': typeof types.MyCertificateDocument;
  '\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n': typeof types.ChangePasswordDocument;
  '\n  query Me {\n    me {\n      id\n      fullName\n      membershipNumber\n      unit {\n        id\n        name\n      }\n    }\n  }\n': typeof types.MeDocument;
  '\n  query MySettings {\n    me {\n      id\n      phone\n      emailOptIn\n      smsOptIn\n      timeZone\n      locale\n    }\n  }\n': typeof types.MySettingsDocument;
  '\n  mutation SaveSettings($input: UpdateMeInput!) {\n    updateMe(input: $input) {\n      id\n      phone\n      emailOptIn\n      smsOptIn\n      timeZone\n      locale\n    }\n  }\n': typeof types.SaveSettingsDocument;
  '\n  query ExportMyData {\n    exportMyData\n  }\n': typeof types.ExportMyDataDocument;
  '\n  mutation WithdrawConsent {\n    withdrawConsent\n  }\n': typeof types.WithdrawConsentDocument;
  '\n  query AdminManagedUnits {\n    managedUnits {\n      id\n      code\n      name\n      parent {\n        id\n      }\n    }\n  }\n': typeof types.AdminManagedUnitsDocument;
  '\n  query AdminBadgeCatalogue {\n    badgeClasses {\n      id\n      code\n      name\n      description\n      criteria\n      imageUrl\n      manual\n    }\n  }\n': typeof types.AdminBadgeCatalogueDocument;
  '\n  fragment AdminCertificate on Certificate {\n    id\n    number\n    status\n    issuedAt\n    expiresAt\n    revokedAt\n    revokedReason\n    verifyUrl\n    member {\n      id\n      fullName\n      membershipNumber\n    }\n  }\n': typeof types.AdminCertificateFragmentDoc;
  '\n  mutation AdminRevokeCertificate($id: ID!, $reason: String!) {\n    revokeCertificate(id: $id, reason: $reason) {\n      ...AdminCertificate\n    }\n  }\n': typeof types.AdminRevokeCertificateDocument;
  '\n  mutation AdminIssueCertificate($memberId: ID!) {\n    issueCertificate(memberId: $memberId) {\n      ...AdminCertificate\n    }\n  }\n': typeof types.AdminIssueCertificateDocument;
  '\n  query AdminFindCertificate($number: String!) {\n    certificate(number: $number) {\n      ...AdminCertificate\n    }\n  }\n': typeof types.AdminFindCertificateDocument;
  '\n  query AdminClub($id: ID!) {\n    managedClub(id: $id) {\n      id\n      name\n      institution\n      archivedAt\n      memberCount\n      unit {\n        id\n        code\n        name\n      }\n      coordinators {\n        id\n        fullName\n        email\n        role\n      }\n    }\n    staffAccounts {\n      id\n      fullName\n      role\n      unit {\n        id\n        name\n      }\n    }\n  }\n': typeof types.AdminClubDocument;
  '\n  mutation AdminRenameClub($id: ID!, $name: String!) {\n    renameClub(id: $id, name: $name) {\n      id\n      name\n    }\n  }\n': typeof types.AdminRenameClubDocument;
  '\n  mutation AdminArchiveClub($id: ID!) {\n    archiveClub(id: $id) {\n      id\n      archivedAt\n    }\n  }\n': typeof types.AdminArchiveClubDocument;
  '\n  mutation AdminAssignCoordinator($input: StaffAssignmentInput!) {\n    assignCoordinator(input: $input) {\n      id\n      club {\n        id\n      }\n    }\n  }\n': typeof types.AdminAssignCoordinatorDocument;
  '\n  mutation AdminRemoveCoordinator($input: StaffAssignmentInput!) {\n    removeCoordinator(input: $input) {\n      id\n    }\n  }\n': typeof types.AdminRemoveCoordinatorDocument;
  '\n  query AdminClubMembers($clubId: ID!, $search: String, $after: String) {\n    clubMembers(clubId: $clubId, search: $search, first: 20, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          fullName\n          membershipNumber\n        }\n      }\n    }\n  }\n': typeof types.AdminClubMembersDocument;
  '\n  query AdminClubs($unitId: ID, $includeArchived: Boolean) {\n    managedUnits {\n      id\n      name\n      level\n    }\n    managedClubs(unitId: $unitId, includeArchived: $includeArchived) {\n      id\n      name\n      institution\n      archivedAt\n      memberCount\n      unit {\n        id\n        name\n      }\n      coordinators {\n        id\n        fullName\n      }\n    }\n  }\n': typeof types.AdminClubsDocument;
  '\n  mutation AdminCreateClub($input: CreateClubInput!) {\n    createClub(input: $input) {\n      id\n      name\n    }\n  }\n': typeof types.AdminCreateClubDocument;
  '\n  query AdminMember($id: ID!) {\n    member(id: $id) {\n      id\n      fullName\n      membershipNumber\n      unit {\n        id\n        name\n      }\n      clubs {\n        id\n        name\n      }\n      badges {\n        id\n        awardedAt\n        revokedAt\n        revokedReason\n        badge {\n          id\n          code\n          name\n          imageUrl\n        }\n      }\n      certificate {\n        ...AdminCertificate\n      }\n    }\n  }\n': typeof types.AdminMemberDocument;
  '\n  mutation AdminRevokeBadge($id: ID!, $reason: String!) {\n    revokeBadgeAward(id: $id, reason: $reason) {\n      id\n      revokedAt\n      revokedReason\n    }\n  }\n': typeof types.AdminRevokeBadgeDocument;
  '\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n': typeof types.RequestPasswordResetDocument;
  '\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n': typeof types.ResetPasswordDocument;
  '\n  query SignUpForm {\n    consentText {\n      version\n      text\n    }\n    units {\n      id\n      name\n      clubs {\n        id\n        name\n      }\n    }\n  }\n': typeof types.SignUpFormDocument;
  '\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      accessToken\n      member {\n        ...SessionMember\n      }\n    }\n  }\n': typeof types.SignUpDocument;
  '\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token)\n  }\n': typeof types.VerifyEmailDocument;
  '\n  query MyClubs {\n    me {\n      id\n      unit {\n        id\n        name\n        clubs {\n          id\n          name\n          institution\n          memberCount\n        }\n      }\n      clubs {\n        id\n      }\n    }\n  }\n': typeof types.MyClubsDocument;
  '\n  mutation JoinClub($clubId: ID!) {\n    joinClub(clubId: $clubId) {\n      id\n      clubs {\n        id\n      }\n    }\n  }\n': typeof types.JoinClubDocument;
  '\n  mutation LeaveClub($clubId: ID!) {\n    leaveClub(clubId: $clubId) {\n      id\n      clubs {\n        id\n      }\n    }\n  }\n': typeof types.LeaveClubDocument;
  '\n  query ConsoleClub($id: ID!) {\n    club(id: $id) {\n      id\n      name\n      institution\n      memberCount\n      unit {\n        id\n        name\n      }\n    }\n  }\n': typeof types.ConsoleClubDocument;
  '\n  query ConsoleClubMembers($clubId: ID!, $search: String, $after: String) {\n    clubMembers(clubId: $clubId, search: $search, first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          fullName\n          membershipNumber\n          maskedContact\n        }\n      }\n    }\n  }\n': typeof types.ConsoleClubMembersDocument;
  '\n  query ConsoleEvent($id: ID!) {\n    event(id: $id) {\n      id\n      title\n      description\n      kind\n      status\n      cancelReason\n      startsAt\n      endsAt\n      timeZone\n      capacity\n      registeredCount\n      waitlistCount\n      attendedCount\n      walkIns\n      reminderOffsetsMinutes\n      unit {\n        id\n        name\n      }\n      club {\n        id\n        name\n      }\n      venue {\n        name\n        address\n        wheelchairAccessible\n        signLanguage\n      }\n    }\n  }\n': typeof types.ConsoleEventDocument;
  '\n  mutation ConsolePublishEvent($id: ID!) {\n    publishEvent(id: $id) {\n      id\n      status\n    }\n  }\n': typeof types.ConsolePublishEventDocument;
  '\n  mutation ConsoleCancelEvent($id: ID!, $reason: String!) {\n    cancelEvent(id: $id, reason: $reason) {\n      id\n      status\n      cancelReason\n    }\n  }\n': typeof types.ConsoleCancelEventDocument;
  '\n  query ConsoleDeliveryLog($eventId: ID!) {\n    eventDeliveryLog(eventId: $eventId) {\n      counts {\n        channel\n        status\n        count\n      }\n      failures {\n        deliveryId\n        fullName\n        channel\n        kind\n        attempts\n        lastError\n        updatedAt\n      }\n    }\n  }\n': typeof types.ConsoleDeliveryLogDocument;
  '\n  mutation ConsoleRetryDeliveries($eventId: ID!) {\n    retryFailedDeliveries(eventId: $eventId)\n  }\n': typeof types.ConsoleRetryDeliveriesDocument;
  '\n  query ConsoleScope {\n    myStaffScope {\n      units {\n        id\n        name\n        level\n      }\n      clubs {\n        id\n        name\n        institution\n        memberCount\n        unit {\n          id\n          name\n        }\n      }\n    }\n  }\n': typeof types.ConsoleScopeDocument;
  '\n  query ConsoleEvents($filter: EventFilter!, $after: String) {\n    events(filter: $filter, first: 20, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          kind\n          status\n          startsAt\n          timeZone\n          capacity\n          registeredCount\n          waitlistCount\n          attendedCount\n          club {\n            id\n            name\n          }\n          unit {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n': typeof types.ConsoleEventsDocument;
  '\n  query ConsoleScopeForm {\n    myStaffScope {\n      units {\n        id\n        name\n      }\n      clubs {\n        id\n        name\n        unit {\n          id\n          name\n        }\n      }\n    }\n  }\n': typeof types.ConsoleScopeFormDocument;
  '\n  query ConsoleEventForm($id: ID!) {\n    event(id: $id) {\n      id\n      title\n      description\n      kind\n      status\n      startsAt\n      endsAt\n      timeZone\n      capacity\n      reminderOffsetsMinutes\n      unit {\n        id\n        name\n      }\n      club {\n        id\n        name\n      }\n      venue {\n        name\n        address\n        wheelchairAccessible\n        signLanguage\n      }\n    }\n  }\n': typeof types.ConsoleEventFormDocument;
  '\n  mutation ConsoleCreateEvent($input: CreateEventInput!) {\n    createEvent(input: $input) {\n      id\n      status\n    }\n  }\n': typeof types.ConsoleCreateEventDocument;
  '\n  mutation ConsoleUpdateEvent($id: ID!, $input: UpdateEventInput!) {\n    updateEvent(id: $id, input: $input) {\n      id\n      title\n      description\n      startsAt\n      endsAt\n      capacity\n      reminderOffsetsMinutes\n      venue {\n        name\n        address\n        wheelchairAccessible\n        signLanguage\n      }\n    }\n  }\n': typeof types.ConsoleUpdateEventDocument;
  '\n  query ConsolePeople($id: ID!, $status: RegistrationStatus, $walkIn: Boolean, $after: String) {\n    event(id: $id) {\n      id\n      attendance(status: $status, walkIn: $walkIn, first: 50, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            registrationId\n            memberId\n            status\n            fullName\n            membershipNumber\n            waitlistPosition\n            checkedInAt\n            checkInMethod\n            checkedInBy\n            walkIn\n            overCapacity\n          }\n        }\n      }\n    }\n  }\n': typeof types.ConsolePeopleDocument;
  '\n  query ConsoleBadges {\n    badgeClasses {\n      id\n      code\n      name\n      manual\n    }\n  }\n': typeof types.ConsoleBadgesDocument;
  '\n  mutation ConsoleCancelRegistration($registrationId: ID!) {\n    cancelRegistration(registrationId: $registrationId) {\n      id\n      status\n    }\n  }\n': typeof types.ConsoleCancelRegistrationDocument;
  '\n  mutation ConsoleIssueCertificate($memberId: ID!) {\n    issueCertificate(memberId: $memberId) {\n      id\n      number\n      status\n      expiresAt\n    }\n  }\n': typeof types.ConsoleIssueCertificateDocument;
  '\n  mutation ConsoleAwardBadge($memberId: ID!, $badgeCode: String!) {\n    awardBadge(memberId: $memberId, badgeCode: $badgeCode) {\n      id\n      badge {\n        id\n        name\n      }\n    }\n  }\n': typeof types.ConsoleAwardBadgeDocument;
  '\n  query DashboardEngagement($current: EngagementFilter!, $previous: EngagementFilter!) {\n    current: engagement(filter: $current) {\n      from\n      to\n      computedAt\n      summary\n      members\n      activeMembers\n      events\n      registrations\n      attendances\n      uniqueParticipants\n      attendanceRate\n      firstTimeVoters {\n        members\n        activeMembers\n      }\n      byUnit {\n        unit {\n          id\n          code\n          name\n        }\n        members\n        activeMembers\n        events\n        registrations\n        attendances\n        uniqueParticipants\n      }\n      byMonth {\n        month\n        newMembers\n        events\n        registrations\n        attendances\n        uniqueParticipants\n      }\n      byClub {\n        club {\n          id\n          name\n          unit {\n            id\n            name\n          }\n        }\n        members\n        events\n        registrations\n        attendances\n        uniqueParticipants\n        noShows\n        noShowRate\n      }\n      byAgeBand {\n        band\n        members\n        activeMembers\n        attendances\n        uniqueParticipants\n      }\n      byKind {\n        kind\n        events\n        registrations\n        attendances\n        uniqueParticipants\n      }\n      funnel {\n        registrations\n        attendances\n        badges\n        registeredMembers\n        attendedMembers\n        badgedMembers\n      }\n      retention {\n        participants\n        returning\n        rate\n      }\n    }\n    previous: engagement(filter: $previous) {\n      from\n      to\n      members\n      activeMembers\n      events\n      registrations\n      attendances\n      uniqueParticipants\n      attendanceRate\n      firstTimeVoters {\n        activeMembers\n      }\n      byClub {\n        club {\n          id\n        }\n        members\n        events\n        registrations\n        attendances\n        uniqueParticipants\n        noShows\n        noShowRate\n      }\n    }\n  }\n': typeof types.DashboardEngagementDocument;
  '\n  query DashboardUnits {\n    units {\n      id\n      code\n      name\n      level\n    }\n  }\n': typeof types.DashboardUnitsDocument;
  '\n  fragment EventSummary on PublicEvent {\n    id\n    title\n    kind\n    startsAt\n    timeZone\n    capacity\n    seatsLeft\n    clubName\n    unit {\n      id\n      name\n    }\n    venue {\n      name\n      address\n      wheelchairAccessible\n      signLanguage\n    }\n  }\n': typeof types.EventSummaryFragmentDoc;
  '\n  query PublicEvent($id: ID!) {\n    publicEvent(id: $id) {\n      ...EventSummary\n      description\n      endsAt\n      icsUrl\n    }\n  }\n': typeof types.PublicEventDocument;
  '\n  query PublicEvents($filter: PublicEventFilter, $first: Int, $after: String) {\n    publicEvents(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...EventSummary\n        }\n      }\n    }\n  }\n': typeof types.PublicEventsDocument;
  '\n  query Units {\n    units {\n      id\n      name\n      level\n    }\n  }\n': typeof types.UnitsDocument;
  '\n  query MyNotifications($first: Int) {\n    notifications(first: $first) {\n      totalCount\n      unreadCount\n      pageInfo {\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          kind\n          title\n          body\n          createdAt\n          readAt\n          event {\n            id\n          }\n        }\n      }\n    }\n  }\n': typeof types.MyNotificationsDocument;
  '\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n': typeof types.MarkNotificationsReadDocument;
  '\n  query UnreadCount {\n    notifications(first: 1) {\n      unreadCount\n    }\n  }\n': typeof types.UnreadCountDocument;
  '\n  query MyEvents {\n    me {\n      id\n      calendarFeedUrl\n      registrations(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            status\n            waitlistPosition\n            checkInCode\n            event {\n              id\n              title\n              kind\n              status\n              startsAt\n              endsAt\n              timeZone\n              icsUrl\n              venue {\n                name\n                address\n              }\n              unit {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n': typeof types.MyEventsDocument;
  '\n  query EventRegistration($id: ID!) {\n    event(id: $id) {\n      id\n      status\n      capacity\n      registeredCount\n      endsAt\n      myRegistration {\n        id\n        status\n        waitlistPosition\n      }\n    }\n  }\n': typeof types.EventRegistrationDocument;
  '\n  mutation RegisterForEvent($eventId: ID!) {\n    registerForEvent(eventId: $eventId) {\n      id\n      status\n      waitlistPosition\n    }\n  }\n': typeof types.RegisterForEventDocument;
  '\n  mutation CancelRegistration($registrationId: ID!) {\n    cancelRegistration(registrationId: $registrationId) {\n      id\n      status\n    }\n  }\n': typeof types.CancelRegistrationDocument;
  '\n  query ScannerEvent($id: ID!) {\n    event(id: $id) {\n      id\n      title\n      status\n      startsAt\n      endsAt\n      timeZone\n      capacity\n      registeredCount\n      attendedCount\n      walkIns\n    }\n  }\n': typeof types.ScannerEventDocument;
  '\n  mutation ScannerWalkIn($eventId: ID!, $emailOrPhone: String!) {\n    walkIn(eventId: $eventId, emailOrPhone: $emailOrPhone) {\n      registrationId\n      fullName\n      membershipNumber\n      alreadyCheckedIn\n      overCapacity\n      checkedInAt\n      status\n    }\n  }\n': typeof types.ScannerWalkInDocument;
  '\n  mutation ScannerSync($eventId: ID!, $scans: [OfflineScanInput!]!) {\n    syncCheckIns(eventId: $eventId, scans: $scans) {\n      scanId\n      outcome\n      message\n      registration {\n        id\n        checkedInAt\n        member {\n          id\n          fullName\n        }\n      }\n    }\n  }\n': typeof types.ScannerSyncDocument;
  '\n  fragment SessionMember on Member {\n    id\n    fullName\n    role\n    locale\n    timeZone\n  }\n': typeof types.SessionMemberFragmentDoc;
  '\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      accessToken\n      member {\n        ...SessionMember\n      }\n    }\n  }\n': typeof types.LoginDocument;
  '\n  mutation Refresh {\n    refreshToken {\n      accessToken\n      member {\n        ...SessionMember\n      }\n    }\n  }\n': typeof types.RefreshDocument;
  '\n  mutation Logout {\n    logout\n  }\n': typeof types.LogoutDocument;
  '\n  mutation SaveLocale($locale: Locale!) {\n    updateMe(input: { locale: $locale }) {\n      id\n      locale\n    }\n  }\n': typeof types.SaveLocaleDocument;
};
const documents: Documents = {
  '\n  query MyBadges {\n    me {\n      id\n      timeZone\n      badges {\n        id\n        awardedAt\n        revokedAt\n        verifyUrl\n        credential\n        badge {\n          id\n          code\n          name\n          description\n          criteria\n          imageUrl\n        }\n      }\n    }\n  }\n':
    types.MyBadgesDocument,
  '\n  query MyCertificate {\n    me {\n      id\n      timeZone\n      certificate {\n        id\n        number\n        status\n        issuedAt\n        expiresAt\n        revokedAt\n        revokedReason\n        verifyUrl\n        pdfUrl\n      }\n    }\n  }\n':
    types.MyCertificateDocument,
  '\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n':
    types.ChangePasswordDocument,
  '\n  query Me {\n    me {\n      id\n      fullName\n      membershipNumber\n      unit {\n        id\n        name\n      }\n    }\n  }\n':
    types.MeDocument,
  '\n  query MySettings {\n    me {\n      id\n      phone\n      emailOptIn\n      smsOptIn\n      timeZone\n      locale\n    }\n  }\n':
    types.MySettingsDocument,
  '\n  mutation SaveSettings($input: UpdateMeInput!) {\n    updateMe(input: $input) {\n      id\n      phone\n      emailOptIn\n      smsOptIn\n      timeZone\n      locale\n    }\n  }\n':
    types.SaveSettingsDocument,
  '\n  query ExportMyData {\n    exportMyData\n  }\n': types.ExportMyDataDocument,
  '\n  mutation WithdrawConsent {\n    withdrawConsent\n  }\n': types.WithdrawConsentDocument,
  '\n  query AdminManagedUnits {\n    managedUnits {\n      id\n      code\n      name\n      parent {\n        id\n      }\n    }\n  }\n':
    types.AdminManagedUnitsDocument,
  '\n  query AdminBadgeCatalogue {\n    badgeClasses {\n      id\n      code\n      name\n      description\n      criteria\n      imageUrl\n      manual\n    }\n  }\n':
    types.AdminBadgeCatalogueDocument,
  '\n  fragment AdminCertificate on Certificate {\n    id\n    number\n    status\n    issuedAt\n    expiresAt\n    revokedAt\n    revokedReason\n    verifyUrl\n    member {\n      id\n      fullName\n      membershipNumber\n    }\n  }\n':
    types.AdminCertificateFragmentDoc,
  '\n  mutation AdminRevokeCertificate($id: ID!, $reason: String!) {\n    revokeCertificate(id: $id, reason: $reason) {\n      ...AdminCertificate\n    }\n  }\n':
    types.AdminRevokeCertificateDocument,
  '\n  mutation AdminIssueCertificate($memberId: ID!) {\n    issueCertificate(memberId: $memberId) {\n      ...AdminCertificate\n    }\n  }\n':
    types.AdminIssueCertificateDocument,
  '\n  query AdminFindCertificate($number: String!) {\n    certificate(number: $number) {\n      ...AdminCertificate\n    }\n  }\n':
    types.AdminFindCertificateDocument,
  '\n  query AdminClub($id: ID!) {\n    managedClub(id: $id) {\n      id\n      name\n      institution\n      archivedAt\n      memberCount\n      unit {\n        id\n        code\n        name\n      }\n      coordinators {\n        id\n        fullName\n        email\n        role\n      }\n    }\n    staffAccounts {\n      id\n      fullName\n      role\n      unit {\n        id\n        name\n      }\n    }\n  }\n':
    types.AdminClubDocument,
  '\n  mutation AdminRenameClub($id: ID!, $name: String!) {\n    renameClub(id: $id, name: $name) {\n      id\n      name\n    }\n  }\n':
    types.AdminRenameClubDocument,
  '\n  mutation AdminArchiveClub($id: ID!) {\n    archiveClub(id: $id) {\n      id\n      archivedAt\n    }\n  }\n':
    types.AdminArchiveClubDocument,
  '\n  mutation AdminAssignCoordinator($input: StaffAssignmentInput!) {\n    assignCoordinator(input: $input) {\n      id\n      club {\n        id\n      }\n    }\n  }\n':
    types.AdminAssignCoordinatorDocument,
  '\n  mutation AdminRemoveCoordinator($input: StaffAssignmentInput!) {\n    removeCoordinator(input: $input) {\n      id\n    }\n  }\n':
    types.AdminRemoveCoordinatorDocument,
  '\n  query AdminClubMembers($clubId: ID!, $search: String, $after: String) {\n    clubMembers(clubId: $clubId, search: $search, first: 20, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          fullName\n          membershipNumber\n        }\n      }\n    }\n  }\n':
    types.AdminClubMembersDocument,
  '\n  query AdminClubs($unitId: ID, $includeArchived: Boolean) {\n    managedUnits {\n      id\n      name\n      level\n    }\n    managedClubs(unitId: $unitId, includeArchived: $includeArchived) {\n      id\n      name\n      institution\n      archivedAt\n      memberCount\n      unit {\n        id\n        name\n      }\n      coordinators {\n        id\n        fullName\n      }\n    }\n  }\n':
    types.AdminClubsDocument,
  '\n  mutation AdminCreateClub($input: CreateClubInput!) {\n    createClub(input: $input) {\n      id\n      name\n    }\n  }\n':
    types.AdminCreateClubDocument,
  '\n  query AdminMember($id: ID!) {\n    member(id: $id) {\n      id\n      fullName\n      membershipNumber\n      unit {\n        id\n        name\n      }\n      clubs {\n        id\n        name\n      }\n      badges {\n        id\n        awardedAt\n        revokedAt\n        revokedReason\n        badge {\n          id\n          code\n          name\n          imageUrl\n        }\n      }\n      certificate {\n        ...AdminCertificate\n      }\n    }\n  }\n':
    types.AdminMemberDocument,
  '\n  mutation AdminRevokeBadge($id: ID!, $reason: String!) {\n    revokeBadgeAward(id: $id, reason: $reason) {\n      id\n      revokedAt\n      revokedReason\n    }\n  }\n':
    types.AdminRevokeBadgeDocument,
  '\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n':
    types.RequestPasswordResetDocument,
  '\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n':
    types.ResetPasswordDocument,
  '\n  query SignUpForm {\n    consentText {\n      version\n      text\n    }\n    units {\n      id\n      name\n      clubs {\n        id\n        name\n      }\n    }\n  }\n':
    types.SignUpFormDocument,
  '\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      accessToken\n      member {\n        ...SessionMember\n      }\n    }\n  }\n':
    types.SignUpDocument,
  '\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token)\n  }\n':
    types.VerifyEmailDocument,
  '\n  query MyClubs {\n    me {\n      id\n      unit {\n        id\n        name\n        clubs {\n          id\n          name\n          institution\n          memberCount\n        }\n      }\n      clubs {\n        id\n      }\n    }\n  }\n':
    types.MyClubsDocument,
  '\n  mutation JoinClub($clubId: ID!) {\n    joinClub(clubId: $clubId) {\n      id\n      clubs {\n        id\n      }\n    }\n  }\n':
    types.JoinClubDocument,
  '\n  mutation LeaveClub($clubId: ID!) {\n    leaveClub(clubId: $clubId) {\n      id\n      clubs {\n        id\n      }\n    }\n  }\n':
    types.LeaveClubDocument,
  '\n  query ConsoleClub($id: ID!) {\n    club(id: $id) {\n      id\n      name\n      institution\n      memberCount\n      unit {\n        id\n        name\n      }\n    }\n  }\n':
    types.ConsoleClubDocument,
  '\n  query ConsoleClubMembers($clubId: ID!, $search: String, $after: String) {\n    clubMembers(clubId: $clubId, search: $search, first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          fullName\n          membershipNumber\n          maskedContact\n        }\n      }\n    }\n  }\n':
    types.ConsoleClubMembersDocument,
  '\n  query ConsoleEvent($id: ID!) {\n    event(id: $id) {\n      id\n      title\n      description\n      kind\n      status\n      cancelReason\n      startsAt\n      endsAt\n      timeZone\n      capacity\n      registeredCount\n      waitlistCount\n      attendedCount\n      walkIns\n      reminderOffsetsMinutes\n      unit {\n        id\n        name\n      }\n      club {\n        id\n        name\n      }\n      venue {\n        name\n        address\n        wheelchairAccessible\n        signLanguage\n      }\n    }\n  }\n':
    types.ConsoleEventDocument,
  '\n  mutation ConsolePublishEvent($id: ID!) {\n    publishEvent(id: $id) {\n      id\n      status\n    }\n  }\n':
    types.ConsolePublishEventDocument,
  '\n  mutation ConsoleCancelEvent($id: ID!, $reason: String!) {\n    cancelEvent(id: $id, reason: $reason) {\n      id\n      status\n      cancelReason\n    }\n  }\n':
    types.ConsoleCancelEventDocument,
  '\n  query ConsoleDeliveryLog($eventId: ID!) {\n    eventDeliveryLog(eventId: $eventId) {\n      counts {\n        channel\n        status\n        count\n      }\n      failures {\n        deliveryId\n        fullName\n        channel\n        kind\n        attempts\n        lastError\n        updatedAt\n      }\n    }\n  }\n':
    types.ConsoleDeliveryLogDocument,
  '\n  mutation ConsoleRetryDeliveries($eventId: ID!) {\n    retryFailedDeliveries(eventId: $eventId)\n  }\n':
    types.ConsoleRetryDeliveriesDocument,
  '\n  query ConsoleScope {\n    myStaffScope {\n      units {\n        id\n        name\n        level\n      }\n      clubs {\n        id\n        name\n        institution\n        memberCount\n        unit {\n          id\n          name\n        }\n      }\n    }\n  }\n':
    types.ConsoleScopeDocument,
  '\n  query ConsoleEvents($filter: EventFilter!, $after: String) {\n    events(filter: $filter, first: 20, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          kind\n          status\n          startsAt\n          timeZone\n          capacity\n          registeredCount\n          waitlistCount\n          attendedCount\n          club {\n            id\n            name\n          }\n          unit {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n':
    types.ConsoleEventsDocument,
  '\n  query ConsoleScopeForm {\n    myStaffScope {\n      units {\n        id\n        name\n      }\n      clubs {\n        id\n        name\n        unit {\n          id\n          name\n        }\n      }\n    }\n  }\n':
    types.ConsoleScopeFormDocument,
  '\n  query ConsoleEventForm($id: ID!) {\n    event(id: $id) {\n      id\n      title\n      description\n      kind\n      status\n      startsAt\n      endsAt\n      timeZone\n      capacity\n      reminderOffsetsMinutes\n      unit {\n        id\n        name\n      }\n      club {\n        id\n        name\n      }\n      venue {\n        name\n        address\n        wheelchairAccessible\n        signLanguage\n      }\n    }\n  }\n':
    types.ConsoleEventFormDocument,
  '\n  mutation ConsoleCreateEvent($input: CreateEventInput!) {\n    createEvent(input: $input) {\n      id\n      status\n    }\n  }\n':
    types.ConsoleCreateEventDocument,
  '\n  mutation ConsoleUpdateEvent($id: ID!, $input: UpdateEventInput!) {\n    updateEvent(id: $id, input: $input) {\n      id\n      title\n      description\n      startsAt\n      endsAt\n      capacity\n      reminderOffsetsMinutes\n      venue {\n        name\n        address\n        wheelchairAccessible\n        signLanguage\n      }\n    }\n  }\n':
    types.ConsoleUpdateEventDocument,
  '\n  query ConsolePeople($id: ID!, $status: RegistrationStatus, $walkIn: Boolean, $after: String) {\n    event(id: $id) {\n      id\n      attendance(status: $status, walkIn: $walkIn, first: 50, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            registrationId\n            memberId\n            status\n            fullName\n            membershipNumber\n            waitlistPosition\n            checkedInAt\n            checkInMethod\n            checkedInBy\n            walkIn\n            overCapacity\n          }\n        }\n      }\n    }\n  }\n':
    types.ConsolePeopleDocument,
  '\n  query ConsoleBadges {\n    badgeClasses {\n      id\n      code\n      name\n      manual\n    }\n  }\n':
    types.ConsoleBadgesDocument,
  '\n  mutation ConsoleCancelRegistration($registrationId: ID!) {\n    cancelRegistration(registrationId: $registrationId) {\n      id\n      status\n    }\n  }\n':
    types.ConsoleCancelRegistrationDocument,
  '\n  mutation ConsoleIssueCertificate($memberId: ID!) {\n    issueCertificate(memberId: $memberId) {\n      id\n      number\n      status\n      expiresAt\n    }\n  }\n':
    types.ConsoleIssueCertificateDocument,
  '\n  mutation ConsoleAwardBadge($memberId: ID!, $badgeCode: String!) {\n    awardBadge(memberId: $memberId, badgeCode: $badgeCode) {\n      id\n      badge {\n        id\n        name\n      }\n    }\n  }\n':
    types.ConsoleAwardBadgeDocument,
  '\n  query DashboardEngagement($current: EngagementFilter!, $previous: EngagementFilter!) {\n    current: engagement(filter: $current) {\n      from\n      to\n      computedAt\n      summary\n      members\n      activeMembers\n      events\n      registrations\n      attendances\n      uniqueParticipants\n      attendanceRate\n      firstTimeVoters {\n        members\n        activeMembers\n      }\n      byUnit {\n        unit {\n          id\n          code\n          name\n        }\n        members\n        activeMembers\n        events\n        registrations\n        attendances\n        uniqueParticipants\n      }\n      byMonth {\n        month\n        newMembers\n        events\n        registrations\n        attendances\n        uniqueParticipants\n      }\n      byClub {\n        club {\n          id\n          name\n          unit {\n            id\n            name\n          }\n        }\n        members\n        events\n        registrations\n        attendances\n        uniqueParticipants\n        noShows\n        noShowRate\n      }\n      byAgeBand {\n        band\n        members\n        activeMembers\n        attendances\n        uniqueParticipants\n      }\n      byKind {\n        kind\n        events\n        registrations\n        attendances\n        uniqueParticipants\n      }\n      funnel {\n        registrations\n        attendances\n        badges\n        registeredMembers\n        attendedMembers\n        badgedMembers\n      }\n      retention {\n        participants\n        returning\n        rate\n      }\n    }\n    previous: engagement(filter: $previous) {\n      from\n      to\n      members\n      activeMembers\n      events\n      registrations\n      attendances\n      uniqueParticipants\n      attendanceRate\n      firstTimeVoters {\n        activeMembers\n      }\n      byClub {\n        club {\n          id\n        }\n        members\n        events\n        registrations\n        attendances\n        uniqueParticipants\n        noShows\n        noShowRate\n      }\n    }\n  }\n':
    types.DashboardEngagementDocument,
  '\n  query DashboardUnits {\n    units {\n      id\n      code\n      name\n      level\n    }\n  }\n':
    types.DashboardUnitsDocument,
  '\n  fragment EventSummary on PublicEvent {\n    id\n    title\n    kind\n    startsAt\n    timeZone\n    capacity\n    seatsLeft\n    clubName\n    unit {\n      id\n      name\n    }\n    venue {\n      name\n      address\n      wheelchairAccessible\n      signLanguage\n    }\n  }\n':
    types.EventSummaryFragmentDoc,
  '\n  query PublicEvent($id: ID!) {\n    publicEvent(id: $id) {\n      ...EventSummary\n      description\n      endsAt\n      icsUrl\n    }\n  }\n':
    types.PublicEventDocument,
  '\n  query PublicEvents($filter: PublicEventFilter, $first: Int, $after: String) {\n    publicEvents(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...EventSummary\n        }\n      }\n    }\n  }\n':
    types.PublicEventsDocument,
  '\n  query Units {\n    units {\n      id\n      name\n      level\n    }\n  }\n': types.UnitsDocument,
  '\n  query MyNotifications($first: Int) {\n    notifications(first: $first) {\n      totalCount\n      unreadCount\n      pageInfo {\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          kind\n          title\n          body\n          createdAt\n          readAt\n          event {\n            id\n          }\n        }\n      }\n    }\n  }\n':
    types.MyNotificationsDocument,
  '\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n':
    types.MarkNotificationsReadDocument,
  '\n  query UnreadCount {\n    notifications(first: 1) {\n      unreadCount\n    }\n  }\n':
    types.UnreadCountDocument,
  '\n  query MyEvents {\n    me {\n      id\n      calendarFeedUrl\n      registrations(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            status\n            waitlistPosition\n            checkInCode\n            event {\n              id\n              title\n              kind\n              status\n              startsAt\n              endsAt\n              timeZone\n              icsUrl\n              venue {\n                name\n                address\n              }\n              unit {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n':
    types.MyEventsDocument,
  '\n  query EventRegistration($id: ID!) {\n    event(id: $id) {\n      id\n      status\n      capacity\n      registeredCount\n      endsAt\n      myRegistration {\n        id\n        status\n        waitlistPosition\n      }\n    }\n  }\n':
    types.EventRegistrationDocument,
  '\n  mutation RegisterForEvent($eventId: ID!) {\n    registerForEvent(eventId: $eventId) {\n      id\n      status\n      waitlistPosition\n    }\n  }\n':
    types.RegisterForEventDocument,
  '\n  mutation CancelRegistration($registrationId: ID!) {\n    cancelRegistration(registrationId: $registrationId) {\n      id\n      status\n    }\n  }\n':
    types.CancelRegistrationDocument,
  '\n  query ScannerEvent($id: ID!) {\n    event(id: $id) {\n      id\n      title\n      status\n      startsAt\n      endsAt\n      timeZone\n      capacity\n      registeredCount\n      attendedCount\n      walkIns\n    }\n  }\n':
    types.ScannerEventDocument,
  '\n  mutation ScannerWalkIn($eventId: ID!, $emailOrPhone: String!) {\n    walkIn(eventId: $eventId, emailOrPhone: $emailOrPhone) {\n      registrationId\n      fullName\n      membershipNumber\n      alreadyCheckedIn\n      overCapacity\n      checkedInAt\n      status\n    }\n  }\n':
    types.ScannerWalkInDocument,
  '\n  mutation ScannerSync($eventId: ID!, $scans: [OfflineScanInput!]!) {\n    syncCheckIns(eventId: $eventId, scans: $scans) {\n      scanId\n      outcome\n      message\n      registration {\n        id\n        checkedInAt\n        member {\n          id\n          fullName\n        }\n      }\n    }\n  }\n':
    types.ScannerSyncDocument,
  '\n  fragment SessionMember on Member {\n    id\n    fullName\n    role\n    locale\n    timeZone\n  }\n':
    types.SessionMemberFragmentDoc,
  '\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      accessToken\n      member {\n        ...SessionMember\n      }\n    }\n  }\n':
    types.LoginDocument,
  '\n  mutation Refresh {\n    refreshToken {\n      accessToken\n      member {\n        ...SessionMember\n      }\n    }\n  }\n':
    types.RefreshDocument,
  '\n  mutation Logout {\n    logout\n  }\n': types.LogoutDocument,
  '\n  mutation SaveLocale($locale: Locale!) {\n    updateMe(input: { locale: $locale }) {\n      id\n      locale\n    }\n  }\n':
    types.SaveLocaleDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query MyBadges {\n    me {\n      id\n      timeZone\n      badges {\n        id\n        awardedAt\n        revokedAt\n        verifyUrl\n        credential\n        badge {\n          id\n          code\n          name\n          description\n          criteria\n          imageUrl\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query MyBadges {\n    me {\n      id\n      timeZone\n      badges {\n        id\n        awardedAt\n        revokedAt\n        verifyUrl\n        credential\n        badge {\n          id\n          code\n          name\n          description\n          criteria\n          imageUrl\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query MyCertificate {\n    me {\n      id\n      timeZone\n      certificate {\n        id\n        number\n        status\n        issuedAt\n        expiresAt\n        revokedAt\n        revokedReason\n        verifyUrl\n        pdfUrl\n      }\n    }\n  }\n',
): (typeof documents)['\n  query MyCertificate {\n    me {\n      id\n      timeZone\n      certificate {\n        id\n        number\n        status\n        issuedAt\n        expiresAt\n        revokedAt\n        revokedReason\n        verifyUrl\n        pdfUrl\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n',
): (typeof documents)['\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Me {\n    me {\n      id\n      fullName\n      membershipNumber\n      unit {\n        id\n        name\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Me {\n    me {\n      id\n      fullName\n      membershipNumber\n      unit {\n        id\n        name\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query MySettings {\n    me {\n      id\n      phone\n      emailOptIn\n      smsOptIn\n      timeZone\n      locale\n    }\n  }\n',
): (typeof documents)['\n  query MySettings {\n    me {\n      id\n      phone\n      emailOptIn\n      smsOptIn\n      timeZone\n      locale\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SaveSettings($input: UpdateMeInput!) {\n    updateMe(input: $input) {\n      id\n      phone\n      emailOptIn\n      smsOptIn\n      timeZone\n      locale\n    }\n  }\n',
): (typeof documents)['\n  mutation SaveSettings($input: UpdateMeInput!) {\n    updateMe(input: $input) {\n      id\n      phone\n      emailOptIn\n      smsOptIn\n      timeZone\n      locale\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ExportMyData {\n    exportMyData\n  }\n',
): (typeof documents)['\n  query ExportMyData {\n    exportMyData\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation WithdrawConsent {\n    withdrawConsent\n  }\n',
): (typeof documents)['\n  mutation WithdrawConsent {\n    withdrawConsent\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AdminManagedUnits {\n    managedUnits {\n      id\n      code\n      name\n      parent {\n        id\n      }\n    }\n  }\n',
): (typeof documents)['\n  query AdminManagedUnits {\n    managedUnits {\n      id\n      code\n      name\n      parent {\n        id\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AdminBadgeCatalogue {\n    badgeClasses {\n      id\n      code\n      name\n      description\n      criteria\n      imageUrl\n      manual\n    }\n  }\n',
): (typeof documents)['\n  query AdminBadgeCatalogue {\n    badgeClasses {\n      id\n      code\n      name\n      description\n      criteria\n      imageUrl\n      manual\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment AdminCertificate on Certificate {\n    id\n    number\n    status\n    issuedAt\n    expiresAt\n    revokedAt\n    revokedReason\n    verifyUrl\n    member {\n      id\n      fullName\n      membershipNumber\n    }\n  }\n',
): (typeof documents)['\n  fragment AdminCertificate on Certificate {\n    id\n    number\n    status\n    issuedAt\n    expiresAt\n    revokedAt\n    revokedReason\n    verifyUrl\n    member {\n      id\n      fullName\n      membershipNumber\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation AdminRevokeCertificate($id: ID!, $reason: String!) {\n    revokeCertificate(id: $id, reason: $reason) {\n      ...AdminCertificate\n    }\n  }\n',
): (typeof documents)['\n  mutation AdminRevokeCertificate($id: ID!, $reason: String!) {\n    revokeCertificate(id: $id, reason: $reason) {\n      ...AdminCertificate\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation AdminIssueCertificate($memberId: ID!) {\n    issueCertificate(memberId: $memberId) {\n      ...AdminCertificate\n    }\n  }\n',
): (typeof documents)['\n  mutation AdminIssueCertificate($memberId: ID!) {\n    issueCertificate(memberId: $memberId) {\n      ...AdminCertificate\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AdminFindCertificate($number: String!) {\n    certificate(number: $number) {\n      ...AdminCertificate\n    }\n  }\n',
): (typeof documents)['\n  query AdminFindCertificate($number: String!) {\n    certificate(number: $number) {\n      ...AdminCertificate\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AdminClub($id: ID!) {\n    managedClub(id: $id) {\n      id\n      name\n      institution\n      archivedAt\n      memberCount\n      unit {\n        id\n        code\n        name\n      }\n      coordinators {\n        id\n        fullName\n        email\n        role\n      }\n    }\n    staffAccounts {\n      id\n      fullName\n      role\n      unit {\n        id\n        name\n      }\n    }\n  }\n',
): (typeof documents)['\n  query AdminClub($id: ID!) {\n    managedClub(id: $id) {\n      id\n      name\n      institution\n      archivedAt\n      memberCount\n      unit {\n        id\n        code\n        name\n      }\n      coordinators {\n        id\n        fullName\n        email\n        role\n      }\n    }\n    staffAccounts {\n      id\n      fullName\n      role\n      unit {\n        id\n        name\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation AdminRenameClub($id: ID!, $name: String!) {\n    renameClub(id: $id, name: $name) {\n      id\n      name\n    }\n  }\n',
): (typeof documents)['\n  mutation AdminRenameClub($id: ID!, $name: String!) {\n    renameClub(id: $id, name: $name) {\n      id\n      name\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation AdminArchiveClub($id: ID!) {\n    archiveClub(id: $id) {\n      id\n      archivedAt\n    }\n  }\n',
): (typeof documents)['\n  mutation AdminArchiveClub($id: ID!) {\n    archiveClub(id: $id) {\n      id\n      archivedAt\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation AdminAssignCoordinator($input: StaffAssignmentInput!) {\n    assignCoordinator(input: $input) {\n      id\n      club {\n        id\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation AdminAssignCoordinator($input: StaffAssignmentInput!) {\n    assignCoordinator(input: $input) {\n      id\n      club {\n        id\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation AdminRemoveCoordinator($input: StaffAssignmentInput!) {\n    removeCoordinator(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation AdminRemoveCoordinator($input: StaffAssignmentInput!) {\n    removeCoordinator(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AdminClubMembers($clubId: ID!, $search: String, $after: String) {\n    clubMembers(clubId: $clubId, search: $search, first: 20, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          fullName\n          membershipNumber\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query AdminClubMembers($clubId: ID!, $search: String, $after: String) {\n    clubMembers(clubId: $clubId, search: $search, first: 20, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          fullName\n          membershipNumber\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AdminClubs($unitId: ID, $includeArchived: Boolean) {\n    managedUnits {\n      id\n      name\n      level\n    }\n    managedClubs(unitId: $unitId, includeArchived: $includeArchived) {\n      id\n      name\n      institution\n      archivedAt\n      memberCount\n      unit {\n        id\n        name\n      }\n      coordinators {\n        id\n        fullName\n      }\n    }\n  }\n',
): (typeof documents)['\n  query AdminClubs($unitId: ID, $includeArchived: Boolean) {\n    managedUnits {\n      id\n      name\n      level\n    }\n    managedClubs(unitId: $unitId, includeArchived: $includeArchived) {\n      id\n      name\n      institution\n      archivedAt\n      memberCount\n      unit {\n        id\n        name\n      }\n      coordinators {\n        id\n        fullName\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation AdminCreateClub($input: CreateClubInput!) {\n    createClub(input: $input) {\n      id\n      name\n    }\n  }\n',
): (typeof documents)['\n  mutation AdminCreateClub($input: CreateClubInput!) {\n    createClub(input: $input) {\n      id\n      name\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AdminMember($id: ID!) {\n    member(id: $id) {\n      id\n      fullName\n      membershipNumber\n      unit {\n        id\n        name\n      }\n      clubs {\n        id\n        name\n      }\n      badges {\n        id\n        awardedAt\n        revokedAt\n        revokedReason\n        badge {\n          id\n          code\n          name\n          imageUrl\n        }\n      }\n      certificate {\n        ...AdminCertificate\n      }\n    }\n  }\n',
): (typeof documents)['\n  query AdminMember($id: ID!) {\n    member(id: $id) {\n      id\n      fullName\n      membershipNumber\n      unit {\n        id\n        name\n      }\n      clubs {\n        id\n        name\n      }\n      badges {\n        id\n        awardedAt\n        revokedAt\n        revokedReason\n        badge {\n          id\n          code\n          name\n          imageUrl\n        }\n      }\n      certificate {\n        ...AdminCertificate\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation AdminRevokeBadge($id: ID!, $reason: String!) {\n    revokeBadgeAward(id: $id, reason: $reason) {\n      id\n      revokedAt\n      revokedReason\n    }\n  }\n',
): (typeof documents)['\n  mutation AdminRevokeBadge($id: ID!, $reason: String!) {\n    revokeBadgeAward(id: $id, reason: $reason) {\n      id\n      revokedAt\n      revokedReason\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n',
): (typeof documents)['\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n',
): (typeof documents)['\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query SignUpForm {\n    consentText {\n      version\n      text\n    }\n    units {\n      id\n      name\n      clubs {\n        id\n        name\n      }\n    }\n  }\n',
): (typeof documents)['\n  query SignUpForm {\n    consentText {\n      version\n      text\n    }\n    units {\n      id\n      name\n      clubs {\n        id\n        name\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      accessToken\n      member {\n        ...SessionMember\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      accessToken\n      member {\n        ...SessionMember\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token)\n  }\n',
): (typeof documents)['\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token)\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query MyClubs {\n    me {\n      id\n      unit {\n        id\n        name\n        clubs {\n          id\n          name\n          institution\n          memberCount\n        }\n      }\n      clubs {\n        id\n      }\n    }\n  }\n',
): (typeof documents)['\n  query MyClubs {\n    me {\n      id\n      unit {\n        id\n        name\n        clubs {\n          id\n          name\n          institution\n          memberCount\n        }\n      }\n      clubs {\n        id\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation JoinClub($clubId: ID!) {\n    joinClub(clubId: $clubId) {\n      id\n      clubs {\n        id\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation JoinClub($clubId: ID!) {\n    joinClub(clubId: $clubId) {\n      id\n      clubs {\n        id\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation LeaveClub($clubId: ID!) {\n    leaveClub(clubId: $clubId) {\n      id\n      clubs {\n        id\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation LeaveClub($clubId: ID!) {\n    leaveClub(clubId: $clubId) {\n      id\n      clubs {\n        id\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ConsoleClub($id: ID!) {\n    club(id: $id) {\n      id\n      name\n      institution\n      memberCount\n      unit {\n        id\n        name\n      }\n    }\n  }\n',
): (typeof documents)['\n  query ConsoleClub($id: ID!) {\n    club(id: $id) {\n      id\n      name\n      institution\n      memberCount\n      unit {\n        id\n        name\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ConsoleClubMembers($clubId: ID!, $search: String, $after: String) {\n    clubMembers(clubId: $clubId, search: $search, first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          fullName\n          membershipNumber\n          maskedContact\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query ConsoleClubMembers($clubId: ID!, $search: String, $after: String) {\n    clubMembers(clubId: $clubId, search: $search, first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          fullName\n          membershipNumber\n          maskedContact\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ConsoleEvent($id: ID!) {\n    event(id: $id) {\n      id\n      title\n      description\n      kind\n      status\n      cancelReason\n      startsAt\n      endsAt\n      timeZone\n      capacity\n      registeredCount\n      waitlistCount\n      attendedCount\n      walkIns\n      reminderOffsetsMinutes\n      unit {\n        id\n        name\n      }\n      club {\n        id\n        name\n      }\n      venue {\n        name\n        address\n        wheelchairAccessible\n        signLanguage\n      }\n    }\n  }\n',
): (typeof documents)['\n  query ConsoleEvent($id: ID!) {\n    event(id: $id) {\n      id\n      title\n      description\n      kind\n      status\n      cancelReason\n      startsAt\n      endsAt\n      timeZone\n      capacity\n      registeredCount\n      waitlistCount\n      attendedCount\n      walkIns\n      reminderOffsetsMinutes\n      unit {\n        id\n        name\n      }\n      club {\n        id\n        name\n      }\n      venue {\n        name\n        address\n        wheelchairAccessible\n        signLanguage\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ConsolePublishEvent($id: ID!) {\n    publishEvent(id: $id) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation ConsolePublishEvent($id: ID!) {\n    publishEvent(id: $id) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ConsoleCancelEvent($id: ID!, $reason: String!) {\n    cancelEvent(id: $id, reason: $reason) {\n      id\n      status\n      cancelReason\n    }\n  }\n',
): (typeof documents)['\n  mutation ConsoleCancelEvent($id: ID!, $reason: String!) {\n    cancelEvent(id: $id, reason: $reason) {\n      id\n      status\n      cancelReason\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ConsoleDeliveryLog($eventId: ID!) {\n    eventDeliveryLog(eventId: $eventId) {\n      counts {\n        channel\n        status\n        count\n      }\n      failures {\n        deliveryId\n        fullName\n        channel\n        kind\n        attempts\n        lastError\n        updatedAt\n      }\n    }\n  }\n',
): (typeof documents)['\n  query ConsoleDeliveryLog($eventId: ID!) {\n    eventDeliveryLog(eventId: $eventId) {\n      counts {\n        channel\n        status\n        count\n      }\n      failures {\n        deliveryId\n        fullName\n        channel\n        kind\n        attempts\n        lastError\n        updatedAt\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ConsoleRetryDeliveries($eventId: ID!) {\n    retryFailedDeliveries(eventId: $eventId)\n  }\n',
): (typeof documents)['\n  mutation ConsoleRetryDeliveries($eventId: ID!) {\n    retryFailedDeliveries(eventId: $eventId)\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ConsoleScope {\n    myStaffScope {\n      units {\n        id\n        name\n        level\n      }\n      clubs {\n        id\n        name\n        institution\n        memberCount\n        unit {\n          id\n          name\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query ConsoleScope {\n    myStaffScope {\n      units {\n        id\n        name\n        level\n      }\n      clubs {\n        id\n        name\n        institution\n        memberCount\n        unit {\n          id\n          name\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ConsoleEvents($filter: EventFilter!, $after: String) {\n    events(filter: $filter, first: 20, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          kind\n          status\n          startsAt\n          timeZone\n          capacity\n          registeredCount\n          waitlistCount\n          attendedCount\n          club {\n            id\n            name\n          }\n          unit {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query ConsoleEvents($filter: EventFilter!, $after: String) {\n    events(filter: $filter, first: 20, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          kind\n          status\n          startsAt\n          timeZone\n          capacity\n          registeredCount\n          waitlistCount\n          attendedCount\n          club {\n            id\n            name\n          }\n          unit {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ConsoleScopeForm {\n    myStaffScope {\n      units {\n        id\n        name\n      }\n      clubs {\n        id\n        name\n        unit {\n          id\n          name\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query ConsoleScopeForm {\n    myStaffScope {\n      units {\n        id\n        name\n      }\n      clubs {\n        id\n        name\n        unit {\n          id\n          name\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ConsoleEventForm($id: ID!) {\n    event(id: $id) {\n      id\n      title\n      description\n      kind\n      status\n      startsAt\n      endsAt\n      timeZone\n      capacity\n      reminderOffsetsMinutes\n      unit {\n        id\n        name\n      }\n      club {\n        id\n        name\n      }\n      venue {\n        name\n        address\n        wheelchairAccessible\n        signLanguage\n      }\n    }\n  }\n',
): (typeof documents)['\n  query ConsoleEventForm($id: ID!) {\n    event(id: $id) {\n      id\n      title\n      description\n      kind\n      status\n      startsAt\n      endsAt\n      timeZone\n      capacity\n      reminderOffsetsMinutes\n      unit {\n        id\n        name\n      }\n      club {\n        id\n        name\n      }\n      venue {\n        name\n        address\n        wheelchairAccessible\n        signLanguage\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ConsoleCreateEvent($input: CreateEventInput!) {\n    createEvent(input: $input) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation ConsoleCreateEvent($input: CreateEventInput!) {\n    createEvent(input: $input) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ConsoleUpdateEvent($id: ID!, $input: UpdateEventInput!) {\n    updateEvent(id: $id, input: $input) {\n      id\n      title\n      description\n      startsAt\n      endsAt\n      capacity\n      reminderOffsetsMinutes\n      venue {\n        name\n        address\n        wheelchairAccessible\n        signLanguage\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation ConsoleUpdateEvent($id: ID!, $input: UpdateEventInput!) {\n    updateEvent(id: $id, input: $input) {\n      id\n      title\n      description\n      startsAt\n      endsAt\n      capacity\n      reminderOffsetsMinutes\n      venue {\n        name\n        address\n        wheelchairAccessible\n        signLanguage\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ConsolePeople($id: ID!, $status: RegistrationStatus, $walkIn: Boolean, $after: String) {\n    event(id: $id) {\n      id\n      attendance(status: $status, walkIn: $walkIn, first: 50, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            registrationId\n            memberId\n            status\n            fullName\n            membershipNumber\n            waitlistPosition\n            checkedInAt\n            checkInMethod\n            checkedInBy\n            walkIn\n            overCapacity\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query ConsolePeople($id: ID!, $status: RegistrationStatus, $walkIn: Boolean, $after: String) {\n    event(id: $id) {\n      id\n      attendance(status: $status, walkIn: $walkIn, first: 50, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            registrationId\n            memberId\n            status\n            fullName\n            membershipNumber\n            waitlistPosition\n            checkedInAt\n            checkInMethod\n            checkedInBy\n            walkIn\n            overCapacity\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ConsoleBadges {\n    badgeClasses {\n      id\n      code\n      name\n      manual\n    }\n  }\n',
): (typeof documents)['\n  query ConsoleBadges {\n    badgeClasses {\n      id\n      code\n      name\n      manual\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ConsoleCancelRegistration($registrationId: ID!) {\n    cancelRegistration(registrationId: $registrationId) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation ConsoleCancelRegistration($registrationId: ID!) {\n    cancelRegistration(registrationId: $registrationId) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ConsoleIssueCertificate($memberId: ID!) {\n    issueCertificate(memberId: $memberId) {\n      id\n      number\n      status\n      expiresAt\n    }\n  }\n',
): (typeof documents)['\n  mutation ConsoleIssueCertificate($memberId: ID!) {\n    issueCertificate(memberId: $memberId) {\n      id\n      number\n      status\n      expiresAt\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ConsoleAwardBadge($memberId: ID!, $badgeCode: String!) {\n    awardBadge(memberId: $memberId, badgeCode: $badgeCode) {\n      id\n      badge {\n        id\n        name\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation ConsoleAwardBadge($memberId: ID!, $badgeCode: String!) {\n    awardBadge(memberId: $memberId, badgeCode: $badgeCode) {\n      id\n      badge {\n        id\n        name\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query DashboardEngagement($current: EngagementFilter!, $previous: EngagementFilter!) {\n    current: engagement(filter: $current) {\n      from\n      to\n      computedAt\n      summary\n      members\n      activeMembers\n      events\n      registrations\n      attendances\n      uniqueParticipants\n      attendanceRate\n      firstTimeVoters {\n        members\n        activeMembers\n      }\n      byUnit {\n        unit {\n          id\n          code\n          name\n        }\n        members\n        activeMembers\n        events\n        registrations\n        attendances\n        uniqueParticipants\n      }\n      byMonth {\n        month\n        newMembers\n        events\n        registrations\n        attendances\n        uniqueParticipants\n      }\n      byClub {\n        club {\n          id\n          name\n          unit {\n            id\n            name\n          }\n        }\n        members\n        events\n        registrations\n        attendances\n        uniqueParticipants\n        noShows\n        noShowRate\n      }\n      byAgeBand {\n        band\n        members\n        activeMembers\n        attendances\n        uniqueParticipants\n      }\n      byKind {\n        kind\n        events\n        registrations\n        attendances\n        uniqueParticipants\n      }\n      funnel {\n        registrations\n        attendances\n        badges\n        registeredMembers\n        attendedMembers\n        badgedMembers\n      }\n      retention {\n        participants\n        returning\n        rate\n      }\n    }\n    previous: engagement(filter: $previous) {\n      from\n      to\n      members\n      activeMembers\n      events\n      registrations\n      attendances\n      uniqueParticipants\n      attendanceRate\n      firstTimeVoters {\n        activeMembers\n      }\n      byClub {\n        club {\n          id\n        }\n        members\n        events\n        registrations\n        attendances\n        uniqueParticipants\n        noShows\n        noShowRate\n      }\n    }\n  }\n',
): (typeof documents)['\n  query DashboardEngagement($current: EngagementFilter!, $previous: EngagementFilter!) {\n    current: engagement(filter: $current) {\n      from\n      to\n      computedAt\n      summary\n      members\n      activeMembers\n      events\n      registrations\n      attendances\n      uniqueParticipants\n      attendanceRate\n      firstTimeVoters {\n        members\n        activeMembers\n      }\n      byUnit {\n        unit {\n          id\n          code\n          name\n        }\n        members\n        activeMembers\n        events\n        registrations\n        attendances\n        uniqueParticipants\n      }\n      byMonth {\n        month\n        newMembers\n        events\n        registrations\n        attendances\n        uniqueParticipants\n      }\n      byClub {\n        club {\n          id\n          name\n          unit {\n            id\n            name\n          }\n        }\n        members\n        events\n        registrations\n        attendances\n        uniqueParticipants\n        noShows\n        noShowRate\n      }\n      byAgeBand {\n        band\n        members\n        activeMembers\n        attendances\n        uniqueParticipants\n      }\n      byKind {\n        kind\n        events\n        registrations\n        attendances\n        uniqueParticipants\n      }\n      funnel {\n        registrations\n        attendances\n        badges\n        registeredMembers\n        attendedMembers\n        badgedMembers\n      }\n      retention {\n        participants\n        returning\n        rate\n      }\n    }\n    previous: engagement(filter: $previous) {\n      from\n      to\n      members\n      activeMembers\n      events\n      registrations\n      attendances\n      uniqueParticipants\n      attendanceRate\n      firstTimeVoters {\n        activeMembers\n      }\n      byClub {\n        club {\n          id\n        }\n        members\n        events\n        registrations\n        attendances\n        uniqueParticipants\n        noShows\n        noShowRate\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query DashboardUnits {\n    units {\n      id\n      code\n      name\n      level\n    }\n  }\n',
): (typeof documents)['\n  query DashboardUnits {\n    units {\n      id\n      code\n      name\n      level\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment EventSummary on PublicEvent {\n    id\n    title\n    kind\n    startsAt\n    timeZone\n    capacity\n    seatsLeft\n    clubName\n    unit {\n      id\n      name\n    }\n    venue {\n      name\n      address\n      wheelchairAccessible\n      signLanguage\n    }\n  }\n',
): (typeof documents)['\n  fragment EventSummary on PublicEvent {\n    id\n    title\n    kind\n    startsAt\n    timeZone\n    capacity\n    seatsLeft\n    clubName\n    unit {\n      id\n      name\n    }\n    venue {\n      name\n      address\n      wheelchairAccessible\n      signLanguage\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PublicEvent($id: ID!) {\n    publicEvent(id: $id) {\n      ...EventSummary\n      description\n      endsAt\n      icsUrl\n    }\n  }\n',
): (typeof documents)['\n  query PublicEvent($id: ID!) {\n    publicEvent(id: $id) {\n      ...EventSummary\n      description\n      endsAt\n      icsUrl\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PublicEvents($filter: PublicEventFilter, $first: Int, $after: String) {\n    publicEvents(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...EventSummary\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query PublicEvents($filter: PublicEventFilter, $first: Int, $after: String) {\n    publicEvents(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...EventSummary\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Units {\n    units {\n      id\n      name\n      level\n    }\n  }\n',
): (typeof documents)['\n  query Units {\n    units {\n      id\n      name\n      level\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query MyNotifications($first: Int) {\n    notifications(first: $first) {\n      totalCount\n      unreadCount\n      pageInfo {\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          kind\n          title\n          body\n          createdAt\n          readAt\n          event {\n            id\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query MyNotifications($first: Int) {\n    notifications(first: $first) {\n      totalCount\n      unreadCount\n      pageInfo {\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          kind\n          title\n          body\n          createdAt\n          readAt\n          event {\n            id\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n',
): (typeof documents)['\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query UnreadCount {\n    notifications(first: 1) {\n      unreadCount\n    }\n  }\n',
): (typeof documents)['\n  query UnreadCount {\n    notifications(first: 1) {\n      unreadCount\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query MyEvents {\n    me {\n      id\n      calendarFeedUrl\n      registrations(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            status\n            waitlistPosition\n            checkInCode\n            event {\n              id\n              title\n              kind\n              status\n              startsAt\n              endsAt\n              timeZone\n              icsUrl\n              venue {\n                name\n                address\n              }\n              unit {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query MyEvents {\n    me {\n      id\n      calendarFeedUrl\n      registrations(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            status\n            waitlistPosition\n            checkInCode\n            event {\n              id\n              title\n              kind\n              status\n              startsAt\n              endsAt\n              timeZone\n              icsUrl\n              venue {\n                name\n                address\n              }\n              unit {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query EventRegistration($id: ID!) {\n    event(id: $id) {\n      id\n      status\n      capacity\n      registeredCount\n      endsAt\n      myRegistration {\n        id\n        status\n        waitlistPosition\n      }\n    }\n  }\n',
): (typeof documents)['\n  query EventRegistration($id: ID!) {\n    event(id: $id) {\n      id\n      status\n      capacity\n      registeredCount\n      endsAt\n      myRegistration {\n        id\n        status\n        waitlistPosition\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RegisterForEvent($eventId: ID!) {\n    registerForEvent(eventId: $eventId) {\n      id\n      status\n      waitlistPosition\n    }\n  }\n',
): (typeof documents)['\n  mutation RegisterForEvent($eventId: ID!) {\n    registerForEvent(eventId: $eventId) {\n      id\n      status\n      waitlistPosition\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CancelRegistration($registrationId: ID!) {\n    cancelRegistration(registrationId: $registrationId) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation CancelRegistration($registrationId: ID!) {\n    cancelRegistration(registrationId: $registrationId) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ScannerEvent($id: ID!) {\n    event(id: $id) {\n      id\n      title\n      status\n      startsAt\n      endsAt\n      timeZone\n      capacity\n      registeredCount\n      attendedCount\n      walkIns\n    }\n  }\n',
): (typeof documents)['\n  query ScannerEvent($id: ID!) {\n    event(id: $id) {\n      id\n      title\n      status\n      startsAt\n      endsAt\n      timeZone\n      capacity\n      registeredCount\n      attendedCount\n      walkIns\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ScannerWalkIn($eventId: ID!, $emailOrPhone: String!) {\n    walkIn(eventId: $eventId, emailOrPhone: $emailOrPhone) {\n      registrationId\n      fullName\n      membershipNumber\n      alreadyCheckedIn\n      overCapacity\n      checkedInAt\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation ScannerWalkIn($eventId: ID!, $emailOrPhone: String!) {\n    walkIn(eventId: $eventId, emailOrPhone: $emailOrPhone) {\n      registrationId\n      fullName\n      membershipNumber\n      alreadyCheckedIn\n      overCapacity\n      checkedInAt\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ScannerSync($eventId: ID!, $scans: [OfflineScanInput!]!) {\n    syncCheckIns(eventId: $eventId, scans: $scans) {\n      scanId\n      outcome\n      message\n      registration {\n        id\n        checkedInAt\n        member {\n          id\n          fullName\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation ScannerSync($eventId: ID!, $scans: [OfflineScanInput!]!) {\n    syncCheckIns(eventId: $eventId, scans: $scans) {\n      scanId\n      outcome\n      message\n      registration {\n        id\n        checkedInAt\n        member {\n          id\n          fullName\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment SessionMember on Member {\n    id\n    fullName\n    role\n    locale\n    timeZone\n  }\n',
): (typeof documents)['\n  fragment SessionMember on Member {\n    id\n    fullName\n    role\n    locale\n    timeZone\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      accessToken\n      member {\n        ...SessionMember\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      accessToken\n      member {\n        ...SessionMember\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation Refresh {\n    refreshToken {\n      accessToken\n      member {\n        ...SessionMember\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation Refresh {\n    refreshToken {\n      accessToken\n      member {\n        ...SessionMember\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation Logout {\n    logout\n  }\n',
): (typeof documents)['\n  mutation Logout {\n    logout\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SaveLocale($locale: Locale!) {\n    updateMe(input: { locale: $locale }) {\n      id\n      locale\n    }\n  }\n',
): (typeof documents)['\n  mutation SaveLocale($locale: Locale!) {\n    updateMe(input: { locale: $locale }) {\n      id\n      locale\n    }\n  }\n'];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> =
  TDocumentNode extends DocumentNode<infer TType, any> ? TType : never;
