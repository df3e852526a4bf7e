import {
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  NativeSelect,
  Stack,
  Table,
  Tabs,
  Text,
  Alert,
} from '@mantine/core';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { ConsolePeopleQuery, RegistrationStatus } from '../../gql/graphql';
import { ErrorAlert } from '../../shared/errors/ErrorAlert';
import type { Lang } from '../../shared/i18n';
import { formatDateTime } from '../../shared/i18n/format';
import { useFeatureTranslation } from '../../shared/i18n/namespaces';
import { MoreRow } from './MoreRow';

const PeopleDocument = graphql(`
  query ConsolePeople($id: ID!, $status: RegistrationStatus, $walkIn: Boolean, $after: String) {
    event(id: $id) {
      id
      attendance(status: $status, walkIn: $walkIn, first: 50, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            registrationId
            memberId
            status
            fullName
            membershipNumber
            waitlistPosition
            checkedInAt
            checkInMethod
            checkedInBy
            walkIn
            overCapacity
          }
        }
      }
    }
  }
`);

const BadgeCatalogueDocument = graphql(`
  query ConsoleBadges {
    badgeClasses {
      id
      code
      name
      manual
    }
  }
`);

const StaffCancelDocument = graphql(`
  mutation ConsoleCancelRegistration($registrationId: ID!) {
    cancelRegistration(registrationId: $registrationId) {
      id
      status
    }
  }
`);

const IssueCertificateDocument = graphql(`
  mutation ConsoleIssueCertificate($memberId: ID!) {
    issueCertificate(memberId: $memberId) {
      id
      number
      status
      expiresAt
    }
  }
`);

const AwardBadgeDocument = graphql(`
  mutation ConsoleAwardBadge($memberId: ID!, $badgeCode: String!) {
    awardBadge(memberId: $memberId, badgeCode: $badgeCode) {
      id
      badge {
        id
        name
      }
    }
  }
`);

type Person = NonNullable<ConsolePeopleQuery['event']>['attendance']['edges'][number]['node'];

export type PeopleTab = 'registered' | 'waitlisted' | 'attended' | 'noShows' | 'walkIns';
export const PEOPLE_TABS: PeopleTab[] = ['registered', 'waitlisted', 'attended', 'noShows', 'walkIns'];
const FILTER: Record<PeopleTab, { status?: RegistrationStatus; walkIn?: boolean }> = {
  registered: { status: 'REGISTERED' },
  waitlisted: { status: 'WAITLISTED' },
  attended: { status: 'ATTENDED' },
  noShows: { status: 'NO_SHOW' },
  walkIns: { walkIn: true },
};

function PeoplePage({
  eventId,
  tab,
  after,
  last,
  onMore,
  onPick,
  timeZone,
}: {
  eventId: string;
  tab: PeopleTab;
  after: string | null;
  last: boolean;
  onMore: (cursor: string) => void;
  onPick: (p: Person) => void;
  timeZone: string;
}) {
  const { t, i18n } = useFeatureTranslation('console');
  const lang = i18n.language as Lang;
  const [res, reexecute] = useQuery({
    query: PeopleDocument,
    variables: { id: eventId, ...FILTER[tab], after },
    requestPolicy: 'cache-and-network',
  });
  const conn = res.data?.event?.attendance;
  if (!conn)
    return (
      <Table.Tr>
        <Table.Td colSpan={4}>
          {res.fetching ? (
            <Loader size="sm" aria-label={t('app.loading', { ns: 'translation' })} />
          ) : (
            <ErrorAlert error={res.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
          )}
        </Table.Td>
      </Table.Tr>
    );
  return (
    <>
      {after === null && conn.totalCount === 0 && (
        <Table.Tr>
          <Table.Td colSpan={4}>{t(`people.empty.${tab}`)}</Table.Td>
        </Table.Tr>
      )}
      {conn.edges.map(({ node: p }) => (
        <Table.Tr key={p.registrationId} data-testid="person">
          <Table.Td>
            {tab === 'waitlisted' && p.waitlistPosition !== null && (
              <Text component="span" fw={700} me={6}>
                {p.waitlistPosition}.
              </Text>
            )}
            {p.fullName}
            {p.membershipNumber && (
              <Text size="xs" c="dimmed">
                {p.membershipNumber}
              </Text>
            )}
          </Table.Td>
          <Table.Td>
            {t(`regStatus.${p.status}`)}
            {p.walkIn && ` · ${t('people.walkIn')}`}
            {p.overCapacity && ` · ${t('people.overCapacity')}`}
          </Table.Td>
          <Table.Td>
            {p.checkedInAt ? (
              <>
                <time dateTime={p.checkedInAt}>{formatDateTime(p.checkedInAt, lang, timeZone)}</time>
                {p.checkedInBy && (
                  <Text size="xs" c="dimmed">
                    {t('people.by', { name: p.checkedInBy })}
                  </Text>
                )}
              </>
            ) : (
              '—'
            )}
          </Table.Td>
          <Table.Td>
            <Button
              size="xs"
              variant="default"
              onClick={() => onPick(p)}
              aria-label={t('people.actionsFor', { name: p.fullName })}
              data-testid="person-actions"
              mih={44}
            >
              {t('people.actions')}
            </Button>
          </Table.Td>
        </Table.Tr>
      ))}
      <MoreRow last={last} pageInfo={conn.pageInfo} colSpan={4} onMore={onMore} />
    </>
  );
}

function PeopleList({
  eventId,
  tab,
  onPick,
  timeZone,
}: {
  eventId: string;
  tab: PeopleTab;
  onPick: (p: Person) => void;
  timeZone: string;
}) {
  const { t } = useFeatureTranslation('console');
  const [pages, setPages] = useState<Array<string | null>>([null]);
  return (
    <Table striped data-testid={`people-${tab}`} style={{ wordBreak: 'break-word' }}>
      <Table.Caption>{t(`people.tab.${tab}`)}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('people.name')}</Table.Th>
          <Table.Th scope="col">{t('people.status')}</Table.Th>
          <Table.Th scope="col">{t('people.checkedIn')}</Table.Th>
          <Table.Th scope="col">{t('people.actions')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {pages.map((after, i) => (
          <PeoplePage
            key={after ?? 'first'}
            eventId={eventId}
            tab={tab}
            after={after}
            last={i === pages.length - 1}
            onMore={(c) => setPages((p) => [...p, c])}
            onPick={onPick}
            timeZone={timeZone}
          />
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** What staff can do for one person of the list: cancel their registration, a certificate, a badge. */
function PersonActions({
  person,
  canCancel,
  onClose,
  onChanged,
}: {
  person: Person;
  canCancel: boolean;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useFeatureTranslation('console');
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [badge, setBadge] = useState('');
  const [cancelRes, cancel] = useMutation(StaffCancelDocument);
  const [certRes, issue] = useMutation(IssueCertificateDocument);
  const [badgeRes, award] = useMutation(AwardBadgeDocument);
  const [catalogue] = useQuery({ query: BadgeCatalogueDocument, pause: !person.memberId });
  const manual = catalogue.data?.badgeClasses.filter((b) => b.manual) ?? [];
  const cancellable = canCancel && (person.status === 'REGISTERED' || person.status === 'WAITLISTED');

  const doCancel = async () => {
    setDone(null);
    const r = await cancel({ registrationId: person.registrationId });
    setConfirming(false);
    if (r.data) {
      setDone(t('actions.cancelled', { name: person.fullName }));
      onChanged();
    }
  };
  const doIssue = async () => {
    if (!person.memberId) return;
    setDone(null);
    const r = await issue({ memberId: person.memberId });
    if (r.data) setDone(t('actions.certificateIssued', { number: r.data.issueCertificate.number }));
  };
  const doAward = async () => {
    if (!person.memberId || !badge) return;
    setDone(null);
    const r = await award({ memberId: person.memberId, badgeCode: badge });
    if (r.data) setDone(t('actions.badgeAwarded', { badge: r.data.awardBadge.badge.name }));
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={person.fullName}
      size="lg"
      closeButtonProps={{ 'aria-label': t('actions.close') }}
    >
      <Stack gap="md" data-testid="person-dialog">
        <Text size="sm">
          {t(`regStatus.${person.status}`)}
          {person.membershipNumber && ` · ${person.membershipNumber}`}
        </Text>
        <div aria-live="polite" aria-atomic="true">
          {done && (
            <Alert color="green" variant="light" data-testid="action-done">
              <Text size="sm" c="dark">
                {done}
              </Text>
            </Alert>
          )}
        </div>
        <ErrorAlert error={cancelRes.error ?? certRes.error ?? badgeRes.error} />
        {cancellable && !confirming && (
          <Group>
            <Button
              variant="outline"
              color="red.9"
              onClick={() => setConfirming(true)}
              mih={44}
              data-testid="staff-cancel"
            >
              {t('actions.cancelRegistration')}
            </Button>
          </Group>
        )}
        {cancellable && confirming && (
          <Alert color="red" variant="outline" title={t('actions.confirmTitle')}>
            <Text size="sm" mb="sm">
              {t('actions.confirmText', { name: person.fullName })}
            </Text>
            <Group>
              <Button
                color="red.9"
                onClick={() => void doCancel()}
                loading={cancelRes.fetching}
                mih={44}
                data-testid="staff-cancel-yes"
              >
                {t('actions.confirmYes')}
              </Button>
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('actions.confirmNo')}
              </Button>
            </Group>
          </Alert>
        )}
        {person.memberId ? (
          <>
            <Group>
              <Button
                variant="default"
                onClick={() => void doIssue()}
                loading={certRes.fetching}
                mih={44}
                data-testid="issue-certificate"
              >
                {t('actions.issueCertificate')}
              </Button>
            </Group>
            <Group align="flex-end" wrap="wrap">
              <NativeSelect
                label={t('actions.badge')}
                value={badge}
                onChange={(e) => setBadge(e.currentTarget.value)}
                data={[
                  { value: '', label: t('actions.chooseBadge') },
                  ...manual.map((b) => ({ value: b.code, label: b.name })),
                ]}
                data-testid="badge-choice"
              />
              <Button
                variant="default"
                onClick={() => void doAward()}
                disabled={!badge}
                loading={badgeRes.fetching}
                mih={44}
                data-testid="award-badge"
              >
                {t('actions.awardBadge')}
              </Button>
            </Group>
          </>
        ) : (
          <Text size="sm">{t('actions.outOfScope')}</Text>
        )}
      </Stack>
    </Modal>
  );
}

/** The event's people by list (tabs), each person with the staff's actions. */
export function EventPeople({
  eventId,
  timeZone,
  canCancel,
  counts,
  onChanged,
  initialTab = 'registered',
}: {
  eventId: string;
  timeZone: string;
  canCancel: boolean;
  counts: Partial<Record<PeopleTab, number>>;
  onChanged: () => void;
  /** after the event: who came */
  initialTab?: PeopleTab;
}) {
  const { t } = useFeatureTranslation('console');
  const [tab, setTab] = useState<PeopleTab>(initialTab);
  const [picked, setPicked] = useState<Person | null>(null);
  const [version, setVersion] = useState(0);
  return (
    <>
      <Tabs value={tab} onChange={(v) => v && setTab(v as PeopleTab)} keepMounted={false}>
        <Tabs.List>
          {PEOPLE_TABS.map((p) => (
            <Tabs.Tab key={p} value={p} data-testid={`people-tab-${p}`}>
              {t(`people.tab.${p}`)}
              {counts[p] !== undefined && (
                <Badge ms={6} variant="outline" color="dark" size="sm">
                  {counts[p]}
                </Badge>
              )}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {PEOPLE_TABS.map((p) => (
          <Tabs.Panel key={p} value={p} pt="sm">
            <PeopleList key={version} eventId={eventId} tab={p} onPick={setPicked} timeZone={timeZone} />
          </Tabs.Panel>
        ))}
      </Tabs>
      {picked && (
        <PersonActions
          person={picked}
          canCancel={canCancel}
          onClose={() => setPicked(null)}
          onChanged={() => {
            setVersion((v) => v + 1);
            onChanged();
          }}
        />
      )}
    </>
  );
}
