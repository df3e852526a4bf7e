import { DataSource, QueryRunner } from 'typeorm';

/**
 * Runs `work` on two connections that read one and the same snapshot: the first opens a REPEATABLE
 * READ READ ONLY transaction and exports its snapshot (pg_export_snapshot), the second imports it
 * (SET TRANSACTION SNAPSHOT), so statements run in parallel on two cores and still see the data
 * as of one instant. `settings` (SET LOCAL ...) apply to both. Both transactions are rolled back
 * (they only read) and both connections go back to the pool, whatever happens.
 */
export async function inSharedSnapshot<T>(
  db: DataSource,
  settings: string[],
  work: (first: QueryRunner, second: QueryRunner) => Promise<T>,
): Promise<T> {
  const first = db.createQueryRunner();
  const second = db.createQueryRunner();
  const begun: QueryRunner[] = [];
  try {
    await first.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    begun.push(first);
    const [{ snapshot }] = (await first.query('SELECT pg_export_snapshot() AS snapshot')) as Array<{
      snapshot: string;
    }>;
    if (!/^[0-9A-F-]+$/i.test(snapshot)) throw new Error(`unexpected snapshot id ${snapshot}`);
    await second.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    begun.push(second);
    await second.query(`SET TRANSACTION SNAPSHOT '${snapshot}'`);
    for (const s of settings) await Promise.all([first.query(s), second.query(s)]);
    return await work(first, second);
  } finally {
    await Promise.allSettled(begun.map((r) => r.query('ROLLBACK')));
    await Promise.allSettled([first.release(), second.release()]);
  }
}
