import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Redis from 'ioredis';

/** The built processes (dist/, as `npm start` runs them): config errors, boot, worker jobs. */
const ROOT = join(__dirname, '..');

function run(script: string, env: Record<string, string | undefined>) {
  const child = spawn(process.execPath, [join(ROOT, script)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  return { child, exited, output: () => out };
}

async function until<T>(fn: () => Promise<T | undefined> | T | undefined, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 150));
  }
}

const stop = (c: ChildProcess) =>
  new Promise((r) => (c.exitCode !== null ? r(null) : (c.once('exit', r), c.kill('SIGTERM'))));

describe('built processes', () => {
  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x@y/z' }, 'DATABASE_URL'],
    [{ NODE_ENV: 'production', JWT_SECRET: undefined }, 'JWT_SECRET'],
    [{ LOG_LEVEL: 'chatty' }, 'LOG_LEVEL'],
  ])('api refuses to start with %j, naming the variable', async (env, name) => {
    const p = run('dist/apps/api/src/main.js', env);
    expect(await p.exited).toBe(1);
    expect(p.output()).toContain(name);
  });

  it('the worker refuses a bad configuration too', async () => {
    const p = run('dist/apps/worker/src/main.js', { REDIS_URL: 'http://nope' });
    expect(await p.exited).toBe(1);
    expect(p.output()).toContain('REDIS_URL');
  });

  it('the api boots, serves GraphQL and health, and stops on SIGTERM', async () => {
    const port = String(30_000 + Math.floor(Math.random() * 20_000));
    const p = run('dist/apps/api/src/main.js', { PORT: port, LOG_LEVEL: 'info' });
    try {
      const ready = await until(async () => {
        const res = await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => null);
        return res?.ok ? res : undefined;
      });
      expect(ready.status).toBe(200);
      const gql = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': 'en' },
        body: JSON.stringify({ query: '{ units { code } }' }),
      });
      expect(((await gql.json()) as any).data.units.length).toBe(12);
      // logs are JSON lines with a request id, and carry no request bodies
      const request = await until<any>(() =>
        p
          .output()
          .split('\n')
          .filter((l) => l.startsWith('{'))
          .map((l) => JSON.parse(l))
          // request-log.ts writes `path`; through nestjs-pino's request serializer it reads `url`
          .find((l) => (l.req?.path ?? l.req?.url) === '/graphql' && l.msg === 'request completed'),
      );
      expect(request.req.id).toEqual(expect.any(String));
      expect(JSON.stringify(request)).not.toContain('units');
    } finally {
      await stop(p.child);
    }
    // Nest closes the app (connections, queues) and then re-raises the signal
    expect([0, 'SIGTERM']).toContain(await p.exited);
  });

  it('API_PROCESSES=2: two API processes share the port, ready only when both listen; one that dies is replaced; SIGTERM stops all', async () => {
    const port = String(30_000 + Math.floor(Math.random() * 20_000));
    const p = run('dist/apps/api/src/main.js', { PORT: port, LOG_LEVEL: 'info', API_PROCESSES: '2' });
    const children = () =>
      readFileSync(`/proc/${p.child.pid}/task/${p.child.pid}/children`, 'utf8')
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map(Number);
    try {
      const ready = await until(async () => {
        const res = await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => null);
        return res?.ok ? res : undefined;
      });
      expect(((await ready.json()) as any).details.processes).toEqual({ status: 'up', listening: 2, of: 2 });
      expect(p.output()).toContain('2 API processes listening');
      const first = children();
      expect(first).toHaveLength(2);
      // both answer: connections are handed out round-robin
      const answers = await Promise.all(
        Array.from({ length: 6 }, () =>
          fetch(`http://127.0.0.1:${port}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', connection: 'close' },
            body: JSON.stringify({ query: '{ units { code } }' }),
          }).then(async (r) => ((await r.json()) as any).data.units.length),
        ),
      );
      expect(answers).toEqual([12, 12, 12, 12, 12, 12]);
      // a process that dies after it listened is replaced
      process.kill(first[0], 'SIGKILL');
      const replaced = await until(() => {
        const now = children();
        return now.length === 2 && !now.includes(first[0]) ? now : undefined;
      });
      expect(replaced).toContain(first[1]);
      expect(p.output()).toContain('starting another');
      await until(async () => {
        const res = await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => null);
        const body = res?.ok ? ((await res.json()) as any) : null;
        return body?.details.processes.listening === 2 ? body : undefined;
      });
    } finally {
      await stop(p.child);
    }
    expect(await p.exited).toBe(0);
  });

  it('API_PROCESSES=2 with a process that cannot start: the whole set stops with exit code 1', async () => {
    const p = run('dist/apps/api/src/main.js', {
      PORT: String(30_000 + Math.floor(Math.random() * 20_000)),
      API_PROCESSES: '2',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/yvc_no_such_database',
    });
    expect(await p.exited).toBe(1);
    expect(p.output()).toContain('exited before the set started');
  });

  it('in production: introspection and the landing page are off', async () => {
    const port = String(30_000 + Math.floor(Math.random() * 20_000));
    const p = run('dist/apps/api/src/main.js', {
      PORT: port,
      NODE_ENV: 'production',
      JWT_SECRET: 'a-production-secret-of-at-least-32-chars!!',
      IIN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      IIN_HASH_KEY: 'a-production-blind-index-key',
    });
    try {
      await until(async () =>
        (await fetch(`http://127.0.0.1:${port}/health/live`).catch(() => null))?.ok ? true : undefined,
      );
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
      });
      const body = (await res.json()) as any;
      expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(body.data).toBeUndefined();
      const page = await fetch(`http://127.0.0.1:${port}/graphql`, { headers: { accept: 'text/html' } });
      expect(await page.text()).not.toMatch(/<html/i);
    } finally {
      await stop(p.child);
    }
  });

  it('the CLI creates staff accounts and explains what is wrong', async () => {
    const mail = `cli.${process.pid}.${Date.now()}@example.kz`;
    const create = (args: string[]) => {
      const child = spawn(
        process.execPath,
        [join(ROOT, 'dist/apps/cli/src/main.js'), 'user:create', ...args],
        { cwd: ROOT },
      );
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      return new Promise<{ code: number | null; out: string }>((r) =>
        child.once('exit', (code) => r({ code, out })),
      );
    };
    const args = [
      '--email',
      mail,
      '--password',
      'cli-password-1',
      '--role',
      'COORDINATOR',
      '--unit',
      'zhambyl.merke',
    ];
    const first = await create(args);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/created COORDINATOR [0-9a-f-]{36}/);
    const again = await create(args);
    expect(again.code).toBe(1);
    expect(again.out).toContain('An account with this email already exists.');
    const badUnit = await create([
      '--email',
      `x${mail}`,
      '--password',
      'cli-password-1',
      '--role',
      'COMMISSION',
      '--unit',
      'nowhere',
    ]);
    expect(badUnit.code).toBe(1);
    expect(badUnit.out).toContain('unit: No such unit.');
    const badRole = await create([
      '--email',
      `y${mail}`,
      '--password',
      'p',
      '--role',
      'KING',
      '--unit',
      'zhambyl',
    ]);
    expect(badRole.code).toBe(1);
    expect(badRole.out).toContain('Usage: npm run cli');
  });

  it('the worker boots, schedules its maintenance job and processes it', async () => {
    const prefix = `yvc-worker-${process.pid}`;
    // the relay and the delivery pump stay off: the notifications test's worker owns the shared
    // outbox and sends the shared database's deliveries into its own sinks
    const p = run('dist/apps/worker/src/main.js', {
      REDIS_PREFIX: prefix,
      LOG_LEVEL: 'info',
      OUTBOX_RELAY: 'off',
      DELIVERY_PUMP: 'off',
    });
    const redis = new Redis(process.env.REDIS_URL!);
    try {
      await until(() => p.output().includes('worker started'));
      const scheduler = await until(
        async () => (await redis.keys(`${prefix}:bull:maintenance:repeat*`)).length > 0,
      );
      expect(scheduler).toBe(true);
      await until(() => p.output().includes('purged expired sessions'));
    } finally {
      await stop(p.child);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    }
  });
});
