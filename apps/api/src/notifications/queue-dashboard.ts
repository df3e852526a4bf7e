import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { getQueueToken } from '@nestjs/bullmq';
import { QUEUES } from '@yvc/core';
import { AuthService, Role } from '@yvc/identity';
import type { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
const COOKIE = 'yvc_admin_token';

/**
 * Bull Board at /admin/queues, for ADMIN accounts only. The access token comes in the
 * Authorization header, or once as ?token=... (then kept in an HttpOnly cookie for the page's own
 * requests), and is checked like every API call: signature, open session, active ADMIN.
 */
export function mountQueueDashboard(app: INestApplication): void {
  const adapter = new ExpressAdapter();
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

  const guard = async (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization?.replace(/^Bearer /, '');
    const cookie = /(?:^|;\s*)yvc_admin_token=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    const query = typeof req.query.token === 'string' ? req.query.token : undefined;
    const token = header ?? query ?? cookie;
    try {
      const actor = token ? await auth.actorFromClaims(await jwt.verifyAsync(token)) : null;
      if (!actor)
        return res
          .status(401)
          .type('text/plain')
          .send('Log in as an ADMIN (Authorization: Bearer <access token>).');
      if (actor.role !== Role.ADMIN) return res.status(403).type('text/plain').send('ADMIN only.');
      if (query)
        res.cookie(COOKIE, query, {
          httpOnly: true,
          sameSite: 'strict',
          path: QUEUE_DASHBOARD_PATH,
          maxAge: 15 * 60_000,
        });
      return next();
    } catch {
      return res
        .status(401)
        .type('text/plain')
        .send('Log in as an ADMIN (Authorization: Bearer <access token>).');
    }
  };
  app.use(QUEUE_DASHBOARD_PATH, guard, adapter.getRouter());
}
