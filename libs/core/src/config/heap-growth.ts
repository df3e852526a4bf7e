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
export function applyHeapGrowth(config: Pick<AppConfig, 'HEAP_GROWING_PERCENT'>): void {
  if (config.HEAP_GROWING_PERCENT > 0)
    setFlagsFromString(`--heap-growing-percent=${config.HEAP_GROWING_PERCENT}`);
}
