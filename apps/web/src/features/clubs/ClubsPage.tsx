import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { RequireMember } from '../../shared/auth/RequireMember';
import { ErrorAlert } from '../../shared/errors/ErrorAlert';
import { sortByName } from '../../shared/i18n/format';
import { PageTitle } from '../../shared/layout/PageTitle';

const MyClubsDocument = graphql(`
  query MyClubs {
    me {
      id
      unit {
        id
        name
        clubs {
          id
          name
          institution
          memberCount
        }
      }
      clubs {
        id
      }
    }
  }
`);

const JoinClubDocument = graphql(`
  mutation JoinClub($clubId: ID!) {
    joinClub(clubId: $clubId) {
      id
      clubs {
        id
      }
    }
  }
`);

const LeaveClubDocument = graphql(`
  mutation LeaveClub($clubId: ID!) {
    leaveClub(clubId: $clubId) {
      id
      clubs {
        id
      }
    }
  }
`);

function Clubs() {
  const { t } = useTranslation();
  const [res, reexecute] = useQuery({ query: MyClubsDocument });
  const [joinRes, join] = useMutation(JoinClubDocument);
  const [leaveRes, leave] = useMutation(LeaveClubDocument);
  const [busy, setBusy] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const me = res.data?.me;
  if (!me && res.fetching) return <Loader aria-label={t('app.loading')} />;
  if (!me)
    return <ErrorAlert error={res.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!me.unit) return <Text>{t('clubs.noUnit')}</Text>;
  const mine = new Set(me.clubs.map((c) => c.id));
  const clubs = sortByName(me.unit.clubs, (c) => c.name);

  const act = async (clubId: string, name: string, joining: boolean) => {
    setBusy(clubId);
    setDone(null);
    const r = joining ? await join({ clubId }) : await leave({ clubId });
    setBusy(null);
    if (r.error) return;
    setDone(t(joining ? 'clubs.joined' : 'clubs.left', { name }));
    // member counts changed too
    reexecute({ requestPolicy: 'network-only' });
  };

  return (
    <Stack>
      <Text>{t('clubs.intro', { unit: me.unit.name })}</Text>
      <div aria-live="polite" aria-atomic="true">
        {done && (
          <Alert color="green" variant="light" data-testid="club-done">
            <Text size="sm" c="dark">
              {done}
            </Text>
          </Alert>
        )}
      </div>
      <ErrorAlert error={joinRes.error ?? leaveRes.error} />
      {clubs.length === 0 && <Text>{t('clubs.none')}</Text>}
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {clubs.map((club) => {
          const member = mine.has(club.id);
          const nameId = `club-${club.id}`;
          return (
            <li key={club.id} data-testid="club">
              <Paper withBorder p="md">
                <Group justify="space-between" wrap="wrap" gap="sm">
                  <div>
                    <Title order={2} size="h4" id={nameId}>
                      {club.name}
                    </Title>
                    {club.institution && <Text size="sm">{club.institution}</Text>}
                    <Text size="sm">
                      {t('clubs.members', { count: club.memberCount })}
                      {member && <strong> · ✓ {t('clubs.youAreMember')}</strong>}
                    </Text>
                  </div>
                  <Button
                    variant={member ? 'outline' : 'filled'}
                    aria-describedby={nameId}
                    loading={busy === club.id}
                    disabled={busy !== null && busy !== club.id}
                    onClick={() => void act(club.id, club.name, !member)}
                    data-testid={member ? 'leave' : 'join'}
                  >
                    {member ? t('clubs.leave') : t('clubs.join')}
                  </Button>
                </Group>
              </Paper>
            </li>
          );
        })}
      </Stack>
    </Stack>
  );
}

/** The clubs of the member's district or city: join and leave. */
export default function ClubsPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageTitle title={t('clubs.title')}>{t('clubs.title')}</PageTitle>
      <RequireMember>{() => <Clubs />}</RequireMember>
    </Stack>
  );
}
