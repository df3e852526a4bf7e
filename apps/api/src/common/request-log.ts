import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { redactPath } from './logger';

const REQUEST_ID_RE = /^[A-Za-z0-9._-]{8,100}$/;

/**
 * The request log, cheap enough for every request: a request id (X-Request-Id when it looks safe,
 * else new) in the response header and on `req.log`, and one line when the response is done
 * (method, path without query or secrets, status, time), at info, or at error for a 5xx; `req.log`
 * is a getter on the app's request prototype that makes the request's child logger on first use. Unlike
 * pino-http under nestjs-pino it builds no child logger (whose bindings are serialised at once)
 * and no AsyncLocalStorage scope per request, and builds nothing for a line its level drops: at
 * LOG_LEVEL=warn a request costs an id, a header and one listener. `root` is read on the first
 * request (nestjs-pino sets it while the app initialises).
 */
export function requestLogging(
  app: { request: object },
  root: () => Logger,
  ignore: (path: string) => boolean,
) {
  // req.log: a child logger with the request id, made only when something logs through it
  Object.defineProperty(app.request, 'log', {
    configurable: true,
    get(this: Request & { id: string; yvcLog?: Logger }): Logger {
      return (this.yvcLog ??= root().child({ reqId: this.id }));
    },
  });
  return (req: Request, res: Response, next: NextFunction): void => {
    const given = req.headers['x-request-id'];
    const id = typeof given === 'string' && REQUEST_ID_RE.test(given) ? given : randomUUID();
    res.setHeader('X-Request-Id', id);
    const logger = root();
    (req as Request & { id: string }).id = id;
    const started = Date.now();
    res.once('finish', () => {
      const failed = res.statusCode >= 500;
      if (!failed && (!logger.isLevelEnabled('info') || ignore(req.originalUrl ?? req.url))) return;
      const line = {
        req: { id, method: req.method, path: redactPath(req.originalUrl ?? req.url) },
        res: { statusCode: res.statusCode },
        responseTime: Date.now() - started,
      };
      if (failed) logger.error(line, 'request errored');
      else logger.info(line, 'request completed');
    });
    next();
  };
}
