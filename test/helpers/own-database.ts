import { loadConfig } from '@yvc/core';
import { dataSourceOptions } from '@yvc/database';
import { DataSource } from 'typeorm';

/**
 * A database of the test file's own, migrated, next to the suite's: for tests that look at every
 * row (or run a worker that relays the whole outbox) while other files write the shared one.
 */
export async function ownDatabase(name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = loadConfig().DATABASE_URL;
  const admin = await new DataSource(dataSourceOptions(base)).initialize();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const migrator = await new DataSource(dataSourceOptions(url.toString())).initialize();
  try {
    await migrator.runMigrations();
  } finally {
    await migrator.destroy();
  }
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.destroy();
    },
  };
}
