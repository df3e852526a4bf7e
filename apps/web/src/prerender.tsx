/**
 * The events list's first screen (header, title, introduction, filters) as HTML, drawn at build
 * time by the app itself (the same `App` component over a memory router) and put into index.html
 * (vite.config.mts, `prerenderFirstScreen`), so a phone paints it as soon as the HTML and the
 * stylesheet arrive, before the JavaScript has downloaded and run. The browser then hydrates it
 * (main.tsx, hydrateRoot): React adopts the painted elements instead of drawing copies, so the
 * first paint stays the largest one. A small script in index.html hides it where it would be
 * wrong (any other page than `/`, or a remembered language other than Kazakh); there main.tsx
 * renders afresh (createRoot).
 * Built and run by Node only (vite build --ssr), never shipped to the browser.
 */
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { createMemoryRouter } from 'react-router';
import { Client } from 'urql';
import { App } from './app/App';
import { routerReady } from './app/router';
import { routes } from './app/routes';
import { startI18n } from './shared/i18n';
import { kk } from './shared/i18n/kk';

// no exchanges: queries stay "fetching" (their data is not part of the first screen), as they are
// in the browser's first render
const idle = () => new Client({ url: '/graphql', exchanges: [] });

export async function render(path = '/'): Promise<string> {
  await startI18n('kk', { kk: { translation: kk } });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  await routerReady(router);
  if (router.state.errors) throw new Error(`prerender of ${path}: ${JSON.stringify(router.state.errors)}`);
  return renderToString(
    <StrictMode>
      <App router={router} newClient={idle} />
    </StrictMode>,
  );
}
