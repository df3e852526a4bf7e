/**
 * The events list's first screen (header, title, introduction, filters) as HTML, drawn at build
 * time by the app's own components and put into index.html (vite.config.mts, `prerenderFirstScreen`),
 * so a phone paints it as soon as the HTML and the stylesheet arrive, before the JavaScript has
 * downloaded and run. It is not hydrated: the app's first render (main.tsx, createRoot) replaces
 * it with the same markup, then the events arrive. A small script in index.html hides it where it
 * would be wrong: any other page than `/`, or a remembered language other than Kazakh.
 * Built and run by Node only (vite build --ssr), never shipped to the browser.
 */
import { MantineProvider } from '@mantine/core';
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { Client, Provider } from 'urql';
import { routes } from './app/routes';
import { startI18n } from './shared/i18n';
import { kk } from './shared/i18n/kk';
import { cssVariablesResolver, theme } from './shared/theme';

export async function render(path = '/'): Promise<string> {
  await startI18n('kk', { kk: { translation: kk } });
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request(`http://localhost${path}`));
  if (context instanceof Response) throw new Error(`prerender of ${path}: answered ${context.status}`);
  const router = createStaticRouter(handler.dataRoutes, context);
  // no exchanges: queries stay "fetching" (their data is not part of the first screen)
  const client = new Client({ url: '/graphql', exchanges: [] });
  return renderToString(
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Provider value={client}>
        <StaticRouterProvider router={router} context={context} hydrate={false} />
      </Provider>
    </MantineProvider>,
  );
}
