import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

/** navigator.onLine, kept current by the browser's online/offline events. */
export function useOnline(): boolean {
  // the build's prerender (no browser) draws the page as online
  return useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  );
}
