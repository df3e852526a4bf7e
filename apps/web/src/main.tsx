import '@mantine/core/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { restore } from './shared/auth/session';
import { makeClient, setCurrentClient } from './shared/graphql/client';
import { initI18n, initialLang } from './shared/i18n';

async function start(): Promise<void> {
  await initI18n();
  setCurrentClient(makeClient(initialLang()));
  // once per load: a reload keeps the member signed in through the httpOnly refresh cookie
  void restore();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  registerServiceWorker();
}

/**
 * The service worker (vite.config.mts) makes the app installable and open offline. Registered
 * after the page is up, from its own small chunk; a new version takes over at once (autoUpdate).
 */
function registerServiceWorker(): void {
  // not under `vite` (dev server): no sw.js there
  if (import.meta.env.MODE === 'development' || !('serviceWorker' in navigator)) return;
  const register = () =>
    void import('virtual:pwa-register')
      .then(({ registerSW }) => registerSW({ immediate: true }))
      .catch(() => undefined); // no service worker: the app still works online
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

void start();
