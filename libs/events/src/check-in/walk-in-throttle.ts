import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@yvc/core';
import { REDIS, RateLimit } from '@yvc/database';
import type Redis from 'ioredis';

/**
 * Walk-in look-ups per staff account, in one-hour windows (WALK_IN_LOOKUPS_PER_HOUR). Every
 * look-up counts, found or not, and is counted (an atomic increment in Redis) before the members
 * table is read, so concurrent requests cannot get more look-ups than the limit.
 */
@Injectable()
export class WalkInThrottle {
  private readonly byStaff: RateLimit;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    this.byStaff = new RateLimit(
      redis,
      config.REDIS_PREFIX,
      'walk-in:staff',
      config.WALK_IN_LOOKUPS_PER_HOUR,
      3600,
    );
  }

  /** Reserves one look-up for `staffId`; throws RATE_LIMITED (with retry-after) past the limit. */
  reserve(staffId: string): Promise<void> {
    return this.byStaff.consume(staffId);
  }
}
