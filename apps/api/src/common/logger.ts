import { AppConfig } from '@yvc/core';
import type { Params } from 'nestjs-pino';

/** Paths that carry a secret (a calendar feed token, a check-in code) are logged without it. */
export function redactPath(url: string | undefined): string | undefined {
  return url
    ?.split('?')[0]
    .replace(/^\/calendar\/[^/]+/, '/calendar/***')
    .replace(/^\/qr\/[^/]+/, '/qr/***');
}

/**
 * JSON logs (pino through nestjs-pino, for Nest's own logger). The request log itself is
 * request-log.ts, mounted in bootstrap.ts: nestjs-pino's per-request middleware (pino-http, a child
 * logger and an AsyncLocalStorage scope per request) is not mounted (`forRoutes: []`). Requests are
 * logged by method, path and status only: no bodies, no query strings, no auth headers.
 */
export function loggerParams(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.LOG_LEVEL,
      redact: ['req.headers', 'res.headers'],
    },
    forRoutes: [],
  };
}

/** Paths not worth a log line at info: health probes. */
export const quietPath = (path: string): boolean => path.startsWith('/health');
