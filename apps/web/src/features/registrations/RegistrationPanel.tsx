import { Alert, Anchor, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { useSession } from '../../shared/auth/session';
import { ErrorAlert } from '../../shared/errors/ErrorAlert';
import { usePolling } from './usePolling';

const EventRegistrationDocument = graphql(`
  query EventRegistration($id: ID!) {
    event(id: $id) {
      id
      status
      capacity
      registeredCount
      endsAt
      myRegistration {
        id
        status
        waitlistPosition
      }
    }
  }
`);

const RegisterDocument = graphql(`
  mutation RegisterForEvent($eventId: ID!) {
    registerForEvent(eventId: $eventId) {
      id
      status
      waitlistPosition
    }
  }
`);

export const CancelRegistrationDocument = graphql(`
  mutation CancelRegistration($registrationId: ID!) {
    cancelRegistration(registrationId: $registrationId) {
      id
      status
    }
  }
`);

/** The event page's registration box: register, the seat or the waitlist place, cancel. */
export function RegistrationPanel({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="registration-title"
      data-testid="registration"
    >
      <Title order={2} size="h3" id="registration-title" mb="xs">
        {t('registration.title')}
      </Title>
      {session.status === 'member' ? (
        <MemberRegistration eventId={eventId} />
      ) : session.status === 'anonymous' ? (
        <Text>
          <Anchor component={Link} to={`/login?next=${encodeURIComponent(location.pathname)}`}>
            {t('registration.loginToRegister')}
          </Anchor>
        </Text>
      ) : session.status === 'offline' ? (
        <Text>{t('app.offlineNeedsNetwork')}</Text>
      ) : (
        <Loader size="sm" aria-label={t('app.loading')} />
      )}
    </Paper>
  );
}

function MemberRegistration({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const [res, reexecute] = useQuery({ query: EventRegistrationDocument, variables: { id: eventId } });
  const [registerRes, register] = useMutation(RegisterDocument);
  const [cancelRes, cancel] = useMutation(CancelRegistrationDocument);
  const [confirming, setConfirming] = useState(false);
  const [promoted, setPromoted] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const statusRef = useRef<string | undefined>(undefined);
  const event = res.data?.event;
  const reg = event?.myRegistration ?? null;
  const refetch = () => reexecute({ requestPolicy: 'network-only' });

  usePolling(reg?.status === 'WAITLISTED', refetch);

  // a seat that came free while the member waited: say so (the page was not reloaded)
  useEffect(() => {
    if (statusRef.current === 'WAITLISTED' && reg?.status === 'REGISTERED') setPromoted(true);
    statusRef.current = reg?.status;
  }, [reg?.status]);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  if (res.fetching && !res.data) return <Loader size="sm" aria-label={t('app.loading')} />;
  if (res.error && !event) return <ErrorAlert error={res.error} onRetry={refetch} />;
  if (!event) return null;

  const ended = new Date(event.endsAt).getTime() < Date.now();
  const full = event.registeredCount >= event.capacity;

  const doRegister = async () => {
    setPromoted(false);
    const r = await register({ eventId });
    if (r.data) refetch();
  };
  const doCancel = async () => {
    if (!reg) return;
    const r = await cancel({ registrationId: reg.id });
    setConfirming(false);
    if (r.data) refetch();
  };

  let status: ReactNode = null;
  if (reg?.status === 'REGISTERED')
    status = (
      <>
        {promoted && (
          <Alert color="green" variant="light" data-testid="promoted">
            <Text fw={600}>{t('registration.promoted')}</Text>
          </Alert>
        )}
        <Text fw={600} data-testid="registration-status">
          ✓ {t('registration.registered')}
        </Text>
        <Anchor component={Link} to="/my-events">
          {t('registration.showQr')}
        </Anchor>
      </>
    );
  else if (reg?.status === 'WAITLISTED')
    status = (
      <>
        <Text fw={600} data-testid="registration-status">
          {t('registration.waitlisted', { position: reg.waitlistPosition })}
        </Text>
        <Text size="sm">{t('registration.waitlistHelp')}</Text>
      </>
    );
  else if (reg?.status === 'ATTENDED')
    status = (
      <Text fw={600} data-testid="registration-status">
        ✓ {t('registration.attended')}
      </Text>
    );
  else if (reg?.status === 'NO_SHOW')
    status = (
      <Text fw={600} data-testid="registration-status">
        {t('registration.noShow')}
      </Text>
    );

  const canRegister = !reg && event.status === 'PUBLISHED' && !ended;
  const canCancel = (reg?.status === 'REGISTERED' || reg?.status === 'WAITLISTED') && !ended;

  return (
    <Stack gap="xs">
      {/* announced when the place changes or a seat comes, without moving the focus */}
      <div aria-live="polite" aria-atomic="true">
        {status}
      </div>
      <ErrorAlert error={registerRes.error ?? cancelRes.error} />
      {!reg && !canRegister && <Text>{t('registration.closed')}</Text>}
      {canRegister && (
        <>
          {full && <Text size="sm">{t('registration.fullHelp')}</Text>}
          <Group>
            <Button onClick={() => void doRegister()} loading={registerRes.fetching} data-testid="register">
              {full ? t('registration.joinWaitlist') : t('registration.register')}
            </Button>
          </Group>
        </>
      )}
      {canCancel && !confirming && (
        <Group>
          <Button variant="outline" color="red.9" onClick={() => setConfirming(true)} data-testid="cancel">
            {reg?.status === 'WAITLISTED' ? t('registration.leaveWaitlist') : t('registration.cancel')}
          </Button>
        </Group>
      )}
      {canCancel && confirming && (
        <Alert
          color="red"
          variant="outline"
          title={t('registration.confirmTitle')}
          data-testid="confirm-cancel"
        >
          <Text size="sm" mb="sm">
            {reg?.status === 'REGISTERED' ? t('registration.confirmSeat') : t('registration.confirmWaitlist')}
          </Text>
          <Group gap="sm">
            <Button
              ref={confirmRef}
              color="red.9"
              onClick={() => void doCancel()}
              loading={cancelRes.fetching}
              data-testid="confirm-cancel-yes"
            >
              {t('registration.confirmYes')}
            </Button>
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('registration.confirmNo')}
            </Button>
          </Group>
        </Alert>
      )}
    </Stack>
  );
}
