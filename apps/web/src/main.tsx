import '@mantine/core/styles.css';
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { App } from './app/App';
import { routerReady } from './app/router';
import { routes } from './app/routes';
import { restore } from './shared/auth/session';
import { makeClient, setCurrentClient } from './shared/graphql/client';
import { initI18n, initialLang } from './shared/i18n';

// created first: the page's lazy chunk loads while the translations do
const router = createBrowserRouter(routes);

async function start(): Promise<void> {
  await initI18n();
  setCurrentClient(makeClient(initialLang()));
  // once per load: a reload keeps the member signed in through the httpOnly refresh cookie
  void restore();
  const container = document.getElementById('root')!;
  const app = (
    <StrictMode>
      <App router={router} />
    </StrictMode>
  );
  if (hydratable(container)) {
    // the build drew this very screen into index.html (prerender.tsx): React adopts that markup
    // instead of painting a copy, so the phone's first paint stays the page's largest paint
    await routerReady(router);
    hydrateRoot(container, app, {
      onRecoverableError: (error) => console.error('hydration of the prerendered screen:', error),
    });
  } else {
    container.removeAttribute('data-prerendered');
    createRoot(container).render(app);
  }
  registerServiceWorker();
}

/**
 * The prerendered first screen is `/` in Kazakh with no filter, nobody signed in (the header of an
 * unknown session): the same conditions as index.html's inline script, plus no query string (a
 * filter in the URL changes the form's values).
 */
function hydratable(container: HTMLElement): boolean {
  return (
    container.hasAttribute('data-prerendered') &&
    document.documentElement.getAttribute('data-prerender') !== 'off' &&
    location.pathname === '/' &&
    location.search === '' &&
    initialLang() === 'kk'
  );
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
