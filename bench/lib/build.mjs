// Which build a benchmark runs, and its command line (dist/apps/cli/src/main.js).
import { spawnSync } from 'node:child_process';
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

const built = (dir) =>
  existsSync(join(dir, 'dist/apps/api/src/main.js')) && existsSync(join(dir, 'dist/apps/cli/src/main.js'));

/**
 * Returns { root, label }: the directory whose dist/ runs. `head` (the default): the last commit,
 * exported with `git archive` into a temporary directory (node_modules linked) and built there with
 * `npm run build` once per commit (the same /tmp/yvc-bench-<sha> directory the other benchmarks use),
 * so that other people's uncommitted work (and their builds, which empty dist/) neither breaks nor
 * colours the figures. `worktree`: this checkout's dist/, built with `npm run build` when it is
 * missing or older than the sources (skipBuild: never).
 */
export function prepareBuild({ tree = 'head', skipBuild = false, log = console.log } = {}) {
  if (!['worktree', 'head'].includes(tree)) throw new Error('--tree must be worktree or head');
  if (tree === 'head') {
    const sha = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
    if (!/^[0-9a-f]{40}$/.test(sha)) throw new Error('git rev-parse HEAD failed');
    const name = `yvc-bench-${sha.slice(0, 12)}`;
    const dir = join(tmpdir(), name);
    const label = `commit ${sha.slice(0, 12)}`;
    if (built(dir)) {
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
      if (!existsSync(dir)) renameSync(work, dir);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    return { root: dir, label };
  }
  const label = 'working tree';
  const marker = join(ROOT, 'dist/apps/api/src/main.js');
  const sources = Math.max(...['apps', 'libs', 'migrations', 'data'].map((d) => newestMtime(join(ROOT, d))));
  if (built(ROOT) && statSync(marker).mtimeMs >= sources) return { root: ROOT, label };
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
