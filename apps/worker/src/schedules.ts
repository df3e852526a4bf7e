import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { QUEUES, SCHEDULES } from '@yvc/core';
import { Queue } from 'bullmq';

/** Registers the repeatable jobs; upsertJobScheduler is idempotent, so every worker may do it. */
@Injectable()
export class Schedules implements OnApplicationBootstrap {
  constructor(@InjectQueue(QUEUES.maintenance) private readonly maintenance: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const s of SCHEDULES) {
      await this.maintenance.upsertJobScheduler(
        s.schedulerId,
        { every: s.everyMs },
        { name: s.job, data: {} },
      );
    }
  }
}
