import { loadConfig } from '@yvc/core';
import { dataSourceOptions } from '@yvc/database';
import { DataSource } from 'typeorm';

describe('database schema', () => {
  let ds: DataSource;
  beforeAll(async () => {
    ds = await new DataSource(dataSourceOptions(loadConfig().DATABASE_URL)).initialize();
  });
  afterAll(() => ds.destroy());

  it('has no drift: migration:generate would produce nothing', async () => {
    expect(await ds.showMigrations()).toBe(false);
    const sql = await ds.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('every migration can be reverted and re-applied', async () => {
    // revert all into a scratch database so the shared test database stays intact
    const name = `yvc_migrations_${process.pid}`;
    await ds.query(`DROP DATABASE IF EXISTS "${name}"`);
    await ds.query(`CREATE DATABASE "${name}"`);
    const url = new URL(loadConfig().DATABASE_URL);
    url.pathname = `/${name}`;
    const scratch = await new DataSource(dataSourceOptions(url.toString())).initialize();
    try {
      const applied = await scratch.runMigrations();
      expect(applied.length).toBeGreaterThan(0);
      for (let i = 0; i < applied.length; i++) await scratch.undoLastMigration();
      const [{ n }] = await scratch.query(
        `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
      );
      expect(n).toBe(0);
      expect((await scratch.runMigrations()).length).toBe(applied.length);
    } finally {
      await scratch.destroy();
      await ds.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  });

  it('Kazakh names sort with ICU collation, not by code point', async () => {
    const rows: Array<{ n: string }> = await ds.query(
      `SELECT n FROM unnest(ARRAY['Ярослав','Әсел','Азамат','Ілияс','Ұлжан','Өмір','Бауыржан']::varchar[]) AS n ORDER BY n COLLATE "kk-KZ-x-icu"`,
    );
    expect(rows.map((r) => r.n)).toEqual(['Азамат', 'Әсел', 'Бауыржан', 'Өмір', 'Ұлжан', 'Ілияс', 'Ярослав']);
  });
});
