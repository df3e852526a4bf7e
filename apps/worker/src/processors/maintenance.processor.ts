import { Processor, WorkerHost } from '@nestjs/bullmq';
import { EngagementService } from '@yvc/analytics';
import { JOBS, QUEUES } from '@yvc/core';
import { BadgesService } from '@yvc/credentials';
import { EventsService } from '@yvc/events';
import { NotificationPlanner } from '@yvc/notifications';
import { AuthService } from '@yvc/identity';
import { Job } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';

@Processor(QUEUES.maintenance)
export class MaintenanceProcessor extends WorkerHost {
  constructor(
    private readonly auth: AuthService,
    private readonly events: EventsService,
    private readonly planner: NotificationPlanner,
    private readonly badges: BadgesService,
    private readonly engagement: EngagementService,
    private readonly log: PinoLogger,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JOBS.purgeExpiredSessions: {
        const result = await this.auth.purgeExpired();
        this.log.info({ jobId: job.id, ...result }, 'purged expired sessions');
        return result;
      }
      case JOBS.completeEndedEvents: {
        const result = await this.events.completeEnded();
        if (result.events) this.log.info({ jobId: job.id, ...result }, 'completed ended events');
        return result;
      }
      case JOBS.evaluateBadgeAnniversaries: {
        const awarded = await this.badges.evaluateAnniversaries();
        if (awarded) this.log.info({ jobId: job.id, awarded }, 'awarded anniversary badges');
        return { awarded };
      }
      case JOBS.requeueStaleDeliveries: {
        // nothing to requeue since the delivery pump claims due rows itself: the backlog is reported
        const overdue = await this.planner.overdue();
        if (overdue) this.log.warn({ jobId: job.id, overdue }, 'deliveries overdue by more than a minute');
        return { overdue };
      }
      case JOBS.refreshEngagement: {
        const result = await this.engagement.refreshHot();
        if (result.overlapped)
          this.log.info({ jobId: job.id }, 'engagement refresh skipped: a round is running');
        else if (result.failed || result.skipped)
          this.log.warn(
            { jobId: job.id, ...result },
            'some engagement answers failed or were left for later',
          );
        else if (result.computed) this.log.info({ jobId: job.id, ...result }, 'refreshed engagement answers');
        return result;
      }
      default:
        throw new Error(`unknown job ${job.name} on ${QUEUES.maintenance}`);
    }
  }
}
