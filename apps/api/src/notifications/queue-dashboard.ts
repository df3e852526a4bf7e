import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { JwtService } from '@nestjs/jwt';
import { getQueueToken } from '@nestjs/bullmq';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { QUEUES } from '@yvc/core';
import { AuthService, Role } from '@yvc/identity';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
const COOKIE = 'yvc_admin_token';
const LOG_IN = 'Log in as an ADMIN (Authorization: Bearer <access token>).';

/**
 * Bull Board at /admin/queues, for ADMIN accounts only. The access token comes in the
 * Authorization header, or once as ?token=... (then kept in an HttpOnly cookie for the page's own
 * requests), and is checked like every API call: signature, open session, active ADMIN. The board
 * runs in a Fastify scope of its own whose onRequest hook is that check.
 */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const adapter = new FastifyAdapter();
  adapter.setBasePath(QUEUE_DASHBOARD_PATH);
  const queues = Object.values(QUEUES).flatMap((name) => {
    try {
      return [new BullMQAdapter(app.get<Queue>(getQueueToken(name), { strict: false }))];
    } catch {
      return []; // a queue only the worker uses
    }
  });
  createBullBoard({ queues, serverAdapter: adapter });
  const jwt = app.get(JwtService);
  const auth = app.get(AuthService);

  const guard = async (req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const header = req.headers.authorization?.replace(/^Bearer /, '');
    const cookie = /(?:^|;\s*)yvc_admin_token=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    const token0 = (req.query as Record<string, unknown>).token;
    const query = typeof token0 === 'string' ? token0 : undefined;
    const token = header ?? query ?? cookie;
    try {
      const actor = token ? await auth.actorFromClaims(await jwt.verifyAsync(token)) : null;
      if (!actor) return reply.code(401).type('text/plain').send(LOG_IN);
      if (actor.role !== Role.ADMIN) return reply.code(403).type('text/plain').send('ADMIN only.');
      if (query)
        reply.setCookie(COOKIE, query, {
          httpOnly: true,
          sameSite: 'strict',
          path: QUEUE_DASHBOARD_PATH,
          maxAge: 15 * 60,
          expires: new Date(Date.now() + 15 * 60_000),
        });
    } catch {
      return reply.code(401).type('text/plain').send(LOG_IN);
    }
    return undefined;
  };
  await app.register(async (scope: FastifyInstance) => {
    scope.addHook('onRequest', guard);
    await scope.register(adapter.registerPlugin(), { prefix: QUEUE_DASHBOARD_PATH });
  });
}
