// Latency figures.

/** The q-quantile (0..1) of `times` (nearest rank, no interpolation). */
export function quantile(times, q) {
  if (!times.length) return NaN;
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** { n, p50, p95, p99, min, max, mean } in the unit of `times`. */
export function summarize(times) {
  const n = times.length;
  return {
    n,
    p50: quantile(times, 0.5),
    p95: quantile(times, 0.95),
    p99: quantile(times, 0.99),
    min: n ? Math.min(...times) : NaN,
    max: n ? Math.max(...times) : NaN,
    mean: n ? times.reduce((a, b) => a + b, 0) / n : NaN,
  };
}

/** Runs `fn` `runs` times one after another; per-run milliseconds and the last value. */
export async function timeRuns(runs, fn) {
  const times = [];
  let value;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    value = await fn(i);
    times.push(performance.now() - t);
  }
  return { times, value };
}

export const ms = (v, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : '-');
