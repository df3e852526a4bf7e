// Preloaded into a benchmark's child process (NODE_OPTIONS=--import <this file>): profiles its CPU
// from the start and writes BENCH_CPU_PROF_DIR/<BENCH_CPU_PROF_NAME>-<pid>.cpuprofile on SIGTERM,
// before the process's own shutdown (Nest re-raises the signal after closing, so --cpu-prof would
// write nothing).
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const dir = process.env.BENCH_CPU_PROF_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 1000 });
  session.post('Profiler.start');
  let written = false;
  process.prependListener('SIGTERM', () => {
    if (written) return;
    written = true;
    session.post('Profiler.stop', (err, result) => {
      if (err) return;
      mkdirSync(dir, { recursive: true });
      const name = `${process.env.BENCH_CPU_PROF_NAME ?? 'process'}-${process.pid}.cpuprofile`;
      writeFileSync(join(dir, name), JSON.stringify(result.profile));
    });
  });
}
