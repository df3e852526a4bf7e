import { Group, Paper, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useFeatureTranslation } from '../../shared/i18n/namespaces';
import { Glyph } from './Glyph';

export interface ClubRow {
  id: string;
  name: string;
  unit: string;
  href: string;
  members: number;
  events: number;
  attendances: number;
  noShows: number;
  noShowRate: number;
}

type Column = 'name' | 'unit' | 'members' | 'events' | 'attendances' | 'noShows' | 'noShowRate';
const kazakh = new Intl.Collator('kk');

/**
 * The clubs of the view with their no-show rates: sortable by any column (weakest first to begin
 * with), searchable by name; a club's name opens its figures.
 */
export function ClubsTable({
  clubs,
  count,
  percent,
}: {
  clubs: ClubRow[];
  count: (n: number) => string;
  percent: (n: number) => string;
}) {
  const { t } = useFeatureTranslation('dashboard');
  const [sort, setSort] = useState<{ by: Column; desc: boolean }>({ by: 'noShowRate', desc: true });
  const [search, setSearch] = useState('');
  const rows = useMemo(() => {
    const q = search.trim().toLocaleLowerCase();
    const shown = q ? clubs.filter((c) => c.name.toLocaleLowerCase().includes(q)) : clubs;
    const dir = sort.desc ? -1 : 1;
    return [...shown].sort((a, b) => {
      const by = sort.by;
      const cmp =
        by === 'name' || by === 'unit'
          ? kazakh.compare(a[by], b[by])
          : a[by] - b[by] || kazakh.compare(a.name, b.name) * -dir;
      return cmp * dir;
    });
  }, [clubs, search, sort]);
  // a phone gets three columns (the rest under the club's name): no table wider than the screen
  const compact = useMediaQuery('(max-width: 48em)') ?? false;
  const all: Array<{ key: Column; label: string; numeric?: boolean }> = [
    { key: 'name', label: t('col.club') },
    { key: 'unit', label: t('col.unit') },
    { key: 'members', label: t('figures.members'), numeric: true },
    { key: 'events', label: t('figures.events'), numeric: true },
    { key: 'attendances', label: t('figures.attendances'), numeric: true },
    { key: 'noShows', label: t('figures.noShows'), numeric: true },
    { key: 'noShowRate', label: t('figures.noShowRate'), numeric: true },
  ];
  const columns = compact ? all.filter((c) => ['name', 'attendances', 'noShowRate'].includes(c.key)) : all;
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="clubs-title"
      data-testid="clubs"
      className="dashboard-card"
    >
      <Group justify="space-between" wrap="wrap" mb="xs">
        <Title order={2} size="h3" id="clubs-title">
          {t('clubs.title')}
        </Title>
        <Text size="sm" role="status" data-testid="clubs-count">
          {t('clubs.count', { count: rows.length })}
        </Text>
      </Group>
      <Text size="sm" mb="xs">
        {t('clubs.weakestFirst')}
      </Text>
      <TextInput
        label={t('clubs.search')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        mb="sm"
        maw={360}
        className="dashboard-noprint"
        data-testid="clubs-search"
      />
      {clubs.length === 0 ? (
        <Text>{t('clubs.none')}</Text>
      ) : (
        <div className="dashboard-scroll" tabIndex={0} role="region" aria-labelledby="clubs-title">
          <Table withTableBorder withColumnBorders fz="sm" data-testid="clubs-table">
            <Table.Thead>
              <Table.Tr>
                {columns.map((c) => (
                  <Table.Th
                    key={c.key}
                    scope="col"
                    aria-sort={sort.by === c.key ? (sort.desc ? 'descending' : 'ascending') : 'none'}
                    style={{ textAlign: c.numeric ? 'end' : 'start' }}
                  >
                    <UnstyledButton
                      onClick={() =>
                        setSort((s) => ({ by: c.key, desc: s.by === c.key ? !s.desc : c.numeric === true }))
                      }
                      aria-label={t('clubs.sortBy', { column: c.label })}
                      fw={700}
                      fz="sm"
                      style={{ minHeight: 44 }}
                      data-testid={`sort-${c.key}`}
                    >
                      {c.label}
                      <Glyph dir={sort.by === c.key ? (sort.desc ? 'down' : 'up') : 'both'} />
                    </UnstyledButton>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((c) => (
                <Table.Tr key={c.id} data-testid="club-row">
                  <Table.Th scope="row" fw="normal">
                    <Link to={c.href}>{c.name}</Link>
                    {compact && (
                      <Text size="xs">
                        {c.unit} · {t('figures.members')}: {count(c.members)} · {t('figures.events')}:{' '}
                        {count(c.events)} · {t('figures.noShows')}: {count(c.noShows)}
                      </Text>
                    )}
                  </Table.Th>
                  {!compact && (
                    <>
                      <Table.Td>{c.unit}</Table.Td>
                      <Table.Td style={{ textAlign: 'end' }}>{count(c.members)}</Table.Td>
                      <Table.Td style={{ textAlign: 'end' }}>{count(c.events)}</Table.Td>
                    </>
                  )}
                  <Table.Td style={{ textAlign: 'end' }}>{count(c.attendances)}</Table.Td>
                  {!compact && <Table.Td style={{ textAlign: 'end' }}>{count(c.noShows)}</Table.Td>}
                  <Table.Td style={{ textAlign: 'end' }} data-testid="no-show-rate">
                    {percent(c.noShowRate)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Paper>
  );
}
