import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts the embedded server as scripts/services.mjs does, asks it one question, stops it. */
const SCRIPT = `
import pg from 'pg';
import { rootHome, startEmbeddedPostgres } from './scripts/embedded-postgres.mjs';
const server = await startEmbeddedPostgres({ dataDir: process.env.DATA, port: Number(process.env.PORT), log: () => {} });
const client = new pg.Client({ connectionString: server.url + '/postgres' });
await client.connect();
const [row] = (await client.query("SELECT current_setting('server_encoding') AS encoding, current_user AS who")).rows;
await client.end();
await server.stop();
console.log(JSON.stringify({ ...row, dir: server.dir, home: rootHome(process.env.DATA) }));
`;

/**
 * `npm start` with nothing on the PostgreSQL port starts an embedded server. As root it runs as
 * the postgres user, who cannot enter a 0700 folder of root's (a clone in /root): the server's
 * binaries and data must then live where that user can reach them.
 */
describe('the embedded PostgreSQL', () => {
  let folder: string;
  let home: string | undefined;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'yvc-0700-')); // mode 0700, like /root
  });
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
    if (home) rmSync(home, { recursive: true, force: true });
  });

  it('starts for a project in a 0700 folder, whoever runs it, and stops again', async () => {
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    const dataDir = join(folder, 'project', '.data');
    const port = await freePort();
    const res = spawnSync(process.execPath, ['--input-type=module', '-e', SCRIPT], {
      cwd: ROOT,
      env: { ...process.env, DATA: dataDir, PORT: String(port), YVC_PG_HOME: '' },
      encoding: 'utf8',
      timeout: 90_000,
    });
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    const out = JSON.parse(res.stdout.trim().split('\n').pop()!);
    home = out.home;
    expect(out).toMatchObject({ encoding: 'UTF8', who: 'postgres' });
    if (process.getuid?.() === 0) {
      // out of the 0700 folder, in a root-owned one that only root writes; data the postgres user's
      expect(out.dir).toBe(join(out.home, 'data'));
      expect(out.dir.startsWith(folder)).toBe(false);
      expect(statSync(out.home)).toMatchObject({ uid: 0 });
      expect(statSync(out.home).mode & 0o022).toBe(0);
      expect(statSync(out.dir).uid).not.toBe(0);
    } else {
      expect(out.dir).toBe(join(dataDir, 'postgres'));
    }
    expect(statSync(join(out.dir, 'PG_VERSION')).isFile()).toBe(true);
  });
});
