import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JOBS, QUEUES } from '@yvc/core';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';

export const RELAY_BATCH = 500;
/**
 * Dispatch jobs wait behind the other jobs of the notifications queue (BullMQ runs jobs without a
 * priority first): a reminder plan that falls due during a storm of registrations runs at once
 * instead of after the whole backlog, and so never comes too late.
 */
export const DISPATCH_PRIORITY = 10;
const ADD_TIMEOUT_MS = 5_000;

/**
 * Moves outbox rows into BullMQ (jobId = the row's id). Rows are taken with FOR UPDATE SKIP
 * LOCKED, so several relays can run; a row is marked dispatched only in the transaction that
 * enqueued it, so when Redis is down nothing is lost: the rows wait and flow when it returns.
 * A row enqueued twice (a crash after addBulk, before commit) is one job: the id is the same.
 */
@Injectable()
export class OutboxRelay {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.notifications) private readonly queue: Queue,
  ) {}

  /** Relays one batch; returns how many rows went (0 when there was nothing to do). */
  async relayOnce(batch = RELAY_BATCH): Promise<number> {
    return this.db.transaction(async (em) => {
      const rows: Array<{ id: string }> = await em.query(
        `SELECT id FROM notification_outbox WHERE dispatched_at IS NULL ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [batch],
      );
      if (!rows.length) return 0;
      const add = this.queue.addBulk(
        rows.map((r) => ({
          name: JOBS.dispatch,
          data: { outboxId: r.id },
          opts: { jobId: r.id, priority: DISPATCH_PRIORITY },
        })),
      );
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('redis did not accept the jobs in time')), ADD_TIMEOUT_MS);
      });
      try {
        await Promise.race([add, timeout]);
      } finally {
        clearTimeout(timer);
      }
      await em.query(`UPDATE notification_outbox SET dispatched_at = now() WHERE id = ANY($1::uuid[])`, [
        rows.map((r) => r.id),
      ]);
      return rows.length;
    });
  }

  /** Relays until the outbox is empty (or a batch fails). */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.relayOnce();
      total += n;
      if (n < RELAY_BATCH) return total;
    }
  }
}
