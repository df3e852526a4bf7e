// first: it sets a V8 flag before the other modules load
import './young-generation';
import 'reflect-metadata';
import { ConfigError, applyHeapGrowth, loadConfig } from '@yvc/core';
import { followProcesses, isSupervisor, superviseApiProcesses } from './api-processes';
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
  if (isSupervisor(config.API_PROCESSES)) {
    const infoLogs = ['trace', 'debug', 'info'].includes(config.LOG_LEVEL);
    superviseApiProcesses(config.API_PROCESSES, { infoLogs });
    return;
  }
  followProcesses();
  applyHeapGrowth(config);
  const app = await createApiApp();
  await app.listen(config.PORT, '0.0.0.0');
}

main().catch((err: Error) => {
  console.error(`api failed to start: ${err.message}`);
  process.exit(1);
});
