// Things to undo when a benchmark ends (normally, on error or on Ctrl-C), last registered first.

/** Returns { defer(fn), cleanup() }; SIGINT/SIGTERM run the cleanup and exit with 130. */
export function cleanupStack(log = console.log) {
  const fns = [];
  let cleaning = false;
  const cleanup = async () => {
    if (cleaning) return;
    cleaning = true;
    for (const fn of fns.reverse())
      await Promise.resolve()
        .then(fn)
        .catch((e) => log(`cleanup: ${e.message}`));
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => cleanup().finally(() => process.exit(130)));
  }
  return { defer: (fn) => fns.push(fn), cleanup };
}

/** Runs `main`; an error is printed (prefixed `[tag]`) and sets exit code 1; `cleanup` runs last. */
export function runMain(main, tag, cleanup) {
  return main()
    .catch((err) => {
      console.error(`[${tag}] ${err.stack ?? err.message}`);
      process.exitCode = 1;
    })
    .finally(cleanup);
}

/**
 * Prints the run's verdict (`<label>: PASS` with `passNote`, or FAIL and each failure) and sets
 * the exit code to 1 on failure. Timings never decide it.
 */
export function printVerdict(label, failures, passNote = '') {
  console.log('');
  if (failures.length) {
    console.log(`${label}: FAIL`);
    for (const f of failures) console.log(`  - ${f}`);
    process.exitCode = 1;
  } else console.log(`${label}: PASS${passNote ? ` (${passNote})` : ''}`);
}
