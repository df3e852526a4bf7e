/**
 * The job catalogue: every queue, job name and payload in one place. Payloads carry ids only;
 * job ids are deterministic business keys (BullMQ ids may not contain ':').
 */
export const QUEUES = {
  maintenance: 'maintenance',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const JOBS = {
  purgeExpiredSessions: 'purge-expired-sessions',
  completeEndedEvents: 'complete-ended-events',
} as const;

export interface JobPayloads {
  [JOBS.purgeExpiredSessions]: Record<string, never>;
  [JOBS.completeEndedEvents]: Record<string, never>;
}

/** Repeatable jobs the worker schedules at boot (BullMQ job schedulers, idempotent by id). */
export const SCHEDULES = [
  {
    queue: QUEUES.maintenance,
    job: JOBS.purgeExpiredSessions,
    schedulerId: 'purge-expired-sessions-hourly',
    everyMs: 60 * 60 * 1000,
  },
] as const;
