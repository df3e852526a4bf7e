// Resident memory of a process, sampled from /proc while a benchmark runs.
import { readFileSync } from 'node:fs';

/** VmRSS of `pid` in MB, or null where there is no /proc. */
export function rssMb(pid) {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Samples the RSS of `pid` every `everyMs` until stop(), which returns { maxMb, lastMb, samples }. */
export function sampleRss(pid, everyMs = 100) {
  let maxMb = rssMb(pid) ?? 0;
  let lastMb = maxMb;
  let samples = 1;
  const timer = setInterval(() => {
    const mb = rssMb(pid);
    if (mb === null) return;
    samples++;
    lastMb = mb;
    if (mb > maxMb) maxMb = mb;
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return { maxMb, lastMb, samples };
    },
  };
}
