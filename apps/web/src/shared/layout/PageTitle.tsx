import { Title } from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

let navigated = false;
/** Called by the layout when the location changes inside the app (not on the first load). */
export function markNavigation(): void {
  navigated = true;
}

/**
 * A page's one <h1>. It names the browser tab, and after a navigation inside the app it takes the
 * focus, so a screen reader announces the new page and Tab continues from its top (on the first
 * load the focus stays at the start of the document, where the skip link is).
 */
export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    if (navigated) ref.current?.focus();
  }, []);
  return (
    <Title order={1} ref={ref} tabIndex={-1} id="page-title" mb="md" style={{ outlineOffset: 4 }}>
      {children}
    </Title>
  );
}
