// Which build a benchmark runs, its command line (dist/apps/cli/src/main.js) and its environment.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../scripts/services.mjs';

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (!entry.name.endsWith('.spec.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** What every benchmark runs from a build; a benchmark that runs more names it in `needs`. */
const ALWAYS = ['dist/apps/api/src/main.js', 'dist/apps/cli/src/main.js'];

const built = (dir, files) => files.every((f) => existsSync(join(dir, f)));

/**
 * Returns { root, label }: the directory whose dist/ runs. `head` (the default): the last commit,
 * exported with `git archive` into a temporary directory (node_modules linked) and built there with
 * `npm run build` once per commit (the same /tmp/yvc-bench-<sha> directory the other benchmarks use),
 * so that other people's uncommitted work (and their builds, which empty dist/) neither breaks nor
 * colours the figures. `worktree`: this checkout's dist/, built with `npm run build` when it is
 * missing or older than the sources (skipBuild: never). `needs`: files of dist/ the benchmark runs
 * besides the API's and the CLI's main.js (e.g. the worker's); a build without one of them is not
 * taken as built.
 */
export function prepareBuild({ tree = 'head', skipBuild = false, needs = [], log = console.log } = {}) {
  if (!['worktree', 'head'].includes(tree)) throw new Error('--tree must be worktree or head');
  const files = [...ALWAYS, ...needs];
  if (tree === 'head') {
    const sha = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
    if (!/^[0-9a-f]{40}$/.test(sha)) throw new Error('git rev-parse HEAD failed');
    const name = `yvc-bench-${sha.slice(0, 12)}`;
    const dir = join(tmpdir(), name);
    const label = `commit ${sha.slice(0, 12)}`;
    if (built(dir, files)) {
      log(`HEAD ${sha.slice(0, 12)} already built in ${dir}`);
      return { root: dir, label };
    }
    // older commits' builds go; a build in progress (a .tmp- directory) is left alone
    for (const old of readdirSync(tmpdir())) {
      if (/^yvc-bench-[0-9a-f]{12}$/.test(old) && old !== name)
        rmSync(join(tmpdir(), old), { recursive: true, force: true });
    }
    const work = `${dir}.tmp-${process.pid}`;
    log(`building HEAD ${sha.slice(0, 12)} in ${dir}`);
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    try {
      const archive = spawnSync('sh', ['-c', `git archive --format=tar HEAD | tar -x -C "${work}"`], {
        cwd: ROOT,
        stdio: 'inherit',
      });
      if (archive.status !== 0) throw new Error('git archive HEAD failed');
      symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');
      const res = spawnSync('npm', ['run', '--silent', 'build'], { cwd: work, stdio: 'inherit' });
      if (res.status !== 0) throw new Error(`npm run build of HEAD failed (exit ${res.status})`);
      // another run may have finished the same build meanwhile; one that lacks `needs` is replaced
      if (!built(dir, files)) {
        rmSync(dir, { recursive: true, force: true });
        renameSync(work, dir);
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    return { root: dir, label };
  }
  const label = 'working tree';
  const sources = Math.max(...['apps', 'libs', 'migrations', 'data'].map((d) => newestMtime(join(ROOT, d))));
  if (built(ROOT, files) && files.every((f) => statSync(join(ROOT, f)).mtimeMs >= sources))
    return { root: ROOT, label };
  if (skipBuild) {
    log('dist/ is missing or older than the sources, but --skip-build was given');
    return { root: ROOT, label };
  }
  log('building (npm run build)');
  const res = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (res.status !== 0) throw new Error(`npm run build failed (exit ${res.status})`);
  return { root: ROOT, label };
}

/** Runs `node dist/apps/cli/src/main.js ...args` in `root`; returns its stdout, throws on failure. */
export function cli(root, env, ...args) {
  const res = spawnSync(process.execPath, ['dist/apps/cli/src/main.js', ...args], {
    cwd: root,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (res.status !== 0) throw new Error(`cli ${args.join(' ')} failed:\n${res.stdout}${res.stderr}`);
  return res.stdout.trim();
}

/**
 * Newer builds sign credentials and refuse to start in production without a key file: makes one
 * per run in a temporary directory (removed through `defer`) and points env.CREDENTIAL_KEYS_FILE
 * at it. Builds without `keys:generate` are left alone.
 */
export function credentialKeys(root, env, defer) {
  if (!readFileSync(join(root, 'dist/apps/cli/src/main.js'), 'utf8').includes('keys:generate')) return;
  const keyDir = mkdtempSync(join(tmpdir(), 'yvc-bench-keys-'));
  defer(async () => rmSync(keyDir, { recursive: true, force: true }));
  env.CREDENTIAL_KEYS_FILE = join(keyDir, 'credential-keys.json');
  cli(root, env, 'keys:generate', '--file', env.CREDENTIAL_KEYS_FILE);
}

/**
 * The environment the build runs with in a benchmark: NODE_ENV=production, LOG_LEVEL=warn, the
 * database `database` on the PostgreSQL server ensureServices() found, its Redis under `redisPrefix`,
 * fresh secrets; `extra` last. Returns { env, secret (JWT_SECRET, to mint tokens with), databaseUrl }.
 */
export function productionEnv(services, { database, redisPrefix, extra = {} }) {
  const secret = randomBytes(32).toString('base64url');
  const databaseUrl = `${services.databaseServerUrl}/${database}`;
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    REDIS_URL: services.redisUrl,
    REDIS_PREFIX: redisPrefix,
    LOG_LEVEL: 'warn',
    JWT_SECRET: secret,
    IIN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    IIN_HASH_KEY: randomBytes(24).toString('base64url'),
    PUBLIC_URL: 'http://127.0.0.1',
    ...extra,
  };
  return { env, secret, databaseUrl };
}

/**
 * `--api-processes N` of the HTTP benches: sets API_PROCESSES in `env` and returns N (the CPU
 * profiler follows one process, so it needs N = 1).
 */
export function apiProcessesOption(values, env) {
  const n = Number(values['api-processes']);
  if (!(Number.isInteger(n) && n >= 1)) throw new Error('--api-processes must be a whole number >= 1');
  if (n > 1 && values['cpu-prof'])
    throw new Error('--cpu-prof profiles one API process: use --api-processes 1');
  env.API_PROCESSES = String(n);
  return n;
}
