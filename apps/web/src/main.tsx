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
}

void start();
