#!/usr/bin/env node
// npm start: the whole platform with demo data, on a fresh machine, in one command.
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { ROOT, ensureServices } from './services.mjs';

const log = (msg) => console.log(`[start] ${msg}`);

function run(cmd, args, env) {
  const res = spawnSync(cmd, args, { cwd: ROOT, env, stdio: 'inherit' });
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${res.status})`);
}

function launch(name, script, env) {
  // no --enable-source-maps (+115 MB of RSS under load, docs/performance.md "Memory"); NODE_OPTIONS can add it
  const child = spawn(process.execPath, [script], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => console.log(`[${name}] ${line}`));
  }
  return child;
}

async function waitReady(url, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

async function main() {
  const services = await ensureServices({ log });
  const databaseUrl = `${services.databaseServerUrl}/${services.databaseName ?? 'yvc'}`;
  const port = process.env.PORT ?? '3000';
  const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_URL: services.redisUrl,
    PORT: port,
    PUBLIC_URL: publicUrl,
  };

  log('building');
  run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], env);
  run(process.execPath, ['node_modules/tsc-alias/dist/bin/index.js', '-p', 'tsconfig.build.json'], env);
  run('cp', ['-r', 'data', 'dist/'], env);
  log('building the web app');
  run(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--config', 'apps/web/vite.config.mts', '--logLevel', 'warn'],
    env,
  );
  const cli = (...args) => run(process.execPath, ['dist/apps/cli/src/main.js', ...args], env);
  cli('db:ensure');
  cli('migrate');
  cli('badges:import');
  cli('seed:demo', '--if-empty');

  // a local mail catcher and SMS gateway stub, unless real ones are configured
  const { startMailCatcher, startSmsStub } = await import(`${ROOT}/dist/libs/notifications/src/index.js`);
  const sinks = [];
  let mailUi = null;
  let smsUi = null;
  if (!process.env.SMTP_URL) {
    const mail = await startMailCatcher({ smtpPort: 1025, httpPort: 1080 });
    sinks.push(mail);
    env.SMTP_URL = `smtp://127.0.0.1:${mail.smtpPort}`;
    mailUi = `http://localhost:${mail.httpPort}`;
  }
  if (!process.env.SMS_GATEWAY_URL) {
    const sms = await startSmsStub({ port: 1090 });
    sinks.push(sms);
    env.SMS_GATEWAY_URL = sms.url;
    env.SMS_GATEWAY_TOKEN = 'dev-sms-token';
    smsUi = `http://localhost:${sms.port}/messages`;
  }

  const children = [
    launch('api', 'dist/apps/api/src/main.js', env),
    launch('worker', 'dist/apps/worker/src/main.js', env),
  ];
  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    log('stopping');
    const exited = (c) =>
      new Promise((resolve) => {
        if (c.exitCode !== null || c.signalCode !== null) return resolve();
        c.once('exit', resolve);
        c.kill('SIGTERM');
      });
    await Promise.all(children.map(exited));
    for (const sink of sinks) await sink.close().catch(() => {});
    await services.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  for (const c of children)
    c.once('exit', (code) => !stopping && (log(`a process exited (${code}); stopping`), stop(1)));

  if (!(await waitReady(`http://127.0.0.1:${port}/health/ready`, 60_000))) {
    log('the api did not become ready within 60 s');
    return stop(1);
  }
  const { DEMO_PASSWORD, DEMO_STAFF, DEMO_STUDENT_EMAIL } = await import(
    `${ROOT}/dist/libs/demo/src/demo-accounts.js`
  );
  console.log(`
  ┌──────────────────────────────────────────────────────────────────────
  │ Young Voters Club platform is running
  │   Web app (open this):        ${publicUrl}/
  │   GraphQL (and its sandbox):  ${publicUrl}/graphql
  │   Health:                     ${publicUrl}/health/ready
  │   Queue dashboard (ADMIN):    ${publicUrl}/admin/queues?token=<an ADMIN access token>
  │   Mail catcher (emails sent): ${mailUi ?? env.SMTP_URL}
  │   SMS gateway stub:           ${smsUi ?? env.SMS_GATEWAY_URL}
  │   Database:                   ${databaseUrl.replace(/:[^:@/]+@/, ':***@')}
  │   Redis:                      ${services.redisUrl}
  │   Embedded PostgreSQL's files: ${services.embeddedDir ?? '(none started)'}
  │
  │ Demo accounts (password for all: ${DEMO_PASSWORD})
  │   ${DEMO_STUDENT_EMAIL.padEnd(34)} student (MEMBER)
${DEMO_STAFF.map((s) => `  │   ${s.email.padEnd(34)} ${s.note} (${s.role})`).join('\n')}
  │   coordinator01..25@demo.yvc.kz      one coordinator per club (COORDINATOR)
  │
  │ Ctrl+C stops everything this command started.
  └──────────────────────────────────────────────────────────────────────`);
}

main().catch((err) => {
  console.error(`[start] ${err.message}`);
  process.exit(1);
});
