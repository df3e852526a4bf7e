import { Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { EventKind } from '../../gql/graphql';
import { ErrorAlert } from '../../shared/errors/ErrorAlert';
import { sortByName } from '../../shared/i18n/format';
import { PageTitle } from '../../shared/layout/PageTitle';
import { EventCard } from './EventCard';

const PublicEventsDocument = graphql(`
  query PublicEvents($filter: PublicEventFilter, $first: Int, $after: String) {
    publicEvents(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...EventSummary
        }
      }
    }
  }
`);

const UnitsDocument = graphql(`
  query Units {
    units {
      id
      name
      level
    }
  }
`);

const KINDS: EventKind[] = ['FORUM', 'DEBATE', 'TRAINING', 'MOCK_ELECTION', 'QUIZ', 'MEETING', 'OTHER'];
const PAGE = 20;

/** Published events for anyone, no account needed; filters live in the URL (shareable, Back works). */
export default function EventsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unit') ?? '';
  const kind = (params.get('kind') ?? '') as EventKind | '';
  const from = params.get('from') ?? '';
  const [pages, setPages] = useState(1);
  const filter = useMemo(
    () => ({
      unitId: unitId || null,
      kind: kind || null,
      // the chosen day from its start in Almaty (UTC+5)
      from: from ? `${from}T00:00:00+05:00` : new Date().toISOString().slice(0, 16) + ':00Z',
    }),
    [unitId, kind, from],
  );
  const [events, reexecute] = useQuery({
    query: PublicEventsDocument,
    variables: { filter, first: PAGE * pages },
  });
  const [units] = useQuery({ query: UnitsDocument });
  const unitOptions = useMemo(
    () => sortByName(units.data?.units.filter((u) => u.level !== 'REGION') ?? [], (u) => u.name),
    [units.data],
  );
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setPages(1);
    setParams(next, { replace: true });
  };
  const list = events.data?.publicEvents;
  return (
    <>
      <PageTitle title={t('events.title')}>{t('events.title')}</PageTitle>
      <Text mb="md">{t('events.intro')}</Text>
      <Stack component="section" aria-label={t('events.filters')} mb="md" gap="xs">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NativeSelect
            label={t('events.filter.unit')}
            value={unitId}
            onChange={(e) => set('unit', e.currentTarget.value)}
            data={[
              { value: '', label: t('events.filter.any') },
              ...unitOptions.map((u) => ({ value: u.id, label: u.name })),
            ]}
            data-testid="filter-unit"
          />
          <NativeSelect
            label={t('events.filter.kind')}
            value={kind}
            onChange={(e) => set('kind', e.currentTarget.value)}
            data={[
              { value: '', label: t('events.filter.any') },
              ...KINDS.map((k) => ({ value: k, label: t(`events.kind.${k}`) })),
            ]}
            data-testid="filter-kind"
          />
          <TextInput
            type="date"
            label={t('events.filter.from')}
            value={from}
            onChange={(e) => set('from', e.currentTarget.value)}
            data-testid="filter-from"
          />
        </SimpleGrid>
      </Stack>
      <ErrorAlert error={events.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {list && (
        <>
          <Text role="status" size="sm" mb="xs" data-testid="events-count">
            {t('events.count', { count: list.totalCount })}
          </Text>
          {list.edges.length === 0 ? (
            <Text>{t('events.empty')}</Text>
          ) : (
            <Stack gap="sm">
              {list.edges.map(({ node }) => (
                <EventCard key={node.id} event={node} />
              ))}
            </Stack>
          )}
          {list.pageInfo.hasNextPage && (
            <Group justify="center" mt="md">
              <Button variant="default" onClick={() => setPages((p) => p + 1)}>
                {t('events.more')}
              </Button>
            </Group>
          )}
        </>
      )}
    </>
  );
}
