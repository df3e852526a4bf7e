import { setFlagsFromString } from 'node:v8';
import type { AppConfig } from './config.schema';

/**
 * How far V8 lets the old generation grow past what the last full collection kept before it
 * collects again (HEAP_GROWING_PERCENT). V8 chooses up to 4x by itself when its heap limit is large
 * (about 4 GB on a machine with 16 GB or more), so a process whose live heap is 90 MB sat at 300-400
 * MB of garbage under load; 50 keeps it near 1.5x for a few more full collections (mostly
 * concurrent). 0 leaves V8's own choice. Process-wide (worker threads too); read at every full
 * collection, so it takes effect from the next one.
 */
export function applyHeapGrowth(
  config: Pick<AppConfig, 'HEAP_GROWING_PERCENT' | 'SEMI_SPACE_GROWTH_FACTOR'>,
): void {
  for (const flag of heapFlags(config)) setFlagsFromString(flag);
}

/**
 * The V8 flags applyHeapGrowth sets. V8's flags are process-wide, and setting up the heap of a new
 * isolate (a worker thread) raises --semi-space-growth-factor back to 2 if it is lower (measured:
 * the API's young generation grew to 32 MB right after the engagement threads started, and stays
 * at 2 MB when the thread sets the flags again; --heap-growing-percent was not reset), so a worker
 * thread of ours sets these again first thing (PassThreads). SEMI_SPACE_GROWTH_FACTOR:
 * apps/api/src/young-generation.ts.
 */
export function heapFlags(
  config: Pick<AppConfig, 'HEAP_GROWING_PERCENT' | 'SEMI_SPACE_GROWTH_FACTOR'>,
): string[] {
  const flags: string[] = [];
  if (config.HEAP_GROWING_PERCENT > 0) flags.push(`--heap-growing-percent=${config.HEAP_GROWING_PERCENT}`);
  if (config.SEMI_SPACE_GROWTH_FACTOR > 0)
    flags.push(`--semi-space-growth-factor=${config.SEMI_SPACE_GROWTH_FACTOR}`);
  return flags;
}
