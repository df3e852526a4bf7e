// What the benches that load the resident engagement index in their own thread share
// (engagement-pass.mjs, engagement-rollups.mjs): a connection to a database bench/engagement.mjs
// loaded, and the scope of a question asked by an ADMIN (the country, or one unit), from a build's dist.
import { createRequire } from 'node:module';
import pg from 'pg';
import { ensureServices } from '../../scripts/services.mjs';

const require = createRequire(import.meta.url);

/** { url, db, scope(unitId?) } for the database `database`, with the build in `dist`. */
export async function residentBench(dist, database) {
  const services = await ensureServices();
  const url = `${services.databaseServerUrl}/${database}`;
  const db = new pg.Client(url);
  await db.connect();
  const { EngagementScopeResolver } = require(`${dist}/libs/analytics/src/engagement-scope.js`);
  const resolver = new EngagementScopeResolver(
    { scope: async () => 'ALL' },
    { query: async (text, params) => (await db.query(text, params)).rows },
  );
  const admin = { role: 'ADMIN', memberId: 'bench' };
  return { url, db, scope: (unitId = null) => resolver.resolve(admin, unitId) };
}
