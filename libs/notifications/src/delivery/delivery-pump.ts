import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@yvc/core';
import { REDIS } from '@yvc/database';
import type Redis from 'ioredis';
import { DeliveryChannel } from './delivery.entity';
import { DeliveryService } from './delivery.service';
import { DeliverySignal } from './delivery-signal';

/**
 * The per-provider limits (EMAIL_RATE_PER_SECOND, SMS_RATE_PER_SECOND), shared by every worker: a
 * counter per channel and second in Redis. A batch reserves its size before it claims, and gives
 * back what it did not claim, so the limit holds across processes without idle polls eating it.
 */
class ProviderRate {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly channel: DeliveryChannel,
    private readonly perSecond: number,
  ) {}

  /** Reserves up to `want` sends in the current second; 0 = wait for the next one. */
  async reserve(want: number): Promise<{ granted: number; window: string }> {
    const window = `${this.prefix}:delivery-rate:${this.channel}:${Math.floor(Date.now() / 1000)}`;
    const [[, used]] = (await this.redis.multi().incrby(window, want).pexpire(window, 2000).exec()) as [
      [Error | null, number],
    ];
    const granted = Math.max(0, Math.min(want, this.perSecond - (used - want)));
    if (granted < want) await this.redis.decrby(window, want - granted);
    return { granted, window };
  }

  async giveBack(window: string, unused: number): Promise<void> {
    if (unused > 0) await this.redis.decrby(window, unused);
  }
}

/**
 * Sends due deliveries: per channel, DELIVERY_BATCHES_IN_FLIGHT loops each claim a batch of up to
 * DELIVERY_BATCH_SIZE (DeliveryService.deliverBatch), send it, record it, and go again at once
 * while batches come back full; otherwise they wait for the next poll or for the planner of this
 * process to signal new deliveries. Runs in the worker only (start/stop).
 */
@Injectable()
export class DeliveryPump {
  private running = false;
  private loops: Promise<void>[] = [];
  private wakers = new Set<() => void>();
  private unlisten?: () => void;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly deliveries: DeliveryService,
    private readonly signal: DeliverySignal,
  ) {}

  start(onError: (channel: DeliveryChannel, err: Error) => void): void {
    if (this.running) return;
    this.running = true;
    this.unlisten = this.signal.listen(() => this.wakeAll());
    const c = this.config;
    const rates = {
      [DeliveryChannel.EMAIL]: new ProviderRate(
        this.redis,
        c.REDIS_PREFIX,
        DeliveryChannel.EMAIL,
        c.EMAIL_RATE_PER_SECOND,
      ),
      [DeliveryChannel.SMS]: new ProviderRate(
        this.redis,
        c.REDIS_PREFIX,
        DeliveryChannel.SMS,
        c.SMS_RATE_PER_SECOND,
      ),
    };
    for (const channel of [DeliveryChannel.EMAIL, DeliveryChannel.SMS])
      for (let i = 0; i < c.DELIVERY_BATCHES_IN_FLIGHT; i++)
        this.loops.push(this.loop(channel, rates[channel], onError));
  }

  /** Lets the batches in flight finish (their outcomes recorded), then returns. */
  async stop(): Promise<void> {
    this.running = false;
    this.unlisten?.();
    this.wakeAll();
    await Promise.all(this.loops);
    this.loops = [];
  }

  private wakeAll(): void {
    for (const wake of [...this.wakers]) wake();
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakers.add(done);
    });
  }

  private async loop(
    channel: DeliveryChannel,
    rate: ProviderRate,
    onError: (channel: DeliveryChannel, err: Error) => void,
  ): Promise<void> {
    const size = this.config.DELIVERY_BATCH_SIZE;
    while (this.running) {
      let claimed = 0;
      try {
        const { granted, window } = await rate.reserve(size);
        if (granted === 0) {
          // the provider's limit for this second is used up: sleep to the next second
          await new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000) + 5));
          continue;
        }
        claimed = await this.deliveries.deliverBatch(channel, granted);
        await rate.giveBack(window, granted - claimed);
        if (claimed >= granted) continue;
      } catch (err) {
        // PostgreSQL or Redis unavailable: the rows wait (a claim's lease runs out) and go later
        onError(channel, err as Error);
        await this.pause(Math.max(1000, this.config.DELIVERY_POLL_MS));
        continue;
      }
      if (this.running) await this.pause(this.config.DELIVERY_POLL_MS);
    }
  }
}
