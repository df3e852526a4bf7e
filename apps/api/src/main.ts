import 'reflect-metadata';
import { ConfigError, loadConfig } from '@yvc/core';
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
  const app = await createApiApp();
  const config = loadConfig();
  await app.listen(config.PORT, '0.0.0.0');
}

main().catch((err: Error) => {
  console.error(`api failed to start: ${err.message}`);
  process.exit(1);
});
