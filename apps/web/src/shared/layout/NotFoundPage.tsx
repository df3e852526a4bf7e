import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from './PageTitle';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('app.notFound')}>{t('app.notFound')}</PageTitle>
      <Anchor component={Link} to="/">
        {t('app.backHome')}
      </Anchor>
    </>
  );
}
