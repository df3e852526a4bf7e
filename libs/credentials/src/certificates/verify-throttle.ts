import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@yvc/core';
import { REDIS, RateLimit } from '@yvc/database';
import type Redis from 'ioredis';

/** Public certificate checks per IP, in a one-minute window (GraphQL and the /verify page together). */
@Injectable()
export class VerifyThrottle {
  private readonly byIp: RateLimit;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    this.byIp = new RateLimit(
      redis,
      config.REDIS_PREFIX,
      'certificate-verify:ip',
      config.CERTIFICATE_VERIFY_PER_MINUTE,
      60,
    );
  }

  /** Counts one check; throws RATE_LIMITED (with retry-after) past the limit. */
  consume(ip: string): Promise<void> {
    return this.byIp.consume(ip);
  }
}
