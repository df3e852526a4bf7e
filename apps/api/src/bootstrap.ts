import fastifyCookie from '@fastify/cookie';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { EngagementIndex } from '@yvc/analytics';
import { loadConfig } from '@yvc/core';
import { REDIS, assertRedisNoEviction } from '@yvc/database';
import { Logger, PinoLogger } from 'nestjs-pino';
import { weakEtags } from './common/etag';
import { quietPath } from './common/logger';
import { requestId, requestLogging } from './common/request-log';
import { AppModule } from './app.module';
import { refuseDeepInput } from './graphql/input-depth';
import { mountQueueDashboard } from './notifications/queue-dashboard';
import { mountWebApp, spaRewrite, webDistDir } from './web/web-app';

const UNIT = { b: 1, kb: 1024, mb: 1024 * 1024 } as const;

/** BODY_LIMIT ("100kb", "1mb") in bytes, as Express's body parser read it. */
export function bodyLimitBytes(limit: string): number {
  const m = /^(\d+)(b|kb|mb)$/.exec(limit);
  if (!m) throw new Error(`BODY_LIMIT ${limit}: must look like 100kb or 1mb`);
  return Number(m[1]) * UNIT[m[2] as keyof typeof UNIT];
}

/**
 * Builds the HTTP app (used by main.ts and by the end-to-end tests): Nest on Fastify, with Apollo
 * Server through @as-integrations/fastify (@nestjs/apollo picks it for the Fastify adapter).
 */
export async function createApiApp(options: { logger?: boolean } = {}): Promise<INestApplication> {
  // the same validated configuration the app injects (APP_CONFIG); the adapter needs it first
  const config = loadConfig();
  const web = webDistDir();
  const adapter = new FastifyAdapter({
    rewriteUrl: spaRewrite(web),
    trustProxy: config.TRUST_PROXY,
    bodyLimit: bodyLimitBytes(config.BODY_LIMIT),
    genReqId: requestId,
    // as Express routed: /path/ is /path, and paths match in any letter case
    routerOptions: { ignoreTrailingSlash: true, caseSensitive: false },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, {
    bufferLogs: true,
    // Fastify's own JSON parser only (no form parsing), as Express's json() alone before
    bodyParser: false,
    logger: options.logger === false ? false : undefined,
  });
  if (options.logger !== false) app.useLogger(app.get(Logger));
  const fastify = app.getHttpAdapter().getInstance();
  fastify.decorateRequest('user', null); // the caller, set by the guards
  // only JSON bodies are read: any other type (a form, text/plain) reaches the route with no body,
  // unread, so Apollo's CSRF prevention refuses a form post to /graphql with 400, not 415
  fastify.removeContentTypeParser('text/plain');
  fastify.addContentTypeParser('*', (_req, _payload, done) => done(null, undefined));
  requestLogging(fastify, () => PinoLogger.root, quietPath);
  fastify.addHook('preValidation', refuseDeepInput());
  await app.register(fastifyCookie);
  weakEtags(fastify); // before compression: the tag is of the body as the route sent it
  app.enableShutdownHooks();
  await mountWebApp(app, web);
  await mountQueueDashboard(app);
  await assertRedisNoEviction(app.get(REDIS));
  // the engagement figures' resident copy loads in the background (answers come from SQL until then)
  app.get(EngagementIndex).start();
  return app;
}
