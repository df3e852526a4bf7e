import { Controller, Get, Inject } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { EngagementIndex } from '@yvc/analytics';
import { REDIS } from '@yvc/database';
import type Redis from 'ioredis';
import { processesState } from '../api-processes';
import { Public } from '../common/decorators';

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly engagementIndex: EngagementIndex,
  ) {}

  /** The process is up (for restarts). */
  @Public()
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /**
   * PostgreSQL and Redis both answer (for load balancers); with API_PROCESSES > 1, also not before
   * every process of the set has started listening (so connections opened at start-up spread over all).
   */
  @Public()
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: 1500 }),
      async () => {
        const redis = this.indicators.check('redis');
        try {
          const pong = await Promise.race([
            this.redis.ping(),
            new Promise<string>((_, reject) => setTimeout(() => reject(new Error('timeout')), 1500)),
          ]);
          return pong === 'PONG' ? redis.up() : redis.down({ message: `unexpected reply ${pong}` });
        } catch (err) {
          return redis.down({ message: (err as Error).message });
        }
      },
      ...this.processesCheck(),
      // informative only: until the resident copy is loaded the figures come from SQL (slower, same)
      () => {
        const s = this.engagementIndex.status();
        return this.indicators.check('engagementIndex').up({
          state: s.state,
          loadMs: s.loadMs,
          megabytes: Math.round(s.bytes / 2 ** 20),
          lagMs: s.syncedAt === null ? null : Date.now() - s.syncedAt,
        });
      },
    ]);
  }

  private processesCheck() {
    const set = processesState();
    if (!set) return [];
    return [
      () => {
        const check = this.indicators.check('processes');
        const figures = { listening: set.listening, of: set.of };
        return set.started ? check.up(figures) : check.down(figures);
      },
    ];
  }
}
