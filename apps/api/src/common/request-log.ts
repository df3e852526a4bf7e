import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { redactPath } from './logger';

const REQUEST_ID_RE = /^[A-Za-z0-9._-]{8,100}$/;

/** The request id: X-Request-Id when it looks safe, else a new UUID (Fastify's genReqId). */
export function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID_RE.test(given) ? given : randomUUID();
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The request's child logger (with its id), made on first use. */
    yvcLog: Logger;
  }
}

/**
 * The request log, cheap enough for every request: the request id (requestId, set by Fastify
 * before any hook) in the X-Request-Id response header and on `req.yvcLog`, and one line when the
 * response is done (method, path without query or secrets, status, time), at info, or at error
 * for a 5xx. `req.yvcLog` is a getter that makes the request's child logger on first use: no child
 * logger (whose bindings are serialised at once) and no AsyncLocalStorage scope per request, and
 * nothing built for a line its level drops: at LOG_LEVEL=warn a request costs an id and a header.
 * `root` is read on the first request (nestjs-pino sets it while the app initialises).
 */
export function requestLogging(
  fastify: FastifyInstance,
  root: () => Logger,
  ignore: (path: string) => boolean,
): void {
  const logs = new WeakMap<FastifyRequest, Logger>();
  fastify.decorateRequest('yvcLog', {
    getter(this: FastifyRequest): Logger {
      let log = logs.get(this);
      if (!log) logs.set(this, (log = root().child({ reqId: this.id })));
      return log;
    },
  });
  fastify.addHook('onRequest', (req: FastifyRequest, reply: FastifyReply, done: () => void) => {
    reply.header('X-Request-Id', req.id);
    done();
  });
  fastify.addHook('onResponse', (req: FastifyRequest, reply: FastifyReply, done: () => void) => {
    const logger = root();
    // a quiet path's 503 (/health/ready while not ready) is an answer to the load balancer, not a failure
    const failed = reply.statusCode >= 500 && !(reply.statusCode === 503 && ignore(req.url));
    if (failed || (logger.isLevelEnabled('info') && !ignore(req.url))) {
      const line = {
        req: { id: req.id, method: req.method, path: redactPath(req.url) },
        res: { statusCode: reply.statusCode },
        responseTime: Math.round(reply.elapsedTime),
      };
      if (failed) logger.error(line, 'request errored');
      else logger.info(line, 'request completed');
    }
    done();
  });
}
