import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig, JOBS, JobPayloads, QUEUES } from '@yvc/core';
import { BadgesService, CertificatesService } from '@yvc/credentials';
import { redisOptions } from '@yvc/database';
import {
  DeliveryPump,
  DeliveryService,
  NotificationPlanner,
  OutboxRelay,
  PermanentDeliveryError,
} from '@yvc/notifications';
import { DelayedError, Job, QueueOptions, UnrecoverableError, Worker } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';

/**
 * The notification pipeline's workers: `notifications` (outbox dispatch, due reminders planned per
 * event), the delivery pump (batches of due deliveries per channel, rate-limited per provider), and
 * the outbox relay loop. The `email` and `sms` queues only drain `deliver` jobs queued before the
 * pump existed. On shutdown the workers finish their running jobs (Worker.close waits) and the pump
 * its batches before the process exits.
 */
@Injectable()
export class QueueWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private workers: Worker[] = [];
  private relayTimer?: NodeJS.Timeout;
  private stopping = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly planner: NotificationPlanner,
    private readonly relay: OutboxRelay,
    private readonly deliveries: DeliveryService,
    private readonly pump: DeliveryPump,
    private readonly badges: BadgesService,
    private readonly certificates: CertificatesService,
    private readonly log: PinoLogger,
  ) {}

  onApplicationBootstrap(): void {
    const c = this.config;
    const base = {
      connection: redisOptions(c.REDIS_URL) as QueueOptions['connection'],
      prefix: `${c.REDIS_PREFIX}:bull`,
      lockDuration: c.QUEUE_LOCK_MS,
      stalledInterval: c.QUEUE_LOCK_MS,
    };
    this.workers = [
      new Worker(QUEUES.notifications, (job) => this.notification(job), { ...base, concurrency: 10 }),
      new Worker(QUEUES.email, (job, token) => this.deliver(job, token), {
        ...base,
        concurrency: 10,
        limiter: { max: c.EMAIL_RATE_PER_SECOND, duration: 1000 },
      }),
      new Worker(QUEUES.sms, (job, token) => this.deliver(job, token), {
        ...base,
        concurrency: 10,
        limiter: { max: c.SMS_RATE_PER_SECOND, duration: 1000 },
      }),
    ];
    for (const w of this.workers)
      w.on('error', (err) => this.log.warn({ queue: w.name, err: err.message }, 'queue worker error'));
    if (c.OUTBOX_RELAY === 'on') this.scheduleRelay(0);
    if (c.DELIVERY_PUMP === 'on')
      this.pump.start((channel, err) =>
        this.log.warn({ channel, err: err.message }, 'delivery pump paused after an error'),
      );
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.relayTimer);
    await Promise.all([...this.workers.map((w) => w.close()), this.pump.stop()]);
  }

  private scheduleRelay(delay: number): void {
    if (this.stopping) return;
    // relayOnce catches what drain() throws, so the promise it returns never rejects
    this.relayTimer = setTimeout(() => void this.relayOnce(), delay);
  }

  private async relayOnce(): Promise<void> {
    let next = this.config.OUTBOX_POLL_MS;
    try {
      if ((await this.relay.drain()) > 0) next = 0;
    } catch (err) {
      // Redis or PostgreSQL unavailable: the rows stay in the outbox and go on the next try
      this.log.warn({ err: (err as Error).message }, 'outbox relay paused');
      next = Math.max(1000, this.config.OUTBOX_POLL_MS);
    }
    this.scheduleRelay(next);
  }

  private async notification(job: Job): Promise<unknown> {
    switch (job.name) {
      case JOBS.dispatch:
        return this.planner.dispatch((job.data as JobPayloads['dispatch']).outboxId);
      case JOBS.reminder: {
        const d = job.data as JobPayloads['reminder'];
        return this.planner.remind(d.registrationId, d.offsetMinutes, d.startsAt);
      }
      case JOBS.planReminders: {
        const d = job.data as JobPayloads['plan-reminders'];
        return this.planner.planEventReminders(d.eventId, d.offsetMinutes, d.startsAt);
      }
      case JOBS.eraseCredentials: {
        const { memberId } = job.data as JobPayloads['erase-credentials'];
        const certificates = await this.certificates.eraseForWithdrawnMember(memberId);
        const badges = await this.badges.eraseForWithdrawnMember(memberId);
        return { certificates, badges };
      }
      case JOBS.evaluateBadges: {
        const awarded = await this.badges.evaluate((job.data as JobPayloads['evaluate-badges']).memberId);
        return { awarded: awarded.length };
      }
      default:
        throw new UnrecoverableError(`unknown job ${job.name}`);
    }
  }

  private async deliver(job: Job, token?: string): Promise<unknown> {
    const { deliveryId } = job.data as JobPayloads['deliver'];
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    try {
      const result = await this.deliveries.deliver(deliveryId, lastAttempt);
      if (typeof result === 'object') {
        await job.moveToDelayed(Math.max(Date.now() + 100, result.heldUntil.getTime() + 100), token);
        throw new DelayedError();
      }
      return result;
    } catch (err) {
      if (err instanceof PermanentDeliveryError) throw new UnrecoverableError(err.message);
      throw err;
    }
  }
}
