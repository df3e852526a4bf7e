import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@yvc/core';
import { REDIS } from '@yvc/database';
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { EngagementScope } from './engagement-scope';

/** An up-to-now engagement question someone asked recently: its scope and its `from` (null: the default). */
export interface HotQuestion {
  scope: EngagementScope;
  from: Date | null;
}

interface Stored {
  scope: Omit<EngagementScope, 'bucketOf'> & { bucketOf: Array<[string, string]> };
  from: string | null;
}

/**
 * The up-to-now questions (no `to`) asked in the last ENGAGEMENT_REFRESH_MINUTES, kept in Redis: a
 * sorted set of question ids by last asked time, and each question's scope and `from` under its
 * own key (expiring with it). The worker answers them again at the start of every minute.
 */
@Injectable()
export class HotQuestions {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get minutes(): number {
    return this.config.ENGAGEMENT_REFRESH_MINUTES;
  }

  private key(suffix: string): string {
    return `${this.config.REDIS_PREFIX}:engagement:${suffix}`;
  }

  /** Notes that `scope` was asked about up to now (refreshed every time it is asked). */
  async remember(scope: EngagementScope, from: Date | null, now: Date): Promise<void> {
    if (this.minutes <= 0) return;
    const id = createHash('sha256')
      .update(`${scope.key}|${from?.toISOString() ?? 'default'}`)
      .digest('base64url');
    const stored: Stored = {
      scope: { ...scope, bucketOf: [...scope.bucketOf] },
      from: from?.toISOString() ?? null,
    };
    await this.redis
      .multi()
      .set(this.key(`question:${id}`), JSON.stringify(stored), 'EX', this.minutes * 60)
      .zadd(this.key('hot'), now.getTime(), id)
      .exec();
  }

  /** The questions asked within the last ENGAGEMENT_REFRESH_MINUTES (older ones are dropped). */
  async recent(now: Date): Promise<HotQuestion[]> {
    if (this.minutes <= 0) return [];
    const hot = this.key('hot');
    await this.redis.zremrangebyscore(hot, '-inf', now.getTime() - this.minutes * 60_000);
    const ids = await this.redis.zrange(hot, 0, -1);
    if (!ids.length) return [];
    const values = await this.redis.mget(ids.map((id) => this.key(`question:${id}`)));
    return values.flatMap((v) => {
      if (!v) return [];
      const s = JSON.parse(v) as Stored;
      return [
        {
          scope: { ...s.scope, bucketOf: new Map(s.scope.bucketOf) },
          from: s.from ? new Date(s.from) : null,
        },
      ];
    });
  }
}
