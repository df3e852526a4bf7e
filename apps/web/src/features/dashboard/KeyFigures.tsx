import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useFeatureTranslation } from '../../shared/i18n/namespaces';
import { Glyph } from './Glyph';

export interface Figure {
  key: string;
  label: string;
  value: number;
  /** the previous period's value (null: not compared) */
  before: number | null;
  rate?: boolean;
}

/**
 * The key figures, each with its change against the previous period of the same length: an
 * arrow, a sign and a sentence (colour is never the only signal; rates change in percentage points).
 */
export function KeyFigures({
  figures,
  count,
  percent,
}: {
  figures: Figure[];
  count: (n: number) => string;
  percent: (n: number) => string;
}) {
  const { t } = useFeatureTranslation('dashboard');
  return (
    <section aria-labelledby="figures-title" className="dashboard-card">
      <Title order={2} size="h3" id="figures-title" mb="xs">
        {t('figures.title')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="sm" component="dl" style={{ margin: 0 }}>
        {figures.map((f) => {
          const fmt = f.rate ? percent : count;
          const delta = f.before === null ? null : f.value - f.before;
          const arrow = delta === null || delta === 0 ? 'same' : delta > 0 ? 'up' : 'down';
          const change =
            f.before === null || delta === null
              ? null
              : delta === 0
                ? t('change.same', { before: fmt(f.before) })
                : t(delta > 0 ? 'change.up' : 'change.down', {
                    delta: fmt(Math.abs(delta)),
                    before: fmt(f.before),
                  });
          return (
            <Paper withBorder p="sm" key={f.key} data-testid={`figure-${f.key}`}>
              <Text component="dt" size="sm" fw={500}>
                {f.label}
              </Text>
              <Text component="dd" m={0} fz={26} fw={700} data-testid="figure-value" data-value={f.value}>
                {fmt(f.value)}
              </Text>
              {change && (
                <Text
                  component="dd"
                  m={0}
                  size="sm"
                  // darker than Mantine's shades, AA on white; the arrow and the words carry the meaning
                  style={{ color: delta! > 0 ? '#1b5e20' : delta! < 0 ? '#a51d1d' : '#212529' }}
                >
                  <Glyph dir={arrow} />
                  {change}
                </Text>
              )}
            </Paper>
          );
        })}
      </SimpleGrid>
    </section>
  );
}
