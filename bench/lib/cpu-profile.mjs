// Preloaded into a process a benchmark starts (node --import <this file's URL>): SIGWINCH (a
// signal Nest's shutdown hooks leave alone, unlike SIGUSR2) starts
// V8's sampling profiler, the next SIGWINCH stops it and writes
// $YVC_CPU_PROF_DIR/<label>-<pid>-<n>.cpuprofile (Chrome DevTools format; bench/lib/profile-summary.mjs
// sums it up). Only the window between the two signals is profiled, not the start-up.
import fs from 'node:fs';
import inspector from 'node:inspector';
import path from 'node:path';

const dir = process.env.YVC_CPU_PROF_DIR;
const label = process.env.YVC_CPU_PROF_LABEL || 'process';
const session = new inspector.Session();
session.connect();
let running = false;
let n = 0;
process.on('SIGWINCH', () => {
  if (!running) {
    session.post('Profiler.enable');
    session.post('Profiler.setSamplingInterval', { interval: 200 });
    session.post('Profiler.start');
    running = true;
    return;
  }
  running = false;
  session.post('Profiler.stop', (err, result) => {
    if (err) return console.error(`cpu profile: ${err.message}`);
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${label}-${process.pid}-${++n}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(result.profile));
  });
});
