import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Image,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { MyBadgesQuery } from '../../gql/graphql';
import { RequireMember } from '../../shared/auth/RequireMember';
import { ErrorAlert } from '../../shared/errors/ErrorAlert';
import type { Lang } from '../../shared/i18n';
import { formatDate } from '../../shared/i18n/format';
import { PageTitle } from '../../shared/layout/PageTitle';
import { ownPath, saveFile } from './download';
import { WRAPPING_BUTTON } from './wrap';

const MyBadgesDocument = graphql(`
  query MyBadges {
    me {
      id
      timeZone
      badges {
        id
        awardedAt
        revokedAt
        verifyUrl
        credential
        badge {
          id
          code
          name
          description
          criteria
          imageUrl
        }
      }
    }
  }
`);

type Award = NonNullable<MyBadgesQuery['me']>['badges'][number];

function AwardCard({ award, timeZone }: { award: Award; timeZone: string | undefined }) {
  const { t, i18n } = useTranslation();
  const headingId = `badge-${award.id}`;
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={headingId} data-testid="badge-card">
      <Group align="flex-start" wrap="nowrap" gap="md">
        {award.badge.imageUrl && (
          // the name is the heading next to it: the image itself says nothing more
          <Image src={ownPath(award.badge.imageUrl)} alt="" w={72} h={72} fit="contain" loading="lazy" />
        )}
        <Stack gap={4}>
          <Title order={2} size="h4" id={headingId}>
            {award.badge.name}
          </Title>
          {award.revokedAt && (
            <Badge color="gray" variant="outline" c="dark">
              {t('badges.revoked')}
            </Badge>
          )}
          <Text size="sm">{award.badge.description}</Text>
          <Text size="sm">
            {t('badges.criteria')}: {award.badge.criteria}
          </Text>
          <Text size="sm">
            {t('badges.awardedAt')}: {formatDate(award.awardedAt, i18n.language as Lang, timeZone)}
          </Text>
        </Stack>
      </Group>
      {!award.revokedAt && (
        <Stack gap={6} mt="sm" align="flex-start">
          <Button
            variant="default"
            size="sm"
            aria-describedby={`${headingId}-hint`}
            styles={WRAPPING_BUTTON}
            onClick={() =>
              saveFile(
                new Blob([award.credential], { type: 'application/vc+jwt' }),
                `${award.badge.code}-${award.id.slice(0, 8)}.jwt`,
              )
            }
          >
            {t('badges.download')}
          </Button>
          <Text size="xs" c="dimmed" id={`${headingId}-hint`}>
            {t('badges.downloadHint')}
          </Text>
          <Anchor href={award.verifyUrl} target="_blank" rel="noopener" size="sm">
            {t('badges.publicPage')}
          </Anchor>
        </Stack>
      )}
    </Card>
  );
}

function Badges() {
  const { t } = useTranslation();
  const [res, reexecute] = useQuery({ query: MyBadgesDocument });
  const me = res.data?.me;
  return (
    <Stack>
      <PageTitle title={t('badges.title')}>{t('badges.title')}</PageTitle>
      <ErrorAlert error={res.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {!me && res.fetching && <Loader aria-label={t('app.loading')} />}
      {me && me.badges.length === 0 && <Text>{t('badges.empty')}</Text>}
      {me && me.badges.length > 0 && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {me.badges.map((a) => (
            <AwardCard key={a.id} award={a} timeZone={me.timeZone ?? undefined} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

/** The member's badges: image, name, criteria, date, and the signed credential for a wallet. */
export default function BadgesPage() {
  return <RequireMember>{() => <Badges />}</RequireMember>;
}
