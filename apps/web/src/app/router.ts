import type { createBrowserRouter } from 'react-router';

/** A data router: the browser's (main.tsx) or the build's memory router (prerender.tsx). */
export type AppRouter = ReturnType<typeof createBrowserRouter>;

/** Resolves once the router has matched its first location and loaded that route's lazy chunk. */
export function routerReady(router: AppRouter): Promise<void> {
  if (router.state.initialized) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = router.subscribe((state) => {
      if (!state.initialized) return;
      stop();
      resolve();
    });
  });
}
