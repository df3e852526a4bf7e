import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, applyHeapGrowth, loadConfig } from '@yvc/core';
import { assertRedisNoEviction, createRedis } from '@yvc/database';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

/** BullMQ processors in a Nest application context: no HTTP. SIGTERM lets running jobs finish. */
async function main(): Promise<void> {
  try {
    loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  applyHeapGrowth(loadConfig());
  // before any queue worker starts: a Redis that evicts keys would lose jobs
  const probe = createRedis(loadConfig().REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    await assertRedisNoEviction(probe);
  } finally {
    probe.disconnect();
  }
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.get(Logger).log('worker started');
}

main().catch((err: Error) => {
  console.error(`worker failed to start: ${err.message}`);
  process.exit(1);
});
