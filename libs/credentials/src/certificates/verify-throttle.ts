import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, rateLimited } from '@yvc/core';
import { REDIS } from '@yvc/database';
import type Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

/** Public certificate checks per IP, in a one-minute window (GraphQL and the /verify page together). */
@Injectable()
export class VerifyThrottle {
  private readonly byIp: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    this.byIp = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${config.REDIS_PREFIX}:certificate-verify:ip`,
      points: config.CERTIFICATE_VERIFY_PER_MINUTE,
      duration: 60,
    });
  }

  /** Counts one check; throws RATE_LIMITED (with retry-after) past the limit. */
  async consume(ip: string): Promise<void> {
    try {
      await this.byIp.consume(ip || 'unknown');
    } catch (e) {
      if (e instanceof RateLimiterRes) throw rateLimited(e.msBeforeNext / 1000);
      throw e;
    }
  }
}
