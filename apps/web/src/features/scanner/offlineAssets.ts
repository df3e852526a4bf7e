/**
 * The scanner's own files (its page chunk, the decoder worker with jsQR) are not in the service
 * worker's precache: every student's phone would download the coordinator's decoder for nothing.
 * The service worker keeps any /assets/ file it serves in the runtime cache `yvc-assets`
 * (vite.config.mts); but the files fetched before it took control of the page (the first visit)
 * would be missing there, so once the scanner has started, online, it adds every same-origin
 * /assets/ file this page has loaded that no cache holds yet. After that the page opens offline.
 */
export const ASSETS_CACHE = 'yvc-assets';

export async function keepForOffline(extra: string[] = []): Promise<void> {
  if (typeof caches === 'undefined' || !navigator.onLine) return;
  const urls = new Set<string>(extra.map((u) => new URL(u, location.href).href));
  for (const entry of performance.getEntriesByType('resource')) urls.add(entry.name);
  const mine = [...urls].filter((u) => {
    const url = new URL(u);
    return url.origin === location.origin && url.pathname.startsWith('/assets/');
  });
  const cache = await caches.open(ASSETS_CACHE);
  await Promise.all(
    mine.map(async (u) => {
      try {
        if (!(await caches.match(u))) await cache.add(u);
      } catch {
        // a file that cannot be fetched now is tried again next time the page opens
      }
    }),
  );
}
