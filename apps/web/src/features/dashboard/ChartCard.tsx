import {
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { type ReactNode, Suspense, lazy, useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useFeatureTranslation } from '../../shared/i18n/namespaces';
import { type ChartRow, type ChartSeries, SERIES_COLOURS } from './charts/chart-data';

// the charting code (visx) is fetched with the first chart, only on this page
const BarChart = lazy(() => import('./charts/dashboard-charts'));

/**
 * One chart of the dashboard with its table view (a switch) and its text alternative (the
 * highest and lowest row, read by screen readers with the chart). Rows with a link drill down,
 * in the chart and in the table.
 */
export function ChartCard({
  title,
  rowHeader,
  rows,
  series,
  format,
  testId,
  hint,
  footer,
}: {
  title: string;
  rowHeader: string;
  rows: ChartRow[];
  series: ChartSeries[];
  format: (n: number) => string;
  testId: string;
  hint?: string;
  footer?: ReactNode;
}) {
  const { t } = useFeatureTranslation('dashboard');
  const navigate = useNavigate();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const id = useId();
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const extremes = (() => {
    if (rows.length === 0) return t('chart.empty');
    const sorted = [...rows].sort((a, b) => b.values[0] - a.values[0]);
    const top = sorted[0];
    const bottom = sorted[sorted.length - 1];
    return [
      t('chart.max', { label: top.label, value: format(top.values[0]) }),
      rows.length > 1 ? t('chart.min', { label: bottom.label, value: format(bottom.values[0]) }) : '',
    ].join(' ');
  })();
  const alt = t('chart.alt', { title, series: series.map((s) => s.label).join(', '), extremes });
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby={titleId}
      data-testid={testId}
      className="dashboard-card"
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={3} size="h4" id={titleId}>
            {title}
          </Title>
          <SegmentedControl
            size="xs"
            className="dashboard-noprint"
            aria-label={t('view.label', { title })}
            value={view}
            onChange={(v) => setView(v === 'table' ? 'table' : 'chart')}
            data={[
              { value: 'chart', label: t('view.chart') },
              { value: 'table', label: t('view.table') },
            ]}
            data-testid="view-switch"
          />
        </Group>
        {hint && <Text size="sm">{hint}</Text>}
        {series.length > 1 && (
          <Group gap="md" aria-hidden="true">
            {series.map((s, i) => (
              <Group key={s.key} gap={6}>
                <svg width="16" height="12">
                  <rect width="16" height="12" fill={SERIES_COLOURS[i]} />
                  {i > 0 && <path d="M0,12 L16,0" stroke="#fff" strokeWidth={2} />}
                </svg>
                <Text size="sm">{s.label}</Text>
              </Group>
            ))}
          </Group>
        )}
        {rows.length === 0 ? (
          <Text>{t('chart.empty')}</Text>
        ) : view === 'chart' ? (
          <>
            <VisuallyHidden id={descId}>{alt}</VisuallyHidden>
            <Suspense fallback={<Loader size="sm" aria-label={t('loading')} />}>
              <BarChart
                rows={rows}
                series={series}
                titleId={titleId}
                descId={descId}
                format={format}
                onOpen={(href) => void navigate(href)}
              />
            </Suspense>
          </>
        ) : (
          <div className="dashboard-scroll">
            <Table withTableBorder withColumnBorders data-testid="chart-table">
              <caption style={{ captionSide: 'top', textAlign: 'start' }}>
                <VisuallyHidden>{title}</VisuallyHidden>
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{rowHeader}</Table.Th>
                  {series.map((s) => (
                    <Table.Th scope="col" key={s.key} style={{ textAlign: 'end' }}>
                      {s.label}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.key}>
                    <Table.Th scope="row" fw="normal">
                      {row.href ? <Link to={row.href}>{row.label}</Link> : row.label}
                    </Table.Th>
                    {row.values.map((v, i) => (
                      <Table.Td key={series[i].key} style={{ textAlign: 'end' }}>
                        {format(v)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
        {footer}
      </Stack>
    </Paper>
  );
}
