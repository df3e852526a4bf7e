import {
  Alert,
  Anchor,
  Badge,
  Button,
  CopyButton,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { MyEventsQuery } from '../../gql/graphql';
import { RequireMember } from '../../shared/auth/RequireMember';
import { ErrorAlert } from '../../shared/errors/ErrorAlert';
import type { Lang } from '../../shared/i18n';
import { formatDateTime, formatTime } from '../../shared/i18n/format';
import { PageTitle } from '../../shared/layout/PageTitle';
import { loadOffline, saveOffline } from '../../shared/offline/cache';
import { QrCode } from './QrCode';
import { usePolling } from './usePolling';

const MyEventsDocument = graphql(`
  query MyEvents {
    me {
      id
      calendarFeedUrl
      registrations(first: 50) {
        totalCount
        edges {
          node {
            id
            status
            waitlistPosition
            checkInCode
            event {
              id
              title
              kind
              status
              startsAt
              endsAt
              timeZone
              icsUrl
              venue {
                name
                address
              }
              unit {
                id
                name
              }
            }
          }
        }
      }
    }
  }
`);

/** The name the answer is saved under for offline use (shared/offline/cache.ts). */
const OFFLINE_KEY = 'myEvents';

type Me = NonNullable<MyEventsQuery['me']>;
type Reg = Me['registrations']['edges'][number]['node'];

/** Upcoming (not ended, not cancelled), soonest first; past (ended), latest first. */
function split(me: Me, now = Date.now()): { upcoming: Reg[]; past: Reg[] } {
  const regs = me.registrations.edges.map((e) => e.node).filter((r) => r.status !== 'CANCELLED');
  const start = (r: Reg) => new Date(r.event.startsAt).getTime();
  const ended = (r: Reg) => new Date(r.event.endsAt).getTime() <= now || r.event.status === 'CANCELLED';
  return {
    upcoming: regs.filter((r) => !ended(r)).sort((a, b) => start(a) - start(b)),
    past: regs.filter(ended).sort((a, b) => start(b) - start(a)),
  };
}

function When({ reg }: { reg: Reg }) {
  const { i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const e = reg.event;
  return (
    <Text size="sm">
      <time dateTime={e.startsAt}>{formatDateTime(e.startsAt, lang, e.timeZone)}</time>–
      <time dateTime={e.endsAt}>{formatTime(e.endsAt, lang, e.timeZone)}</time>
      {' · '}
      {e.venue ? `${e.venue.name}, ${e.venue.address}` : e.unit.name}
    </Text>
  );
}

function UpcomingCard({ reg, offline }: { reg: Reg; offline: boolean }) {
  const { t } = useTranslation();
  const e = reg.event;
  const titleId = `reg-${reg.id}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={titleId} data-testid="upcoming">
      <Stack gap="xs">
        <Title order={3} size="h4" id={titleId}>
          <Anchor component={Link} to={`/events/${e.id}`} inherit>
            {e.title}
          </Anchor>
        </Title>
        <When reg={reg} />
        {reg.status === 'REGISTERED' && reg.checkInCode && (
          <>
            <Text fw={600}>✓ {t('myEvents.registered')}</Text>
            <Text size="sm">{t('myEvents.qrHelp')}</Text>
            <div
              data-testid="qr-box"
              style={{ background: '#fff', padding: 8, width: '100%', maxWidth: 356, alignSelf: 'center' }}
            >
              <QrCode value={reg.checkInCode} label={t('myEvents.qrLabel', { title: e.title })} testId="qr" />
            </div>
          </>
        )}
        {reg.status === 'WAITLISTED' && (
          <Text fw={600} data-testid="waitlisted">
            {t('registration.waitlisted', { position: reg.waitlistPosition })}
          </Text>
        )}
        {reg.status === 'ATTENDED' && <Text fw={600}>✓ {t('registration.attended')}</Text>}
        {!offline && (
          <Anchor href={e.icsUrl} download size="sm">
            {t('events.addToCalendar')}
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
}

const PAST_STATUS: Record<string, string> = {
  ATTENDED: 'myEvents.status.ATTENDED',
  NO_SHOW: 'myEvents.status.NO_SHOW',
  REGISTERED: 'myEvents.status.REGISTERED',
  WAITLISTED: 'myEvents.status.WAITLISTED',
};

function FeedUrl({ url }: { url: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="feed-title">
      <Title order={2} size="h3" id="feed-title" mb="xs">
        {t('myEvents.feedTitle')}
      </Title>
      <Text size="sm" mb="xs">
        {t('myEvents.feedHelp')}
      </Text>
      <Group align="end" gap="xs" wrap="nowrap">
        <TextInput
          label={t('myEvents.feedUrl')}
          value={url}
          readOnly
          onFocus={(e) => e.currentTarget.select()}
          style={{ flex: 1, minWidth: 0 }}
          data-testid="feed-url"
        />
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Button
              onClick={copy}
              variant={copied ? 'filled' : 'light'}
              color={copied ? 'green.9' : undefined}
            >
              {copied ? t('myEvents.copied') : t('myEvents.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Paper>
  );
}

/** The page's body for a member's data, live or saved. */
function MyEventsView({ me, savedAt }: { me: Me; savedAt?: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { upcoming, past } = split(me);
  const offline = savedAt !== undefined;
  return (
    <Stack gap="lg">
      {offline && (
        <Alert color="yellow" role="status" data-testid="saved-copy">
          <Text size="sm" c="dark">
            {t('myEvents.savedCopy', { when: formatDateTime(savedAt, lang) })}
          </Text>
        </Alert>
      )}
      <section aria-labelledby="upcoming-title">
        <Title order={2} size="h3" id="upcoming-title" mb="sm">
          {t('myEvents.upcoming')}
        </Title>
        {upcoming.length === 0 ? (
          <Text>
            {t('myEvents.noUpcoming')}{' '}
            <Anchor component={Link} to="/">
              {t('myEvents.browse')}
            </Anchor>
          </Text>
        ) : (
          <Stack gap="md">
            {upcoming.map((r) => (
              <UpcomingCard key={r.id} reg={r} offline={offline} />
            ))}
          </Stack>
        )}
      </section>
      {!offline && me.calendarFeedUrl && <FeedUrl url={me.calendarFeedUrl} />}
      <section aria-labelledby="past-title">
        <Title order={2} size="h3" id="past-title" mb="sm">
          {t('myEvents.past')}
        </Title>
        {past.length === 0 ? (
          <Text>{t('myEvents.noPast')}</Text>
        ) : (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {past.map((r) => (
              <li key={r.id} data-testid="past">
                <Paper withBorder p="sm">
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <Anchor component={Link} to={`/events/${r.event.id}`} fw={600}>
                      {r.event.title}
                    </Anchor>
                    <Badge variant="outline" color="dark">
                      {r.event.status === 'CANCELLED'
                        ? t('myEvents.eventCancelled')
                        : t(PAST_STATUS[r.status] ?? 'myEvents.status.REGISTERED')}
                    </Badge>
                  </Group>
                  <When reg={r} />
                </Paper>
              </li>
            ))}
          </Stack>
        )}
      </section>
    </Stack>
  );
}

function MyEventsOnline({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const [res, reexecute] = useQuery({ query: MyEventsDocument });
  const me = res.data?.me;
  useEffect(() => {
    if (me) saveOffline(OFFLINE_KEY, memberId, me);
  }, [me, memberId]);
  const waiting = !!me?.registrations.edges.some((e) => e.node.status === 'WAITLISTED');
  usePolling(waiting, () => reexecute({ requestPolicy: 'network-only' }));
  if (me) return <MyEventsView me={me} />;
  if (res.fetching) return <Loader aria-label={t('app.loading')} />;
  // no network: the last answer saved on this phone, if any
  const saved = res.error?.networkError ? loadOffline<Me>(OFFLINE_KEY, memberId) : null;
  if (saved) return <MyEventsView me={saved.data} savedAt={saved.savedAt} />;
  return <ErrorAlert error={res.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
}

/** Loaded with no network, so the session is unconfirmed: the last member's saved answer. */
function MyEventsOffline() {
  const { t } = useTranslation();
  const saved = loadOffline<Me>(OFFLINE_KEY);
  if (!saved)
    return (
      <Alert color="yellow" role="status">
        {t('myEvents.nothingSaved')}
      </Alert>
    );
  return <MyEventsView me={saved.data} savedAt={saved.savedAt} />;
}

/** My events: upcoming registrations with their entrance QR codes (kept for offline use), and past ones. */
export default function MyEventsPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageTitle title={t('myEvents.title')}>{t('myEvents.title')}</PageTitle>
      <RequireMember offline={<MyEventsOffline />}>{(m) => <MyEventsOnline memberId={m.id} />}</RequireMember>
    </Stack>
  );
}
