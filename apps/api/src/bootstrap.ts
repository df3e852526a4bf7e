import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { EngagementIndex } from '@yvc/analytics';
import { APP_CONFIG, AppConfig } from '@yvc/core';
import { REDIS, assertRedisNoEviction } from '@yvc/database';
import { Logger, PinoLogger } from 'nestjs-pino';
import { quietPath } from './common/logger';
import { requestLogging } from './common/request-log';
import { AppModule } from './app.module';
import { refuseDeepInput } from './graphql/input-depth';
import { mountQueueDashboard } from './notifications/queue-dashboard';
import { mountWebApp } from './web/web-app';

/** Builds the HTTP app (used by main.ts and by the end-to-end tests). */
export async function createApiApp(options: { logger?: boolean } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bufferLogs: true,
    bodyParser: false,
    logger: options.logger === false ? false : undefined,
  });
  const config = app.get<AppConfig>(APP_CONFIG);
  if (options.logger !== false) app.useLogger(app.get(Logger));
  app.set('trust proxy', config.TRUST_PROXY);
  app.disable('x-powered-by');
  app.use(requestLogging(app.getHttpAdapter().getInstance(), () => PinoLogger.root, quietPath));
  app.useBodyParser('json', { limit: config.BODY_LIMIT });
  app.use(refuseDeepInput());
  app.enableShutdownHooks();
  mountQueueDashboard(app);
  mountWebApp(app);
  await assertRedisNoEviction(app.get(REDIS));
  // the engagement figures' resident copy loads in the background (answers come from SQL until then)
  app.get(EngagementIndex).start();
  return app;
}
