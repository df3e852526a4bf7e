import { Anchor, Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { RequireMember } from '../../shared/auth/RequireMember';
import { ErrorAlert } from '../../shared/errors/ErrorAlert';
import type { Lang } from '../../shared/i18n';
import { formatDateTime } from '../../shared/i18n/format';
import { PageTitle } from '../../shared/layout/PageTitle';

const PAGE = 20;

const MyNotificationsDocument = graphql(`
  query MyNotifications($first: Int) {
    notifications(first: $first) {
      totalCount
      unreadCount
      pageInfo {
        hasNextPage
      }
      edges {
        node {
          id
          kind
          title
          body
          createdAt
          readAt
          event {
            id
          }
        }
      }
    }
  }
`);

const MarkReadDocument = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }
`);

/** The mutation answers a number: these are the cached results it makes stale (this page, the header's count). */
const CHANGED = { additionalTypenames: ['Notification', 'NotificationConnection'] };

function Notifications({ timeZone }: { timeZone: string | undefined }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [pages, setPages] = useState(1);
  const [res, reexecute] = useQuery({
    query: MyNotificationsDocument,
    variables: { first: PAGE * pages },
    requestPolicy: 'cache-and-network',
  });
  const [marked, mark] = useMutation(MarkReadDocument);
  const list = res.data?.notifications;
  const markRead = (ids?: string[]) => void mark(ids ? { ids } : {}, CHANGED);

  return (
    <Stack>
      <PageTitle title={t('notifications.title')}>{t('notifications.title')}</PageTitle>
      <ErrorAlert error={res.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      <ErrorAlert error={marked.error} />
      {!list && res.fetching && <Loader aria-label={t('app.loading')} />}
      {list && list.edges.length === 0 && <Text>{t('notifications.empty')}</Text>}
      {list && list.unreadCount > 0 && (
        <Group justify="space-between" wrap="wrap">
          <Text role="status" data-testid="unread-summary">
            {t('notifications.unreadCount', { count: list.unreadCount })}
          </Text>
          <Button
            variant="default"
            onClick={() => markRead()}
            loading={marked.fetching}
            data-testid="mark-all-read"
          >
            {t('notifications.markAllRead')}
          </Button>
        </Group>
      )}
      {list && list.edges.length > 0 && (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {list.edges.map(({ node: n }) => (
            <Card
              key={n.id}
              component="li"
              withBorder
              padding="sm"
              data-testid="notification"
              data-unread={n.readAt ? undefined : 'true'}
              style={n.readAt ? undefined : { borderLeft: '4px solid var(--mantine-color-blue-8)' }}
            >
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                <Title order={2} size="h5">
                  {n.title}
                </Title>
                {!n.readAt && (
                  <Badge color="blue.8" variant="filled" tt="none" style={{ flexShrink: 0 }}>
                    {t('notifications.unread')}
                  </Badge>
                )}
              </Group>
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-line' }}>
                {n.body}
              </Text>
              <Group justify="space-between" mt={6} wrap="wrap" gap="xs">
                <Text size="xs" c="dimmed">
                  <time dateTime={n.createdAt}>{formatDateTime(n.createdAt, lang, timeZone)}</time>
                </Text>
                <Group gap="sm">
                  {n.event && (
                    <Anchor component={Link} to={`/events/${n.event.id}`} size="sm">
                      {t('notifications.openEvent')}
                    </Anchor>
                  )}
                  {!n.readAt && (
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      onClick={() => markRead([n.id])}
                      aria-label={`${t('notifications.markRead')}: ${n.title}`}
                    >
                      {t('notifications.markRead')}
                    </Button>
                  )}
                </Group>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      {list?.pageInfo.hasNextPage && (
        <Button variant="default" onClick={() => setPages((p) => p + 1)} loading={res.fetching}>
          {t('notifications.more')}
        </Button>
      )}
    </Stack>
  );
}

/** The member's in-app notifications, newest first, a page at a time; mark one or all read. */
export default function NotificationsPage() {
  return <RequireMember>{(m) => <Notifications timeZone={m.timeZone ?? undefined} />}</RequireMember>;
}
