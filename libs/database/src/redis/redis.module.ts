import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@yvc/core';
import type { QueueOptions } from 'bullmq';
import Redis, { RedisOptions } from 'ioredis';

export const REDIS = Symbol('REDIS');

/** Opens the shared ioredis connection (commands only; BullMQ opens its own). */
export function createRedis(url: string, extra: Record<string, unknown> = {}): Redis {
  return new Redis(url, { lazyConnect: false, enableOfflineQueue: true, maxRetriesPerRequest: 3, ...extra });
}

/**
 * BullMQ loses jobs when Redis evicts keys under memory pressure, so the processes refuse to start
 * unless maxmemory-policy is noeviction.
 */
export async function assertRedisNoEviction(redis: Redis): Promise<void> {
  const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
  const policy = reply?.[1];
  if (policy && policy !== 'noeviction') {
    throw new Error(
      `Redis maxmemory-policy is "${policy}"; it must be "noeviction" or queued jobs can be lost. ` +
        'Fix: redis-cli CONFIG SET maxmemory-policy noeviction (and set it in redis.conf).',
    );
  }
}

@Global()
@Module({
  providers: [
    { provide: REDIS, inject: [APP_CONFIG], useFactory: (c: AppConfig) => createRedis(c.REDIS_URL) },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/**
 * ioredis options from a redis:// URL. BullMQ gets options, not a client: it then owns (and on
 * close, closes) the connections it makes.
 */
export function redisOptions(url: string): RedisOptions {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

/** BullMQ settings shared by the api (producers, dashboard) and the worker. */
export function bullRootOptions(c: AppConfig): QueueOptions {
  return {
    connection: redisOptions(c.REDIS_URL) as QueueOptions['connection'],
    prefix: `${c.REDIS_PREFIX}:bull`,
    defaultJobOptions: {
      attempts: c.DELIVERY_ATTEMPTS,
      backoff: { type: 'exponential', delay: c.DELIVERY_BACKOFF_MS },
      removeOnComplete: { age: 24 * 3600, count: 10_000 },
      removeOnFail: { age: 7 * 24 * 3600, count: 50_000 },
    },
  };
}
