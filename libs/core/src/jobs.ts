/**
 * The job catalogue: every queue, job name and payload in one place. Payloads carry ids only;
 * job ids are deterministic business keys (BullMQ ids may not contain ':').
 */
export const QUEUES = {
  maintenance: 'maintenance',
  /** outbox rows (dispatch) and reminders, turned into notifications and deliveries */
  notifications: 'notifications',
  /** one queue per provider, each with its own BullMQ rate limiter */
  email: 'email',
  sms: 'sms',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const JOBS = {
  purgeExpiredSessions: 'purge-expired-sessions',
  completeEndedEvents: 'complete-ended-events',
  requeueStaleDeliveries: 'requeue-stale-deliveries',
  /** jobId = the outbox row id */
  dispatch: 'dispatch',
  /**
   * jobId = reminderJobId(registrationId, offsetMinutes, startsAt): one registration's reminder, as
   * scheduled before reminders were planned per event; still handled for jobs queued then
   */
  reminder: 'reminder',
  /**
   * jobId = eventRemindersJobId(eventId, offsetMinutes, startsAt, runAt): every reminder of one
   * event for one offset, planned in set-based statements when it falls due
   */
  planReminders: 'plan-reminders',
  /**
   * jobId = the delivery id: one delivery sent on its own, as before deliveries were claimed in
   * batches by the delivery pump; still handled for jobs queued then
   */
  deliver: 'deliver',
  /** on the notifications queue; jobId = badgesJobId(memberId) */
  evaluateBadges: 'evaluate-badges',
  /**
   * on the notifications queue; jobId = credentialsErasureJobId(memberId): a member who withdrew
   * consent has their certificates and badge awards revoked and erased
   */
  eraseCredentials: 'erase-credentials',
  /** members whose membership anniversary passed get their memberForDays badges */
  evaluateBadgeAnniversaries: 'evaluate-badge-anniversaries',
  /** the up-to-now engagement questions asked lately, answered again for the new minute */
  refreshEngagement: 'refresh-engagement',
} as const;

/** One pending badge evaluation per member: attendances arriving together share it. */
export function badgesJobId(memberId: string): string {
  return `badges-${memberId}`;
}

/** One erasure per member: a follow-up run twice adds no second job while the first waits. */
export function credentialsErasureJobId(memberId: string): string {
  return `erase-credentials-${memberId}`;
}

/** Deterministic: the same registration, offset and start time always name the same job. */
export function reminderJobId(registrationId: string, offsetMinutes: number, startsAt: Date): string {
  return `reminder-${registrationId}-${offsetMinutes}-${startsAt.getTime()}`;
}

/**
 * Deterministic: one job per event, offset, start time and run time. The run time is the due time,
 * or earlier when quiet hours move some members' SMS to the evening before; members in the same
 * zone share it, so an event has one or two such jobs per offset, not one per registration.
 */
export function eventRemindersJobId(
  eventId: string,
  offsetMinutes: number,
  startsAt: Date,
  runAt: Date,
): string {
  return `reminders-${eventId}-${offsetMinutes}-${startsAt.getTime()}-${runAt.getTime()}`;
}

export interface JobPayloads {
  [JOBS.purgeExpiredSessions]: Record<string, never>;
  [JOBS.completeEndedEvents]: Record<string, never>;
  [JOBS.requeueStaleDeliveries]: Record<string, never>;
  [JOBS.dispatch]: { outboxId: string };
  [JOBS.reminder]: { registrationId: string; offsetMinutes: number; startsAt: string };
  [JOBS.planReminders]: { eventId: string; offsetMinutes: number; startsAt: string };
  [JOBS.deliver]: { deliveryId: string };
  [JOBS.evaluateBadges]: { memberId: string };
  [JOBS.eraseCredentials]: { memberId: string };
  [JOBS.evaluateBadgeAnniversaries]: Record<string, never>;
  [JOBS.refreshEngagement]: Record<string, never>;
}

/** Repeatable jobs the worker schedules at boot (BullMQ job schedulers, idempotent by id). */
export const SCHEDULES = [
  {
    queue: QUEUES.maintenance,
    job: JOBS.purgeExpiredSessions,
    schedulerId: 'purge-expired-sessions-hourly',
    everyMs: 60 * 60 * 1000,
  },
  // ended events become COMPLETED and their unscanned registrations NO_SHOW within a minute
  {
    queue: QUEUES.maintenance,
    job: JOBS.completeEndedEvents,
    schedulerId: 'complete-ended-events-minutely',
    everyMs: 60 * 1000,
  },
  // how many deliveries are overdue by more than a minute (the delivery pump's backlog), logged
  {
    queue: QUEUES.maintenance,
    job: JOBS.requeueStaleDeliveries,
    schedulerId: 'requeue-stale-deliveries-minutely',
    everyMs: 60 * 1000,
  },
  // memberForDays badges (one-year) for members whose anniversary passed
  {
    queue: QUEUES.maintenance,
    job: JOBS.evaluateBadgeAnniversaries,
    schedulerId: 'evaluate-badge-anniversaries-daily',
    everyMs: 24 * 60 * 60 * 1000,
  },
  // engagement dashboards open lately get their next minute's answer computed ahead
  {
    queue: QUEUES.maintenance,
    job: JOBS.refreshEngagement,
    schedulerId: 'refresh-engagement-minutely',
    everyMs: 60 * 1000,
  },
] as const;
