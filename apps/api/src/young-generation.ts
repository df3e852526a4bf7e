import { setFlagsFromString } from 'node:v8';

/**
 * V8's young generation (two semi-spaces) starts at 1 MB each and doubles, up to 16 MB each,
 * whenever many objects survive a scavenge; it never shrinks back while the process is busy. An
 * engagement answer for the country (thousands of rows alive while GraphQL executes and
 * serialises it) grew it to the maximum: 32 MB of RSS held for good. SEMI_SPACE_GROWTH_FACTOR=1
 * keeps it at its start size, 2 MB: 20-30 MB less RSS, but the many more scavenges cost the API's
 * thread ~32 instead of ~9 ms of GC per answer for the country (docs/performance.md, "sixth
 * session"), so the default (0) leaves it to V8. It must be set
 * before the application's modules load (their loading already grows it), so main.ts imports this
 * file first and it reads the variable itself; loadConfig validates the same variable afterwards.
 */
const factor = Number(process.env.SEMI_SPACE_GROWTH_FACTOR ?? 0);
if (Number.isInteger(factor) && factor > 0 && factor <= 8)
  setFlagsFromString(`--semi-space-growth-factor=${factor}`);
