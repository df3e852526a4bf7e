// Latency figures, and what else the machine was doing.
import { loadavg } from 'node:os';

/**
 * The q-quantile (0..1) of `times`, one of its values (no interpolation): by default the one at
 * index floor(q * n) of the sorted values (the figures of engagement, check-in and the registration
 * storm); `rank: 'ceil'` the textbook nearest rank, index ceil(q * n) - 1 (the reminders' figures).
 * `sorted: true` when `times` is sorted ascending already (spares the copy and the sort).
 */
export function quantile(times, q, { rank = 'floor', sorted = false } = {}) {
  if (!times.length) return NaN;
  const values = sorted ? times : [...times].sort((a, b) => a - b);
  const index = rank === 'ceil' ? Math.ceil(q * values.length) - 1 : Math.floor(q * values.length);
  return values[Math.max(0, Math.min(values.length - 1, index))];
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

/** The load averages (1, 5, 15 minutes) as printed next to the figures: "0.95 0.65 0.49". */
export const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
