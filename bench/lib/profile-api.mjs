// Profiling the API a benchmark starts, for one phase only: profilerSetup() before startApi (the
// preload and its environment), profileApi() around the phase (bench/lib/cpu-profile.mjs listens
// for SIGWINCH), summed up by bench/lib/profile-summary.mjs.
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { summarise } from './profile-summary.mjs';

/** --cpu-prof DIR (or nothing): { profDir, nodeArgs } for startApi; sets the preload's env. */
export function profilerSetup(dirOption, env) {
  const profDir = dirOption ? resolve(dirOption) : null;
  const nodeArgs = [];
  if (profDir) {
    mkdirSync(profDir, { recursive: true });
    nodeArgs.push('--import', new URL('./cpu-profile.mjs', import.meta.url).href);
    env.YVC_CPU_PROF_DIR = profDir;
    env.YVC_CPU_PROF_LABEL = 'api';
  }
  return { profDir, nodeArgs };
}

/** Starts V8's profiler in the API (bench/lib/cpu-profile.mjs); stop() writes it and sums it up. */
export function profileApi(api, dir) {
  if (!dir) return { stop: async () => null };
  process.kill(api.pid, 'SIGWINCH');
  return {
    async stop() {
      if (api.exited)
        return { file: null, summary: `the API exited (${api.exitCode}) before the profile was written` };
      const before = new Set(
        readdirSync(dir, { withFileTypes: false }).filter((f) => f.endsWith('.cpuprofile')),
      );
      try {
        process.kill(api.pid, 'SIGWINCH');
      } catch {
        return { file: null, summary: 'the API was gone before the profile was written' };
      }
      for (let waited = 0; waited < 20000; waited += 100) {
        const fresh = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile') && !before.has(f));
        if (fresh.length) {
          await new Promise((r) => setTimeout(r, 300)); // let the write finish
          const file = join(dir, fresh[0]);
          return { file, summary: summarise(JSON.parse(readFileSync(file, 'utf8')), 25) };
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      return { file: null, summary: 'no profile was written' };
    },
  };
}
