import { Alert, Anchor, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, isRouteErrorResponse, useRouteError } from 'react-router';

/**
 * Every route's error boundary: a page that throws while rendering (or whose code cannot be
 * loaded) shows this instead of a blank screen; nothing technical is shown.
 */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <Stack>
      <Title order={1} tabIndex={-1} id="page-title">
        {notFound ? t('app.notFound') : t('errors.page')}
      </Title>
      {!notFound && <Alert color="red">{t('errors.generic')}</Alert>}
      <Anchor component={Link} to="/">
        {t('app.backHome')}
      </Anchor>
    </Stack>
  );
}
