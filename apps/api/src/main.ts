import 'reflect-metadata';
import { ConfigError, applyHeapGrowth, loadConfig } from '@yvc/core';
import { createApiApp } from './bootstrap';

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
  const config = loadConfig();
  applyHeapGrowth(config);
  const app = await createApiApp();
  await app.listen(config.PORT, '0.0.0.0');
}

main().catch((err: Error) => {
  console.error(`api failed to start: ${err.message}`);
  process.exit(1);
});
