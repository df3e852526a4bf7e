import { Anchor, Badge, Group, List, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { ErrorAlert } from '../../shared/errors/ErrorAlert';
import type { Lang } from '../../shared/i18n';
import { formatDateTime, formatTime } from '../../shared/i18n/format';
import { PageTitle } from '../../shared/layout/PageTitle';
import { RegistrationPanel } from '../registrations/RegistrationPanel';

const PublicEventDocument = graphql(`
  query PublicEvent($id: ID!) {
    publicEvent(id: $id) {
      ...EventSummary
      description
      endsAt
      icsUrl
    }
  }
`);

/** One published event, for anyone. */
export default function EventPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { id = '' } = useParams();
  const [res] = useQuery({ query: PublicEventDocument, variables: { id } });
  const event = res.data?.publicEvent;
  const back = (
    <Anchor component={Link} to="/">
      ← {t('events.back')}
    </Anchor>
  );
  if (res.fetching && !res.data) return <Loader aria-label={t('app.loading')} />;
  if (res.error) return <ErrorAlert error={res.error} />;
  if (!event)
    return (
      <Stack>
        <PageTitle title={t('events.notFound')}>{t('events.notFound')}</PageTitle>
        {back}
      </Stack>
    );
  return (
    <Stack gap="sm">
      {back}
      <PageTitle title={event.title}>{event.title}</PageTitle>
      <Group gap="xs">
        <Badge variant="outline" color="blue.9">
          {t(`events.kind.${event.kind}`)}
        </Badge>
        <Text size="sm" fw={500} data-testid="seats">
          {event.seatsLeft > 0 ? t('events.seatsLeft', { count: event.seatsLeft }) : t('events.full')}
        </Text>
      </Group>
      <dl>
        <Text component="dt" fw={600}>
          {t('events.when')}
        </Text>
        <Text component="dd" ms={0} mb="xs">
          <time dateTime={event.startsAt}>{formatDateTime(event.startsAt, lang, event.timeZone)}</time>–
          <time dateTime={event.endsAt}>{formatTime(event.endsAt, lang, event.timeZone)}</time>
          <Text component="span" c="dimmed" size="sm" display="block">
            {t('events.timeZoneNote', { zone: event.timeZone })}
          </Text>
        </Text>
        <Text component="dt" fw={600}>
          {t('events.where')}
        </Text>
        <Text component="dd" ms={0} mb="xs">
          {event.venue ? `${event.venue.name}, ${event.venue.address}` : t('events.noVenue')} ·{' '}
          {event.unit.name}
          {event.clubName && ` · ${event.clubName}`}
        </Text>
      </dl>
      {(event.venue?.wheelchairAccessible || event.venue?.signLanguage) && (
        <List size="sm">
          {event.venue.wheelchairAccessible && <List.Item>♿ {t('events.wheelchair')}</List.Item>}
          {event.venue.signLanguage && <List.Item>🤟 {t('events.signLanguage')}</List.Item>}
        </List>
      )}
      <RegistrationPanel eventId={event.id} />
      {event.description && <Text style={{ whiteSpace: 'pre-line' }}>{event.description}</Text>}
      <Anchor href={event.icsUrl} download>
        {t('events.addToCalendar')}
      </Anchor>
    </Stack>
  );
}
