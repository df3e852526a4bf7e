import { AppConfig } from '@yvc/core';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Params } from 'nestjs-pino';

const REQUEST_ID_RE = /^[A-Za-z0-9._-]{8,100}$/;

/** Paths that carry a secret (a calendar feed token, a check-in code) are logged without it. */
export function redactPath(url: string | undefined): string | undefined {
  return url
    ?.split('?')[0]
    .replace(/^\/calendar\/[^/]+/, '/calendar/***')
    .replace(/^\/qr\/[^/]+/, '/qr/***');
}

/**
 * JSON logs with a request id (taken from X-Request-Id when it looks safe, else new). Requests are
 * logged by method, path and status only: no bodies, no query strings, no auth headers.
 */
export function loggerParams(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.LOG_LEVEL,
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID_RE.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          path: redactPath(req.url),
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      redact: ['req.headers', 'res.headers'],
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
      autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
    },
  };
}
