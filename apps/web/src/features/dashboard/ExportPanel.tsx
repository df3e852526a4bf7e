import { Alert, Button, Group, Paper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { fetchWithToken } from '../../shared/graphql/client';
import { useFeatureTranslation } from '../../shared/i18n/namespaces';
import { saveFile } from '../account/download';

const TABLES = ['overview', 'units', 'months', 'clubs', 'age-bands', 'kinds'] as const;

/**
 * The API's CSV files for exactly this view (the unit and the period the figures on the page were
 * computed for, so the same cached answer), and the print view (A4, print CSS).
 */
export function ExportPanel({ unitId, from, to }: { unitId: string | null; from: string; to: string }) {
  const { t, i18n } = useFeatureTranslation('dashboard');
  const [busy, setBusy] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const download = async (table: (typeof TABLES)[number]) => {
    setBusy(table);
    setFailed(false);
    try {
      const q = new URLSearchParams({ from, to });
      if (unitId) q.set('unitId', unitId);
      const res = await fetchWithToken(`/engagement/${table}.csv?${q.toString()}`, {
        'Accept-Language': i18n.language,
      });
      if (!res.ok) throw new Error(String(res.status));
      const name = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1];
      saveFile(await res.blob(), name ?? `engagement-${table}.csv`);
    } catch {
      setFailed(true);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="export-title" className="dashboard-noprint">
      <Title order={2} size="h3" id="export-title" mb="xs">
        {t('export.title')}
      </Title>
      <Text size="sm" mb="xs" id="export-csv">
        {t('export.csv')}
      </Text>
      <Group gap="xs" wrap="wrap" role="group" aria-labelledby="export-csv">
        {TABLES.map((table) => (
          <Button
            key={table}
            variant="default"
            loading={busy === table}
            disabled={busy !== null && busy !== table}
            onClick={() => void download(table)}
            data-testid={`csv-${table}`}
          >
            {t(`export.table.${table}`)}
          </Button>
        ))}
      </Group>
      <div aria-live="polite">
        {failed && (
          <Alert color="red" variant="light" mt="sm" role="alert">
            {t('export.failed')}
          </Alert>
        )}
      </div>
      <Button mt="md" onClick={() => window.print()} data-testid="print">
        {t('export.print')}
      </Button>
    </Paper>
  );
}
