import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../shared/layout/PageTitle';

/** Shown once consent is withdrawn and the session ended: what happened, and a way on. */
export default function FarewellPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={640}>
      <PageTitle title={t('farewell.title')}>{t('farewell.title')}</PageTitle>
      <Text data-testid="farewell">{t('farewell.text')}</Text>
      <Anchor component={Link} to="/">
        {t('app.backHome')}
      </Anchor>
    </Stack>
  );
}
