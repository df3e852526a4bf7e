import {
  Anchor,
  Button,
  Checkbox,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { InstitutionKind } from '../../gql/graphql';
import { ErrorAlert } from '../../shared/errors/ErrorAlert';
import { usePresentError } from '../../shared/errors/useErrorText';
import { fieldError, formMessage } from '../../shared/forms/fieldErrors';
import { useFeatureTranslation } from '../../shared/i18n/namespaces';
import { AdminShell, Done } from './AdminShell';

const AdminClubsDocument = graphql(`
  query AdminClubs($unitId: ID, $includeArchived: Boolean) {
    managedUnits {
      id
      name
      level
    }
    managedClubs(unitId: $unitId, includeArchived: $includeArchived) {
      id
      name
      institution
      archivedAt
      memberCount
      unit {
        id
        name
      }
      coordinators {
        id
        fullName
      }
    }
  }
`);

const CreateClubDocument = graphql(`
  mutation AdminCreateClub($input: CreateClubInput!) {
    createClub(input: $input) {
      id
      name
    }
  }
`);

const KINDS: InstitutionKind[] = ['UNIVERSITY', 'COLLEGE', 'SCHOOL', 'OTHER'];

type Unit = { id: string; name: string };

function CreateClubForm({
  units,
  defaultUnit,
  onCreated,
}: {
  units: Unit[];
  defaultUnit: string;
  onCreated: () => void;
}) {
  const { t } = useFeatureTranslation('admin');
  const present = usePresentError();
  const [unitId, setUnitId] = useState(defaultUnit || units[0]?.id || '');
  const [name, setName] = useState('');
  const [institution, setInstitution] = useState('');
  const [kind, setKind] = useState<InstitutionKind | ''>('');
  const [done, setDone] = useState<string | null>(null);
  const [res, create] = useMutation(CreateClubDocument);
  const presented = present(res.error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const r = await create({
      input: {
        unitId,
        name,
        institution: institution.trim() || null,
        institutionKind: institution.trim() && kind ? kind : null,
      },
    });
    if (!r.data) return;
    setDone(t('clubs.created', { name: r.data.createClub.name }));
    setName('');
    setInstitution('');
    setKind('');
    onCreated();
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="create-club">
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="create-club">
        <Stack gap="sm">
          <Title order={2} size="h3" id="create-club">
            {t('clubs.create')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('clubs.unit')}
              value={unitId}
              onChange={(e) => setUnitId(e.currentTarget.value)}
              data={units.map((u) => ({ value: u.id, label: u.name }))}
              error={fieldError(presented, 'unitId')}
              data-testid="create-unit"
            />
            <TextInput
              label={t('clubs.name')}
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={fieldError(presented, 'name')}
              data-testid="create-name"
            />
            <TextInput
              label={t('clubs.institution')}
              value={institution}
              onChange={(e) => setInstitution(e.currentTarget.value)}
              error={fieldError(presented, 'institution')}
            />
            <NativeSelect
              label={t('clubs.institutionKind')}
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value as InstitutionKind | '')}
              data={[
                { value: '', label: t('kind.none') },
                ...KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })),
              ]}
            />
          </SimpleGrid>
          {formMessage(presented) && <ErrorAlert error={res.error} />}
          <Group>
            <Button type="submit" loading={res.fetching} data-testid="create-submit">
              {t('clubs.createSubmit')}
            </Button>
          </Group>
          <Done text={done} testId="create-done" />
        </Stack>
      </form>
    </Paper>
  );
}

function Clubs() {
  const { t } = useFeatureTranslation('admin');
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unit') ?? '';
  const archived = params.get('archived') === '1';
  const [res, reexecute] = useQuery({
    query: AdminClubsDocument,
    variables: { unitId: unitId || null, includeArchived: archived },
  });
  const set = (key: string, value: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  // the previous answer stays on screen while new filters load (the filters are never unmounted)
  const [last, setLast] = useState(res.data);
  if (res.data && res.data !== last) setLast(res.data);
  const data = res.data ?? last;
  const units = data?.managedUnits ?? [];
  const clubs = data?.managedClubs ?? [];
  return (
    <Stack>
      <Group align="end" wrap="wrap" gap="md">
        <NativeSelect
          label={t('clubs.unit')}
          value={unitId}
          onChange={(e) => set('unit', e.currentTarget.value || null)}
          data={[
            { value: '', label: t('clubs.allUnits') },
            ...units.map((u) => ({ value: u.id, label: u.name })),
          ]}
          data-testid="filter-unit"
          miw={240}
        />
        <Checkbox
          label={t('clubs.showArchived')}
          checked={archived}
          onChange={(e) => set('archived', e.currentTarget.checked ? '1' : null)}
          data-testid="filter-archived"
          styles={{ body: { minHeight: 44, alignItems: 'center' } }}
        />
      </Group>
      <ErrorAlert error={res.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {res.fetching && <Loader size="sm" aria-label={t('clubs.title')} />}
      {data && (
        <Text data-testid="clubs-count" aria-live="polite">
          {t('clubs.count', { count: clubs.length })}
        </Text>
      )}
      {data && clubs.length === 0 && <Text>{t('clubs.none')}</Text>}
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {clubs.map((club) => (
          <li key={club.id} data-testid="admin-club">
            <Paper withBorder p="md">
              <Group justify="space-between" align="start" wrap="wrap" gap="sm">
                <Stack gap={4}>
                  <Title order={2} size="h4">
                    {club.name}
                  </Title>
                  <Text size="sm">
                    {club.unit.name}
                    {club.institution ? ` · ${club.institution}` : ''}
                  </Text>
                  <Text size="sm">
                    {t('clubs.members')}: {club.memberCount}
                    {' · '}
                    {t('clubs.coordinators')}:{' '}
                    {club.coordinators?.length
                      ? club.coordinators.map((c) => c.fullName).join(', ')
                      : t('clubs.noCoordinator')}
                  </Text>
                  <Text size="sm" fw={700} data-testid="club-status">
                    {club.archivedAt ? `▣ ${t('clubs.archived')}` : `● ${t('clubs.active')}`}
                  </Text>
                </Stack>
                <Anchor
                  component={Link}
                  to={`/admin/clubs/${club.id}`}
                  aria-label={t('clubs.manageLabel', { name: club.name })}
                  style={{ display: 'inline-block', padding: '10px 0' }}
                >
                  {t('clubs.manage')}
                </Anchor>
              </Group>
            </Paper>
          </li>
        ))}
      </Stack>
      {data && (
        <CreateClubForm
          key={unitId}
          units={units}
          defaultUnit={unitId}
          onCreated={() => reexecute({ requestPolicy: 'network-only' })}
        />
      )}
    </Stack>
  );
}

/** /admin/clubs: the clubs of the officer's area (by unit, archived ones on request), and a new club. */
export default function ClubsAdminPage() {
  const { t } = useFeatureTranslation('admin');
  return <AdminShell title={t('clubs.title')}>{() => <Clubs />}</AdminShell>;
}
