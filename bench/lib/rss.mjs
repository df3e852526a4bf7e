// Resident memory of a process, sampled from /proc while a benchmark runs.
import { readFileSync } from 'node:fs';
import { processTree } from './load.mjs';

/** VmRSS of `pid` in MB, or null where there is no /proc. */
export function rssMb(pid) {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Samples the RSS of `pid` and of its descendants (the API's processes under a cluster supervisor)
 * every `everyMs` until stop(), which returns { maxMb, lastMb, samples, processes }: maxMb is the
 * largest single process's peak (the memory goal is per process), lastMb that process's last
 * sample, processes how many were sampled at most at once.
 */
export function sampleRss(pid, everyMs = 100) {
  const peaks = new Map();
  const last = new Map();
  let samples = 0;
  let processes = 0;
  const sample = () => {
    const tree = processTree(pid);
    let seen = 0;
    for (const p of tree) {
      const mb = rssMb(p);
      if (mb === null) continue;
      seen++;
      last.set(p, mb);
      if (mb > (peaks.get(p) ?? 0)) peaks.set(p, mb);
    }
    if (seen) samples++;
    processes = Math.max(processes, seen);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      let maxMb = 0;
      let lastMb = 0;
      for (const [p, mb] of peaks)
        if (mb > maxMb) {
          maxMb = mb;
          lastMb = last.get(p) ?? mb;
        }
      return { maxMb, lastMb, samples, processes };
    },
  };
}
