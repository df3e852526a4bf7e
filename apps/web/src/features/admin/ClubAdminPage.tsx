import {
  Anchor,
  Button,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { AdminClubQuery } from '../../gql/graphql';
import { ErrorAlert } from '../../shared/errors/ErrorAlert';
import { usePresentError } from '../../shared/errors/useErrorText';
import { fieldError, formMessage } from '../../shared/forms/fieldErrors';
import { useFeatureTranslation } from '../../shared/i18n/namespaces';
import { Command, cliCommand } from './AdminPage';
import { AdminShell, Done } from './AdminShell';

const AdminClubDocument = graphql(`
  query AdminClub($id: ID!) {
    managedClub(id: $id) {
      id
      name
      institution
      archivedAt
      memberCount
      unit {
        id
        code
        name
      }
      coordinators {
        id
        fullName
        email
        role
      }
    }
    staffAccounts {
      id
      fullName
      role
      unit {
        id
        name
      }
    }
  }
`);

const RenameClubDocument = graphql(`
  mutation AdminRenameClub($id: ID!, $name: String!) {
    renameClub(id: $id, name: $name) {
      id
      name
    }
  }
`);

const ArchiveClubDocument = graphql(`
  mutation AdminArchiveClub($id: ID!) {
    archiveClub(id: $id) {
      id
      archivedAt
    }
  }
`);

const AssignDocument = graphql(`
  mutation AdminAssignCoordinator($input: StaffAssignmentInput!) {
    assignCoordinator(input: $input) {
      id
      club {
        id
      }
    }
  }
`);

const RemoveDocument = graphql(`
  mutation AdminRemoveCoordinator($input: StaffAssignmentInput!) {
    removeCoordinator(input: $input) {
      id
    }
  }
`);

const ClubMembersDocument = graphql(`
  query AdminClubMembers($clubId: ID!, $search: String, $after: String) {
    clubMembers(clubId: $clubId, search: $search, first: 20, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          fullName
          membershipNumber
        }
      }
    }
  }
`);

type Club = NonNullable<AdminClubQuery['managedClub']>;
type Staff = AdminClubQuery['staffAccounts'][number];

function RenameAndArchive({ club, refresh }: { club: Club; refresh: () => void }) {
  const { t } = useFeatureTranslation('admin');
  const present = usePresentError();
  const [name, setName] = useState(club.name);
  const [done, setDone] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [renameRes, rename] = useMutation(RenameClubDocument);
  const [archiveRes, archive] = useMutation(ArchiveClubDocument);
  const presented = present(renameRes.error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const r = await rename({ id: club.id, name });
    if (r.data) setDone(t('club.renamed'));
  };
  const doArchive = async () => {
    setDone(null);
    const r = await archive({ id: club.id });
    setConfirming(false);
    if (r.data) {
      setDone(t('club.archivedDone'));
      refresh();
    }
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="rename-club">
      <Stack gap="sm">
        <form onSubmit={(e) => void submit(e)} noValidate data-testid="rename-club">
          <Stack gap="sm">
            <Title order={2} size="h3" id="rename-club">
              {t('club.rename')}
            </Title>
            <TextInput
              label={t('club.newName')}
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={fieldError(presented, 'name')}
              data-testid="rename-name"
            />
            {formMessage(presented) && <ErrorAlert error={renameRes.error} />}
            <Group>
              <Button type="submit" loading={renameRes.fetching} data-testid="rename-submit">
                {t('club.renameSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
        {!club.archivedAt && (
          <Stack gap="xs">
            {!confirming ? (
              <Group>
                <Button
                  variant="outline"
                  color="red"
                  onClick={() => setConfirming(true)}
                  data-testid="archive"
                >
                  {t('club.archive')}
                </Button>
              </Group>
            ) : (
              <div role="group" aria-labelledby="archive-confirm">
                <Text id="archive-confirm" mb="xs">
                  {t('club.archiveConfirm')}
                </Text>
                <Group>
                  <Button
                    color="red"
                    loading={archiveRes.fetching}
                    onClick={() => void doArchive()}
                    data-testid="archive-yes"
                    autoFocus
                  >
                    {t('club.archiveYes')}
                  </Button>
                  <Button variant="default" onClick={() => setConfirming(false)}>
                    {t('club.cancel')}
                  </Button>
                </Group>
              </div>
            )}
          </Stack>
        )}
        <ErrorAlert error={archiveRes.error} />
        <Done text={done} testId="club-done" />
      </Stack>
    </Paper>
  );
}

function Coordinators({ club, staff, refresh }: { club: Club; staff: Staff[]; refresh: () => void }) {
  const { t } = useFeatureTranslation('admin');
  const [pick, setPick] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [assignRes, assign] = useMutation(AssignDocument);
  const [removeRes, remove] = useMutation(RemoveDocument);
  const assigned = new Set(club.coordinators?.map((c) => c.id));
  const choices = staff.filter((s) => !assigned.has(s.id));
  const nameOf = (id: string) => staff.find((s) => s.id === id)?.fullName ?? '';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    if (!pick) return;
    const r = await assign({ input: { memberId: pick, clubId: club.id } });
    if (r.data) {
      setDone(t('club.assigned', { name: nameOf(pick) }));
      setPick('');
      refresh();
    }
  };
  const doRemove = async (id: string, name: string) => {
    setDone(null);
    const r = await remove({ input: { memberId: id, clubId: club.id } });
    if (r.data) {
      setDone(t('club.removed', { name }));
      refresh();
    }
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="club-coordinators">
      <Stack gap="sm">
        <Title order={2} size="h3" id="club-coordinators">
          {t('club.coordinators')}
        </Title>
        {!club.coordinators?.length && <Text>{t('clubs.noCoordinator')}</Text>}
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {club.coordinators?.map((c) => (
            <li key={c.id} data-testid="coordinator">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text>
                  <strong>{c.fullName}</strong> ({t(`role.${c.role}`)}){c.email ? ` · ${c.email}` : ''}
                </Text>
                <Button
                  variant="outline"
                  color="red"
                  size="sm"
                  loading={removeRes.fetching && removeRes.operation?.variables.input.memberId === c.id}
                  onClick={() => void doRemove(c.id, c.fullName)}
                  aria-label={t('club.removeLabel', { name: c.fullName })}
                  data-testid="remove-coordinator"
                >
                  {t('club.remove')}
                </Button>
              </Group>
            </li>
          ))}
        </Stack>
        <ErrorAlert error={removeRes.error} />
        <form onSubmit={(e) => void submit(e)} data-testid="assign-form">
          <Stack gap="sm">
            <Title order={3} size="h4">
              {t('club.assign')}
            </Title>
            {choices.length === 0 ? (
              <Text>{t('club.noStaff')}</Text>
            ) : (
              <NativeSelect
                label={t('club.assignWho')}
                value={pick}
                onChange={(e) => setPick(e.currentTarget.value)}
                data={[
                  { value: '', label: t('club.assignPick') },
                  ...choices.map((s) => ({
                    value: s.id,
                    label: `${s.fullName} (${t(`role.${s.role}`)}${s.unit ? `, ${s.unit.name}` : ''})`,
                  })),
                ]}
                data-testid="assign-who"
              />
            )}
            <ErrorAlert error={assignRes.error} />
            <Group>
              <Button type="submit" disabled={!pick} loading={assignRes.fetching} data-testid="assign-submit">
                {t('club.assignSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
        <Done text={done} testId="coordinators-done" />
        <Text fw={700}>{t('club.cliHint')}</Text>
        <Command text={cliCommand('COORDINATOR', club.unit.code, club.id)} testId="cli-club" />
      </Stack>
    </Paper>
  );
}

function Members({ clubId }: { clubId: string }) {
  const { t } = useFeatureTranslation('admin');
  const [draft, setDraft] = useState('');
  const [search, setSearch] = useState('');
  const [after, setAfter] = useState<string[]>([]);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="club-members">
      <Stack gap="sm">
        <Title order={2} size="h3" id="club-members">
          {t('club.membersTitle')}
        </Title>
        <form
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            setSearch(draft.trim());
            setAfter([]);
          }}
        >
          <Group align="end" gap="sm" wrap="wrap">
            <TextInput
              label={t('club.search')}
              type="search"
              value={draft}
              onChange={(e) => setDraft(e.currentTarget.value)}
              data-testid="member-search"
            />
            <Button type="submit" variant="outline">
              {t('club.searchSubmit')}
            </Button>
          </Group>
        </form>
        <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {[null, ...after].map((cursor) => (
            <MembersPage
              key={cursor ?? 'first'}
              clubId={clubId}
              search={search}
              after={cursor}
              onMore={
                cursor === (after[after.length - 1] ?? null) ? (c) => setAfter([...after, c]) : undefined
              }
            />
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}

function MembersPage({
  clubId,
  search,
  after,
  onMore,
}: {
  clubId: string;
  search: string;
  after: string | null;
  onMore?: (cursor: string) => void;
}) {
  const { t } = useFeatureTranslation('admin');
  const [res] = useQuery({
    query: ClubMembersDocument,
    variables: { clubId, search: search || null, after },
  });
  const page = res.data?.clubMembers;
  if (!page)
    return res.fetching ? (
      <Loader size="sm" aria-label={t('club.membersTitle')} />
    ) : (
      <ErrorAlert error={res.error} />
    );
  return (
    <>
      {after === null && page.edges.length === 0 && <Text>{t('club.noMembers')}</Text>}
      {page.edges.map(({ node }) => (
        <li key={node.id} data-testid="club-member">
          <Anchor
            component={Link}
            to={`/admin/members/${node.id}`}
            style={{ display: 'inline-block', padding: '10px 0' }}
            aria-label={t('club.memberLink', { name: node.fullName })}
          >
            {node.fullName}
          </Anchor>
          {node.membershipNumber && (
            <Text span size="sm">
              {' '}
              · {node.membershipNumber}
            </Text>
          )}
        </li>
      ))}
      {onMore && page.pageInfo.hasNextPage && page.pageInfo.endCursor && (
        <li>
          <Button variant="subtle" onClick={() => onMore(page.pageInfo.endCursor!)}>
            {t('club.more')}
          </Button>
        </li>
      )}
    </>
  );
}

function ClubAdmin({ id }: { id: string }) {
  const { t } = useFeatureTranslation('admin');
  const [res, reexecute] = useQuery({ query: AdminClubDocument, variables: { id } });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const club = res.data?.managedClub;
  return (
    <Stack>
      <Anchor component={Link} to="/admin/clubs" style={{ display: 'inline-block', padding: '10px 0' }}>
        ← {t('club.back')}
      </Anchor>
      {!res.data && res.fetching && <Loader aria-label={t('clubs.title')} />}
      <ErrorAlert error={res.error} onRetry={refresh} />
      {club && res.data && (
        <>
          <Title order={2} size="h2" data-testid="club-name">
            {club.name}
          </Title>
          <Text>
            {t('club.unit', { unit: club.unit.name })}
            {club.institution ? ` · ${club.institution}` : ''} · {t('clubs.members')}: {club.memberCount}
          </Text>
          {club.archivedAt && (
            <Text fw={700} data-testid="club-archived">
              ▣ {t('club.archivedNote')}
            </Text>
          )}
          <RenameAndArchive club={club} refresh={refresh} />
          <Coordinators club={club} staff={res.data.staffAccounts} refresh={refresh} />
          <Members clubId={club.id} />
        </>
      )}
    </Stack>
  );
}

/** /admin/clubs/:id: rename, archive, coordinators (assign, remove), the members with links to their badges. */
export default function ClubAdminPage() {
  const { t } = useFeatureTranslation('admin');
  const { id = '' } = useParams();
  return <AdminShell title={t('clubs.title')}>{() => <ClubAdmin id={id} />}</AdminShell>;
}
