import { MantineProvider } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider, createBrowserRouter } from 'react-router';
import { Provider } from 'urql';
import { useSession } from '../shared/auth/session';
import { makeClient, setCurrentClient } from '../shared/graphql/client';
import type { Lang } from '../shared/i18n';
import { cssVariablesResolver, theme } from '../shared/theme';
import { routes } from './routes';

const router = createBrowserRouter(routes);

export function App() {
  const { i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const session = useSession();
  const memberId = session.status === 'member' ? session.member.id : null;
  // a new client (empty cache) per language and member: see shared/graphql/client.ts
  const client = useMemo(() => makeClient(lang), [lang, memberId]);
  setCurrentClient(client);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Provider value={client}>
        <RouterProvider router={router} />
      </Provider>
    </MantineProvider>
  );
}
