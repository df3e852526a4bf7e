import { MantineProvider } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { type Client, Provider } from 'urql';
import { useSession } from '../shared/auth/session';
import { makeClient, setCurrentClient } from '../shared/graphql/client';
import type { Lang } from '../shared/i18n';
import { cssVariablesResolver, theme } from '../shared/theme';
import type { AppRouter } from './router';

/**
 * The whole app. The browser gives it its router (main.tsx); the build's prerender of the first
 * screen (prerender.tsx) renders this same component over a memory router and a client that sends
 * nothing, so the markup it writes is exactly what the browser's first render hydrates.
 */
export function App({
  router,
  newClient = makeClient,
}: {
  router: AppRouter;
  newClient?: (lang: Lang) => Client;
}) {
  const { i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const session = useSession();
  const memberId = session.status === 'member' ? session.member.id : null;
  // a new client (empty cache) per language and member: see shared/graphql/client.ts
  const client = useMemo(() => newClient(lang), [newClient, lang, memberId]);
  setCurrentClient(client);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  useEffect(() => {
    // the prerendered first screen, if any, is now the app's own (hydrated or replaced)
    document.getElementById('root')?.removeAttribute('data-prerendered');
  }, []);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Provider value={client}>
        <RouterProvider router={router} />
      </Provider>
    </MantineProvider>
  );
}
