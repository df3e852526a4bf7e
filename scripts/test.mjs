#!/usr/bin/env node
// npm test: the whole suite on a real PostgreSQL and Redis (started here when none answers).
// A fresh database `yvc_test` is made for every run; extra arguments go to jest.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { ROOT, ensureServices } from './services.mjs';

const log = (msg) => console.log(`[test] ${msg}`);

function run(cmd, args, env) {
  const res = spawnSync(cmd, args, { cwd: ROOT, env, stdio: 'inherit' });
  return res.status ?? 1;
}

async function freshDatabase(serverUrl, name) {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

/** The browser tests drive Debian's Chromium (never a downloaded one): install it when missing. */
function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(path)) return;
  log(`installing Chromium (${path} is missing): apt-get install -y chromium`);
  const sudo = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  const [cmd, ...args] = [...sudo, 'apt-get', 'install', '-y', '-o', 'DPkg::Lock::Timeout=900', 'chromium'];
  const res = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (res.status !== 0 || !existsSync(path))
    log(
      `could not install Chromium: run \`sudo apt-get install -y chromium\`; the browser tests (test/web) will fail`,
    );
}

async function main() {
  ensureChromium();
  const services = await ensureServices({ log });
  let code = 1;
  try {
    const name = process.env.YVC_TEST_DB ?? 'yvc_test';
    await freshDatabase(services.databaseServerUrl, name);
    const env = {
      // every test file signs members up from 127.0.0.1: the per-IP sign-up limit would stop the
      // suite, so it is high here (test/account-throttle.e2e-spec.ts proves it with a low one)
      SIGN_UP_PER_IP_PER_HOUR: '100000',
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: `${services.databaseServerUrl}/${name}`,
      REDIS_URL: services.redisUrl,
      REDIS_PREFIX: `yvc-test-${process.pid}`,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    };
    log(
      `database ${name} on ${services.databaseServerUrl.replace(/:[^:@/]+@/, ':***@')}, redis ${services.redisUrl}`,
    );
    // the web app is built as it ships (production React), not with the tests' NODE_ENV=test,
    // which would make Vite bundle React's development build into what the browser tests load
    code = run('npm', ['run', '--silent', 'build'], { ...env, NODE_ENV: 'production' });
    if (code === 0) code = run(process.execPath, ['dist/apps/cli/src/main.js', 'migrate'], env);
    if (code === 0) code = run(process.execPath, ['dist/apps/cli/src/main.js', 'units:import'], env);
    if (code === 0) code = run(process.execPath, ['dist/apps/cli/src/main.js', 'badges:import'], env);
    if (code === 0)
      code = run(process.execPath, ['node_modules/jest/bin/jest.js', ...process.argv.slice(2)], env);
  } finally {
    await services.stop();
  }
  process.exit(code);
}

main().catch((err) => {
  console.error(`[test] ${err.message}`);
  process.exit(1);
});
