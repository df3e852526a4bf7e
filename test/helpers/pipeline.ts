import type { INestApplicationContext } from '@nestjs/common';
import { BadgesService, CertificatesService } from '@yvc/credentials';
import {
  MailCatcher,
  NotificationPlanner,
  SmsStub,
  startMailCatcher,
  startSmsStub,
} from '@yvc/notifications';
import { DataSource } from 'typeorm';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export async function until<T>(
  fn: () => Promise<T | undefined | false> | T | undefined | false,
  ms = 30_000,
  every = 100,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms`);
    await new Promise((r) => setTimeout(r, every));
  }
}

/** A worker process from dist/, as production runs it. */
export class WorkerProcess {
  private proc?: ChildProcess;
  private out = '';

  constructor(private readonly env: Record<string, string>) {}

  start(): this {
    this.proc = spawn(process.execPath, [join(ROOT, 'dist/apps/worker/src/main.js')], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'info', ...this.env },
    });
    this.proc.stdout!.on('data', (d) => (this.out += d));
    this.proc.stderr!.on('data', (d) => (this.out += d));
    return this;
  }

  get output(): string {
    return this.out;
  }

  async ready(): Promise<void> {
    // a loaded machine (2 cores shared by several test runs) may take a minute to boot Nest
    await until(() => this.out.includes('worker started'), 120_000);
  }

  /** SIGTERM (graceful) or SIGKILL (a crash). */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    await new Promise((resolve) => {
      p.once('exit', resolve);
      p.kill(signal);
    });
  }
}

/** A redis-server of the test's own, on its own port, that keeps its data across restarts (AOF). */
export class OwnRedis {
  readonly dir = mkdtempSync(join(tmpdir(), 'yvc-redis-'));
  private proc?: ChildProcess;

  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.proc = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--dir',
        this.dir,
        '--appendonly',
        'yes',
        '--appendfsync',
        'always',
        '--save',
        '',
        '--maxmemory-policy',
        'noeviction',
      ],
      { stdio: 'ignore' },
    );
    await until(
      () =>
        spawnSync('redis-cli', ['-p', String(this.port), 'ping'], { encoding: 'utf8' }).stdout.trim() ===
        'PONG',
      10_000,
    );
  }

  async stop(): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null) return;
    await new Promise((resolve) => {
      p.once('exit', resolve);
      p.kill('SIGTERM');
    });
  }
}

export interface Sinks {
  mail: MailCatcher;
  sms: SmsStub;
}

export async function startSinks(): Promise<Sinks> {
  return { mail: await startMailCatcher({ smtpPort: 0, httpPort: 0 }), sms: await startSmsStub({ port: 0 }) };
}

/** The environment a worker needs to deliver into the test's sinks, quickly. */
export function workerEnv(sinks: Sinks, extra: Record<string, string> = {}): Record<string, string> {
  return {
    SMTP_URL: `smtp://127.0.0.1:${sinks.mail.smtpPort}`,
    SMS_GATEWAY_URL: sinks.sms.url,
    SMS_GATEWAY_TOKEN: 'dev-sms-token',
    EMAIL_RATE_PER_SECOND: '1000',
    SMS_RATE_PER_SECOND: '1000',
    DELIVERY_BACKOFF_MS: '200',
    OUTBOX_POLL_MS: '100',
    DELIVERY_LEASE_SECONDS: '3',
    QUEUE_LOCK_MS: '2000',
    ...extra,
  };
}

/**
 * A zone where it is now about `hour` o'clock (quiet hours depend on it): Etc/GMT-5 is UTC+5.
 */
export function zoneWhereItIs(hour: number, now = new Date()): string {
  let offset = (hour - now.getUTCHours() + 24) % 24;
  if (offset > 12) offset -= 24;
  if (offset === 0) return 'Etc/UTC';
  return `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

/**
 * What the worker does with a member's CONSENT_WITHDRAWN outbox row, here in this process: the
 * dispatch (seats, notifications, calendar feed), then the queued credentials erasure. Idempotent,
 * like the worker's, so a worker doing it too at the same time changes nothing.
 */
export async function followUpWithdrawal(app: INestApplicationContext, memberId: string): Promise<void> {
  const rows: Array<{ id: string }> = await app
    .get(DataSource)
    .query(`SELECT id FROM notification_outbox WHERE member_id = $1 AND kind = 'CONSENT_WITHDRAWN'`, [
      memberId,
    ]);
  if (!rows.length) throw new Error(`no CONSENT_WITHDRAWN outbox row for ${memberId}`);
  for (const r of rows) await app.get(NotificationPlanner).dispatch(r.id);
  await app.get(CertificatesService).eraseForWithdrawnMember(memberId);
  await app.get(BadgesService).eraseForWithdrawnMember(memberId);
}
