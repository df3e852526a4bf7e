import {
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { EventStatus } from '../../gql/graphql';
import { ErrorAlert } from '../../shared/errors/ErrorAlert';
import { type Lang } from '../../shared/i18n';
import { formatDateTime } from '../../shared/i18n/format';
import { useFeatureTranslation } from '../../shared/i18n/namespaces';
import { PageTitle } from '../../shared/layout/PageTitle';
import { StaffPage } from './StaffPage';

const MyScopeDocument = graphql(`
  query ConsoleScope {
    myStaffScope {
      units {
        id
        name
        level
      }
      clubs {
        id
        name
        institution
        memberCount
        unit {
          id
          name
        }
      }
    }
  }
`);

const MyEventsDocument = graphql(`
  query ConsoleEvents($filter: EventFilter!, $after: String) {
    events(filter: $filter, first: 20, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          kind
          status
          startsAt
          timeZone
          capacity
          registeredCount
          waitlistCount
          attendedCount
          club {
            id
            name
          }
          unit {
            id
            name
          }
        }
      }
    }
  }
`);

const STATUSES: EventStatus[] = ['PUBLISHED', 'DRAFT', 'COMPLETED', 'CANCELLED'];

function EventList({ status }: { status: EventStatus }) {
  const { t, i18n } = useFeatureTranslation('console');
  const lang = i18n.language as Lang;
  const [pages, setPages] = useState<Array<string | null>>([null]);
  return (
    <Stack gap="sm" data-testid={`events-${status}`}>
      {pages.map((after, i) => (
        <EventPage
          key={after ?? 'first'}
          status={status}
          after={after}
          last={i === pages.length - 1}
          onMore={(cursor) => setPages((p) => [...p, cursor])}
          lang={lang}
          t={t}
        />
      ))}
    </Stack>
  );
}

function EventPage({
  status,
  after,
  last,
  onMore,
  lang,
  t,
}: {
  status: EventStatus;
  after: string | null;
  last: boolean;
  onMore: (cursor: string) => void;
  lang: Lang;
  t: ReturnType<typeof useFeatureTranslation>['t'];
}) {
  const [res, reexecute] = useQuery({
    query: MyEventsDocument,
    variables: { filter: { mine: true, status }, after },
    requestPolicy: 'cache-and-network',
  });
  const conn = res.data?.events;
  if (!conn && res.fetching) return <Loader aria-label={t('app.loading', { ns: 'translation' })} />;
  if (!conn)
    return <ErrorAlert error={res.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  return (
    <>
      {after === null && conn.totalCount === 0 && <Text>{t('home.noEvents')}</Text>}
      {after === null && conn.totalCount > 0 && (
        <Text size="sm">{t('home.eventCount', { count: conn.totalCount })}</Text>
      )}
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {conn.edges.map(({ node: e }) => (
          <li key={e.id} data-testid="console-event">
            <Paper withBorder p="sm">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <div>
                  <Anchor component={Link} to={`/console/events/${e.id}`} fw={600}>
                    {e.title}
                  </Anchor>
                  <Text size="sm">
                    <time dateTime={e.startsAt}>{formatDateTime(e.startsAt, lang, e.timeZone)}</time> ·{' '}
                    {t(`events.kind.${e.kind}`, { ns: 'translation' })} · {e.club?.name ?? e.unit.name}
                  </Text>
                </div>
                <Text size="sm">
                  {t('home.seats', { registered: e.registeredCount, capacity: e.capacity })}
                  {e.waitlistCount > 0 && ` · ${t('home.waitlisted', { count: e.waitlistCount })}`}
                  {e.attendedCount > 0 && ` · ${t('home.attended', { count: e.attendedCount })}`}
                </Text>
              </Group>
            </Paper>
          </li>
        ))}
      </Stack>
      {last && conn.pageInfo.hasNextPage && conn.pageInfo.endCursor && (
        <Button
          variant="default"
          onClick={() => onMore(conn.pageInfo.endCursor!)}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('home.more')}
        </Button>
      )}
    </>
  );
}

function Console() {
  const { t } = useFeatureTranslation('console');
  const [params, setParams] = useSearchParams();
  const tab = (STATUSES as string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as EventStatus)
    : 'PUBLISHED';
  const [res, reexecute] = useQuery({ query: MyScopeDocument });
  const scope = res.data?.myStaffScope;
  return (
    <Stack>
      <PageTitle title={t('home.title')}>{t('home.title')}</PageTitle>
      <Group>
        <Button component={Link} to="/console/events/new" data-testid="new-event">
          {t('home.newEvent')}
        </Button>
      </Group>

      <section aria-labelledby="events-title">
        <Title order={2} size="h3" id="events-title" mb="xs">
          {t('home.events')}
        </Title>
        <Tabs
          value={tab}
          onChange={(v) => v && setParams({ status: v }, { replace: true })}
          keepMounted={false}
        >
          <Tabs.List>
            {STATUSES.map((s) => (
              <Tabs.Tab key={s} value={s} data-testid={`tab-${s}`}>
                {t(`status.${s}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {STATUSES.map((s) => (
            <Tabs.Panel key={s} value={s} pt="sm">
              <EventList status={s} />
            </Tabs.Panel>
          ))}
        </Tabs>
      </section>

      <section aria-labelledby="clubs-title">
        <Title order={2} size="h3" id="clubs-title" mb="xs">
          {t('home.clubs')}
        </Title>
        <ErrorAlert error={res.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
        {!scope && res.fetching && <Loader aria-label={t('app.loading', { ns: 'translation' })} />}
        {scope && scope.clubs.length === 0 && <Text>{t('home.noClubs')}</Text>}
        {scope && (
          <SimpleGrid
            cols={{ base: 1, sm: 2 }}
            spacing="sm"
            component="ul"
            style={{ listStyle: 'none', padding: 0 }}
          >
            {scope.clubs.map((c) => (
              <li key={c.id} data-testid="console-club">
                <Paper withBorder p="sm" h="100%">
                  <Anchor component={Link} to={`/console/clubs/${c.id}`} fw={600}>
                    {c.name}
                  </Anchor>
                  <Text size="sm">
                    {c.unit.name}
                    {c.institution && ` · ${c.institution}`}
                  </Text>
                  <Text size="sm">{t('home.members', { count: c.memberCount })}</Text>
                </Paper>
              </li>
            ))}
          </SimpleGrid>
        )}
        {scope && scope.units.length > 0 && (
          <>
            <Title order={3} size="h4" mt="sm" mb="xs">
              {t('home.units')}
            </Title>
            <Group gap="xs" component="ul" style={{ listStyle: 'none', padding: 0 }}>
              {scope.units.map((u) => (
                <li key={u.id}>
                  <Badge variant="outline" color="dark" size="lg" tt="none">
                    {u.name}
                  </Badge>
                </li>
              ))}
            </Group>
          </>
        )}
      </section>
    </Stack>
  );
}

/** The console's start: my events by status and date, my clubs (to their members) and units. */
export default function ConsolePage() {
  return <StaffPage>{() => <Console />}</StaffPage>;
}
