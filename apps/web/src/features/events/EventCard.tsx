import { Anchor, Badge, Card, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { EventSummaryFragment } from '../../gql/graphql';
import type { Lang } from '../../shared/i18n';
import { formatDateTime } from '../../shared/i18n/format';

graphql(`
  fragment EventSummary on PublicEvent {
    id
    title
    kind
    startsAt
    timeZone
    capacity
    seatsLeft
    clubName
    unit {
      id
      name
    }
    venue {
      name
      address
      wheelchairAccessible
      signLanguage
    }
  }
`);

/** One event in a list: what, when (in the event's zone), where, accessibility, seats. */
export function EventCard({ event }: { event: EventSummaryFragment }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  return (
    <Card withBorder component="article" aria-labelledby={`event-${event.id}`} data-testid="event-card">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Anchor component={Link} to={`/events/${event.id}`} fw={600} fz="lg" id={`event-${event.id}`}>
            {event.title}
          </Anchor>
          <Badge variant="outline" color="blue.9" style={{ flexShrink: 0 }}>
            {t(`events.kind.${event.kind}`)}
          </Badge>
        </Group>
        <Text>
          <time dateTime={event.startsAt}>{formatDateTime(event.startsAt, lang, event.timeZone)}</time>
        </Text>
        <Text c="dimmed" size="sm">
          {event.venue ? `${event.venue.name}, ${event.venue.address}` : t('events.noVenue')} ·{' '}
          {event.unit.name}
        </Text>
        {(event.venue?.wheelchairAccessible || event.venue?.signLanguage) && (
          <List size="sm" spacing={2}>
            {event.venue.wheelchairAccessible && <List.Item>♿ {t('events.wheelchair')}</List.Item>}
            {event.venue.signLanguage && <List.Item>🤟 {t('events.signLanguage')}</List.Item>}
          </List>
        )}
        <Text size="sm" fw={500} data-testid="seats">
          {event.seatsLeft > 0 ? t('events.seatsLeft', { count: event.seatsLeft }) : t('events.full')}
        </Text>
      </Stack>
    </Card>
  );
}
