import { importBadgeCatalogue } from '@yvc/credentials';
import { dataSourceOptions } from '@yvc/database';
import pg from 'pg';
import { DataSource } from 'typeorm';

/**
 * A database of the test file's own, migrated, with the badge catalogue (units: import them once
 * the app runs), for a test that must see every write (a checksum of whole tables) while other
 * files run at once. Returns its URL, for TestApi.start({ DATABASE_URL }).
 */
export async function ownDatabase(suffix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = new URL(process.env.DATABASE_URL!);
  const name = `${base.pathname.slice(1)}_${suffix}`;
  const admin = new URL(base.href);
  admin.pathname = '/postgres';
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin.href });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await run(`CREATE DATABASE "${name}"`);
  const url = new URL(base.href);
  url.pathname = `/${name}`;
  const ds = await new DataSource(dataSourceOptions(url.href)).initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    await importBadgeCatalogue(ds);
  } finally {
    await ds.destroy();
  }
  return { url: url.href, drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
