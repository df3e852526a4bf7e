import { Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { ownPath } from '../account/download';
import { ErrorAlert } from '../../shared/errors/ErrorAlert';
import { useFeatureTranslation } from '../../shared/i18n/namespaces';
import { AdminShell } from './AdminShell';

const BadgeCatalogueDocument = graphql(`
  query AdminBadgeCatalogue {
    badgeClasses {
      id
      code
      name
      description
      criteria
      imageUrl
      manual
    }
  }
`);

function Catalogue() {
  const { t } = useFeatureTranslation('admin');
  const [res, reexecute] = useQuery({ query: BadgeCatalogueDocument });
  const list = res.data?.badgeClasses;
  return (
    <Stack>
      <Text>{t('badges.intro')}</Text>
      <ErrorAlert error={res.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {!list && res.fetching && <Loader aria-label={t('badges.title')} />}
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {list?.map((b) => (
          <li key={b.id} data-testid="badge-class">
            <Paper withBorder p="md">
              <Group align="start" wrap="nowrap" gap="md">
                {b.imageUrl && (
                  <img src={ownPath(b.imageUrl)} alt="" width={64} height={64} style={{ flex: 'none' }} />
                )}
                <Stack gap={4}>
                  <Title order={2} size="h4">
                    {b.name}
                  </Title>
                  <Text size="sm">{b.description}</Text>
                  <Text size="sm">
                    <strong>{t('badges.criteria')}:</strong> {b.criteria}
                  </Text>
                  <Text size="sm">
                    {b.manual ? `✋ ${t('badges.manual')}` : `⚙ ${t('badges.automatic')}`} ·{' '}
                    {t('badges.code')}: <code translate="no">{b.code}</code>
                  </Text>
                </Stack>
              </Group>
            </Paper>
          </li>
        ))}
      </Stack>
    </Stack>
  );
}

/** /admin/badges: the badge catalogue, read-only, with each badge's criteria. */
export default function BadgeCatalogPage() {
  const { t } = useFeatureTranslation('admin');
  return <AdminShell title={t('badges.title')}>{() => <Catalogue />}</AdminShell>;
}
