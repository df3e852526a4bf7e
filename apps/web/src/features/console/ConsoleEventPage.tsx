import {
  Alert,
  Anchor,
  Button,
  Group,
  List,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { ErrorAlert } from '../../shared/errors/ErrorAlert';
import { usePresentError } from '../../shared/errors/useErrorText';
import { fieldError } from '../../shared/forms/fieldErrors';
import { fetchWithToken } from '../../shared/graphql/client';
import type { Lang } from '../../shared/i18n';
import { formatDateTime, formatTime } from '../../shared/i18n/format';
import { useFeatureTranslation } from '../../shared/i18n/namespaces';
import { PageTitle } from '../../shared/layout/PageTitle';
import { saveFile } from '../account/download';
import { offsetLabel } from './EventFormPage';
import { EventPeople } from './EventPeople';
import { StaffPage } from './StaffPage';

const ConsoleEventDocument = graphql(`
  query ConsoleEvent($id: ID!) {
    event(id: $id) {
      id
      title
      description
      kind
      status
      cancelReason
      startsAt
      endsAt
      timeZone
      capacity
      registeredCount
      waitlistCount
      attendedCount
      walkIns
      reminderOffsetsMinutes
      unit {
        id
        name
      }
      club {
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
  }
`);

const PublishDocument = graphql(`
  mutation ConsolePublishEvent($id: ID!) {
    publishEvent(id: $id) {
      id
      status
    }
  }
`);

const CancelEventDocument = graphql(`
  mutation ConsoleCancelEvent($id: ID!, $reason: String!) {
    cancelEvent(id: $id, reason: $reason) {
      id
      status
      cancelReason
    }
  }
`);

const DeliveryLogDocument = graphql(`
  query ConsoleDeliveryLog($eventId: ID!) {
    eventDeliveryLog(eventId: $eventId) {
      counts {
        channel
        status
        count
      }
      failures {
        deliveryId
        fullName
        channel
        kind
        attempts
        lastError
        updatedAt
      }
    }
  }
`);

const RetryDocument = graphql(`
  mutation ConsoleRetryDeliveries($eventId: ID!) {
    retryFailedDeliveries(eventId: $eventId)
  }
`);

function DeliveryLog({ eventId, timeZone }: { eventId: string; timeZone: string }) {
  const { t, i18n } = useFeatureTranslation('console');
  const lang = i18n.language as Lang;
  const [res, reexecute] = useQuery({ query: DeliveryLogDocument, variables: { eventId } });
  const [retryRes, retry] = useMutation(RetryDocument);
  const [retried, setRetried] = useState<number | null>(null);
  const log = res.data?.eventDeliveryLog;
  const doRetry = async () => {
    setRetried(null);
    const r = await retry({ eventId });
    if (r.data) {
      setRetried(r.data.retryFailedDeliveries);
      reexecute({ requestPolicy: 'network-only' });
    }
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="deliveries-title">
      <Title order={2} size="h3" id="deliveries-title" mb="xs">
        {t('deliveries.title')}
      </Title>
      <ErrorAlert error={res.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {!log && res.fetching && <Loader size="sm" aria-label={t('app.loading', { ns: 'translation' })} />}
      {log && log.counts.length === 0 && <Text>{t('deliveries.none')}</Text>}
      {log && log.counts.length > 0 && (
        <Table data-testid="delivery-counts">
          <Table.Caption>{t('deliveries.countsCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('deliveries.channel')}</Table.Th>
              <Table.Th scope="col">{t('deliveries.status')}</Table.Th>
              <Table.Th scope="col">{t('deliveries.count')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {log.counts.map((c) => (
              <Table.Tr key={`${c.channel}-${c.status}`}>
                <Table.Td>{t(`channel.${c.channel}`)}</Table.Td>
                <Table.Td>{t(`delivery.${c.status}`)}</Table.Td>
                <Table.Td>{c.count}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {log && log.failures.length > 0 && (
        <>
          <Title order={3} size="h4" mt="sm" mb="xs">
            {t('deliveries.failures', { count: log.failures.length })}
          </Title>
          <List size="sm" spacing={4} data-testid="delivery-failures">
            {log.failures.map((f) => (
              <List.Item key={f.deliveryId}>
                <strong>{f.fullName}</strong> · {t(`channel.${f.channel}`)} ·{' '}
                {t(`notificationKind.${f.kind}`)} ·{' '}
                <time dateTime={f.updatedAt}>{formatDateTime(f.updatedAt, lang, timeZone)}</time> ·{' '}
                {t('deliveries.attempts', { count: f.attempts })}
                {f.lastError && ` · ${f.lastError}`}
              </List.Item>
            ))}
          </List>
        </>
      )}
      <div aria-live="polite" aria-atomic="true">
        {retried !== null && (
          <Alert color="green" variant="light" mt="sm" data-testid="retried">
            <Text size="sm" c="dark">
              {t('deliveries.retried', { count: retried })}
            </Text>
          </Alert>
        )}
      </div>
      <ErrorAlert error={retryRes.error} />
      {log && log.failures.length > 0 && (
        <Button
          mt="sm"
          variant="default"
          onClick={() => void doRetry()}
          loading={retryRes.fetching}
          data-testid="retry-failed"
        >
          {t('deliveries.retry')}
        </Button>
      )}
    </Paper>
  );
}

function CancelEvent({ eventId, onDone }: { eventId: string; onDone: () => void }) {
  const { t } = useFeatureTranslation('console');
  const present = usePresentError();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [res, cancel] = useMutation(CancelEventDocument);
  const presented = present(res.error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMissing(!reason.trim());
    if (!reason.trim()) return;
    const r = await cancel({ id: eventId, reason });
    if (r.data) {
      setOpen(false);
      onDone();
    }
  };
  if (!open)
    return (
      <Button variant="outline" color="red.9" onClick={() => setOpen(true)} data-testid="cancel-event">
        {t('event.cancel')}
      </Button>
    );
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      onSubmit={(e) => void submit(e)}
      noValidate
      style={{ borderColor: 'var(--mantine-color-red-8)' }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('event.cancelText')}</Text>
        <Textarea
          label={t('event.cancelReason')}
          description={t('event.cancelReasonHint')}
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={fieldError(presented, 'reason', missing ? t('event.reasonNeeded') : undefined)}
          data-testid="cancel-reason"
        />
        {presented && !presented.fields.reason && (
          <Alert color="red" role="alert" data-testid="error-alert">
            {presented.message}
          </Alert>
        )}
        <Group>
          <Button type="submit" color="red.9" loading={res.fetching} data-testid="cancel-event-yes">
            {t('event.cancelConfirm')}
          </Button>
          <Button variant="default" onClick={() => setOpen(false)}>
            {t('actions.confirmNo')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function ConsoleEvent({ id }: { id: string }) {
  const { t, i18n } = useFeatureTranslation('console');
  const lang = i18n.language as Lang;
  const location = useLocation();
  const flash = (location.state ?? {}) as { created?: boolean; saved?: boolean };
  const [res, reexecute] = useQuery({ query: ConsoleEventDocument, variables: { id } });
  const [publishRes, publish] = useMutation(PublishDocument);
  const [csv, setCsv] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const refetch = () => reexecute({ requestPolicy: 'network-only' });
  const event = res.data?.event;
  const back = (
    <Anchor component={Link} to="/console">
      ← {t('nav.back')}
    </Anchor>
  );
  if (!event && res.fetching) return <Loader aria-label={t('app.loading', { ns: 'translation' })} />;
  if (!event)
    return (
      <Stack>
        {back}
        <PageTitle title={t('event.notFound')}>{t('event.notFound')}</PageTitle>
        <ErrorAlert error={res.error} onRetry={refetch} />
      </Stack>
    );

  const editable = event.status === 'DRAFT' || event.status === 'PUBLISHED';
  const ended = new Date(event.endsAt).getTime() < Date.now();
  const downloadCsv = async () => {
    setCsv({ busy: true, error: null });
    try {
      const r = await fetchWithToken(`/events/${event.id}/attendance.csv`, { 'Accept-Language': lang });
      if (!r.ok) throw new Error(String(r.status));
      saveFile(await r.blob(), `attendance-${event.id}.csv`);
      setCsv({ busy: false, error: null });
    } catch (e) {
      setCsv({
        busy: false,
        error: e instanceof TypeError ? t('errors.network', { ns: 'translation' }) : t('event.csvFailed'),
      });
    }
  };

  return (
    <Stack gap="md">
      {back}
      <PageTitle title={event.title}>{event.title}</PageTitle>
      <div aria-live="polite">
        {(flash.created || flash.saved) && (
          <Alert color="green" variant="light" data-testid="event-saved">
            <Text size="sm" c="dark">
              {flash.created ? t('event.created') : t('event.saved')}
            </Text>
          </Alert>
        )}
      </div>
      <Text fw={700} data-testid="event-status">
        {t(`status.${event.status}`)}
      </Text>
      {event.status === 'CANCELLED' && event.cancelReason && (
        <Alert color="red" variant="light" title={t('event.cancelledBecause')}>
          {event.cancelReason}
        </Alert>
      )}
      <dl style={{ margin: 0 }}>
        <Text component="dt" fw={600}>
          {t('event.when')}
        </Text>
        <Text component="dd" ms={0} mb="xs">
          <time dateTime={event.startsAt}>{formatDateTime(event.startsAt, lang, event.timeZone)}</time>–
          <time dateTime={event.endsAt}>{formatTime(event.endsAt, lang, event.timeZone)}</time> (
          {event.timeZone})
        </Text>
        <Text component="dt" fw={600}>
          {t('event.where')}
        </Text>
        <Text component="dd" ms={0} mb="xs">
          {event.venue ? `${event.venue.name}, ${event.venue.address}` : t('event.noVenue')} ·{' '}
          {event.club?.name ?? event.unit.name}
          {event.venue?.wheelchairAccessible && ` · ${t('form.wheelchair')}`}
          {event.venue?.signLanguage && ` · ${t('form.signLanguage')}`}
        </Text>
        <Text component="dt" fw={600}>
          {t('event.seats')}
        </Text>
        <Text component="dd" ms={0} mb="xs" data-testid="event-counts">
          {t('home.seats', { registered: event.registeredCount, capacity: event.capacity })} ·{' '}
          {t('home.waitlisted', { count: event.waitlistCount })} ·{' '}
          {t('home.attended', { count: event.attendedCount })}
          {event.walkIns > 0 && ` · ${t('event.overCapacity', { count: event.walkIns })}`}
        </Text>
        <Text component="dt" fw={600}>
          {t('form.reminders')}
        </Text>
        <Text component="dd" ms={0} mb="xs">
          {event.reminderOffsetsMinutes.length
            ? event.reminderOffsetsMinutes.map((o) => offsetLabel(o, t)).join(', ')
            : t('event.noReminders')}
        </Text>
      </dl>

      <Group gap="sm" wrap="wrap">
        {event.status === 'DRAFT' && (
          <Button
            onClick={() => void publish({ id: event.id }).then((r) => r.data && refetch())}
            loading={publishRes.fetching}
            data-testid="publish"
          >
            {t('event.publish')}
          </Button>
        )}
        {(event.status === 'PUBLISHED' || event.status === 'COMPLETED') && (
          <Button component={Link} to={`/scan/${event.id}`} data-testid="open-scanner">
            {t('event.openScanner')}
          </Button>
        )}
        {editable && (
          <Button
            component={Link}
            to={`/console/events/${event.id}/edit`}
            variant="default"
            data-testid="edit-event"
          >
            {t('event.edit')}
          </Button>
        )}
        <Button
          component={Link}
          to={`/console/events/new?copy=${event.id}`}
          variant="default"
          data-testid="copy-event"
        >
          {t('event.copy')}
        </Button>
        <Button
          variant="default"
          onClick={() => void downloadCsv()}
          loading={csv.busy}
          data-testid="download-csv"
        >
          {t('event.csv')}
        </Button>
      </Group>
      {event.status === 'DRAFT' && <Text size="sm">{t('event.draftHint')}</Text>}
      <ErrorAlert error={publishRes.error} />
      {csv.error && (
        <Alert color="red" role="alert">
          {csv.error}
        </Alert>
      )}
      {editable && <CancelEvent eventId={event.id} onDone={refetch} />}

      <section aria-labelledby="people-title">
        <Title order={2} size="h3" id="people-title" mb="xs">
          {t('people.title')}
        </Title>
        <EventPeople
          eventId={event.id}
          timeZone={event.timeZone}
          canCancel={editable && !ended}
          counts={{ waitlisted: event.waitlistCount, attended: event.attendedCount }}
          onChanged={refetch}
          initialTab={ended || event.status === 'COMPLETED' ? 'attended' : 'registered'}
        />
      </section>
      <DeliveryLog eventId={event.id} timeZone={event.timeZone} />
    </Stack>
  );
}

/** One event for its staff: details, publish, cancel, copy, the door scanner, its people, the CSV, deliveries. */
export default function ConsoleEventPage() {
  const { id = '' } = useParams();
  return <StaffPage>{() => <ConsoleEvent key={id} id={id} />}</StaffPage>;
}
