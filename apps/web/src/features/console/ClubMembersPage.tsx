import { Anchor, Button, Group, Loader, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { ErrorAlert } from '../../shared/errors/ErrorAlert';
import { useFeatureTranslation } from '../../shared/i18n/namespaces';
import { PageTitle } from '../../shared/layout/PageTitle';
import { StaffPage } from './StaffPage';
import { MoreRow } from './MoreRow';

const ClubDocument = graphql(`
  query ConsoleClub($id: ID!) {
    club(id: $id) {
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
`);

const ClubMembersDocument = graphql(`
  query ConsoleClubMembers($clubId: ID!, $search: String, $after: String) {
    clubMembers(clubId: $clubId, search: $search, first: 50, after: $after) {
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
          maskedContact
        }
      }
    }
  }
`);

function MembersPage({
  clubId,
  search,
  after,
  last,
  onMore,
}: {
  clubId: string;
  search: string;
  after: string | null;
  last: boolean;
  onMore: (cursor: string) => void;
}) {
  const { t } = useFeatureTranslation('console');
  const [res, reexecute] = useQuery({
    query: ClubMembersDocument,
    variables: { clubId, search: search || null, after },
  });
  const conn = res.data?.clubMembers;
  if (!conn)
    return (
      <Table.Tr>
        <Table.Td colSpan={3}>
          {res.fetching ? (
            <Loader aria-label={t('app.loading', { ns: 'translation' })} />
          ) : (
            <ErrorAlert error={res.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
          )}
        </Table.Td>
      </Table.Tr>
    );
  return (
    <>
      {conn.edges.map(({ node: m }) => (
        <Table.Tr key={m.id} data-testid="club-member">
          <Table.Td>{m.fullName}</Table.Td>
          <Table.Td>{m.membershipNumber ?? '—'}</Table.Td>
          <Table.Td>{m.maskedContact ?? '—'}</Table.Td>
        </Table.Tr>
      ))}
      <MoreRow last={last} pageInfo={conn.pageInfo} colSpan={3} onMore={onMore} />
    </>
  );
}

function ClubMembers({ clubId }: { clubId: string }) {
  const { t } = useFeatureTranslation('console');
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const [draft, setDraft] = useState(search);
  const [pages, setPages] = useState<Array<string | null>>([null]);
  const [res] = useQuery({ query: ClubDocument, variables: { id: clubId } });
  const club = res.data?.club;
  // the first page (shared with the table's through urql's cache): its count
  const [first] = useQuery({
    query: ClubMembersDocument,
    variables: { clubId, search: search || null, after: null },
  });
  const count = first.data?.clubMembers.totalCount;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setPages([null]);
    setParams(draft.trim() ? { q: draft.trim() } : {}, { replace: true });
  };
  const title = club ? club.name : t('members.title');
  return (
    <Stack>
      <Anchor component={Link} to="/console">
        ← {t('nav.back')}
      </Anchor>
      <PageTitle title={title}>{title}</PageTitle>
      <ErrorAlert error={res.error} />
      {club && (
        <Text>
          {club.unit.name}
          {club.institution && ` · ${club.institution}`}
        </Text>
      )}
      <Paper
        withBorder
        p="sm"
        component="form"
        role="search"
        onSubmit={submit}
        aria-label={t('members.search')}
      >
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('members.search')}
            description={t('members.searchHint')}
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
            style={{ flex: '1 1 16rem' }}
            data-testid="member-search"
          />
          <Button type="submit">{t('members.find')}</Button>
        </Group>
      </Paper>
      <Text size="sm" role="status" data-testid="members-count">
        {count !== undefined && (search ? t('members.found', { count }) : t('home.members', { count }))}
      </Text>

      <Table striped style={{ wordBreak: 'break-word' }}>
        <Table.Caption>{t('members.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('people.name')}</Table.Th>
            <Table.Th scope="col">{t('people.number')}</Table.Th>
            <Table.Th scope="col">{t('members.contact')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {pages.map((after, i) => (
            <MembersPage
              key={`${search}:${after ?? ''}`}
              clubId={clubId}
              search={search}
              after={after}
              last={i === pages.length - 1}
              onMore={(c) => setPages((p) => [...p, c])}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** A club's members in Kazakh order, searchable by name, membership number, e-mail or phone. */
export default function ClubMembersPage() {
  const { id = '' } = useParams();
  return <StaffPage>{() => <ClubMembers key={id} clubId={id} />}</StaffPage>;
}
