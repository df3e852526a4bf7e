import { Code, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { ErrorAlert } from '../../shared/errors/ErrorAlert';
import { useFeatureTranslation } from '../../shared/i18n/namespaces';
import { AdminShell } from './AdminShell';

const ManagedUnitsDocument = graphql(`
  query AdminManagedUnits {
    managedUnits {
      id
      code
      name
      parent {
        id
      }
    }
  }
`);

/** The CLI's user:create (apps/cli), the only way staff accounts are made (README "The CLI"). */
export function cliCommand(role: 'COORDINATOR' | 'COMMISSION', unitCode: string, clubId?: string): string {
  return [
    'npm run cli -- user:create --email E-MAIL --password PASSWORD',
    `--role ${role} --unit ${unitCode}`,
    clubId ? `--club ${clubId}` : null,
    '--name "Аты-жөні"',
  ]
    .filter(Boolean)
    .join(' ');
}

/** A command to copy: wraps on a phone instead of running off the screen. */
export function Command({ text, testId }: { text: string; testId?: string }) {
  return (
    <Code
      block
      data-testid={testId}
      style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontSize: 14, color: '#1a1b1e' }}
      translate="no"
    >
      {text}
    </Code>
  );
}

function Overview() {
  const { t } = useFeatureTranslation('admin');
  const [res, reexecute] = useQuery({ query: ManagedUnitsDocument });
  const units = res.data?.managedUnits;
  // the tops of the officer's subtrees (a region officer: the region; Taraz's: Taraz)
  const ids = new Set(units?.map((u) => u.id));
  const tops = units?.filter((u) => !u.parent || !ids.has(u.parent.id)) ?? [];
  const unitCode = tops[0]?.code ?? 'zhambyl';
  return (
    <Stack>
      <Text>{t('intro')}</Text>
      <ErrorAlert error={res.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {!units && res.fetching && <Loader aria-label={t('title')} />}
      {units && (
        <Text data-testid="admin-scope">{t('scope', { units: tops.map((u) => u.name).join(', ') })}</Text>
      )}
      <Paper withBorder p="md" component="section" aria-labelledby="staff-accounts">
        <Stack gap="sm">
          <Title order={2} size="h3" id="staff-accounts">
            {t('staff.title')}
          </Title>
          <Text>{t('staff.text')}</Text>
          <Text fw={700}>{t('staff.command')}</Text>
          <Command text={cliCommand('COORDINATOR', unitCode, 'CLUB_ID')} testId="cli-coordinator" />
          <Text fw={700}>{t('staff.commandCommission')}</Text>
          <Command text={cliCommand('COMMISSION', unitCode)} testId="cli-commission" />
          <Text size="sm">{t('staff.placeholders')}</Text>
        </Stack>
      </Paper>
    </Stack>
  );
}

/** /admin: the officer's area, the sections, and how staff accounts are made (the CLI). */
export default function AdminPage() {
  const { t } = useFeatureTranslation('admin');
  return <AdminShell title={t('title')}>{() => <Overview />}</AdminShell>;
}
