import {
  Anchor,
  Breadcrumbs,
  Button,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import type { DashboardEngagementQuery } from '../../gql/graphql';
import { RequireRole, STAFF_ROLES } from '../../shared/auth/RequireRole';
import { ErrorAlert } from '../../shared/errors/ErrorAlert';
import type { Lang } from '../../shared/i18n';
import { formatDate, formatDateTime } from '../../shared/i18n/format';
import { useFeatureTranslation } from '../../shared/i18n/namespaces';
import { PageTitle } from '../../shared/layout/PageTitle';
import { ChartCard } from './ChartCard';
import { ClubsTable } from './ClubsTable';
import { ExportPanel } from './ExportPanel';
import { type Figure, KeyFigures } from './KeyFigures';
import { PeriodPicker } from './PeriodPicker';
import { DashboardEngagementDocument, DashboardUnitsDocument } from './documents';
import { numberFormats } from './numbers';
import { previousPeriod, toPeriod } from './period';
import { useDashboardState } from './state';
import './dashboard.css';

type Report = DashboardEngagementQuery['current'];
type Previous = DashboardEngagementQuery['previous'];

/** How often an open dashboard asks again (the API's answer itself lags by at most a minute: docs/analytics.md). */
const REFRESH_MS = 60_000;

/** The day before an exclusive end: the period's last day. */
const lastDay = (to: string) => new Date(new Date(to).getTime() - 1).toISOString();

function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), REFRESH_MS);
    return () => clearInterval(id);
  }, []);
  return now;
}

/** Seconds since `active` became true (for the "still computing" message). */
function useElapsed(active: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    setSeconds(0);
    if (!active) return;
    const started = Date.now();
    const id = setInterval(() => setSeconds(Math.round((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(id);
  }, [active]);
  return seconds;
}

function Dashboard() {
  const { t, i18n } = useFeatureTranslation('dashboard');
  const tt = (key: string) => t(key, { ns: 'translation' });
  const lang = i18n.language as Lang;
  const navigate = useNavigate();
  const now = useNow();
  const { state, hrefFor, setRange } = useDashboardState(now);
  const [units] = useQuery({ query: DashboardUnitsDocument });
  const byCode = useMemo(() => new Map((units.data?.units ?? []).map((u) => [u.code, u])), [units.data]);
  const unit = state.unit ? byCode.get(state.unit) : undefined;
  const unknownUnit = state.unit !== null && units.data !== undefined && !unit;

  const minute = Math.floor(now.getTime() / 60_000);
  const variables = useMemo(() => {
    const period = toPeriod(state.range, new Date(minute * 60_000));
    const previous = previousPeriod(period, new Date(minute * 60_000));
    const unitId = unit?.id ?? null;
    return {
      current: { unitId, from: period.from, ...(period.to ? { to: period.to } : {}) },
      previous: { unitId, ...previous },
    };
  }, [state.range, unit?.id, minute]);
  const ready = !state.unit || unit !== undefined;
  const [res, reexecute] = useQuery({
    query: DashboardEngagementDocument,
    variables,
    pause: !ready || state.range.to < state.range.from,
    requestPolicy: 'cache-and-network',
  });
  // an open dashboard follows the live figures: the API answers from its cache, refreshed ahead
  useEffect(() => {
    const id = setInterval(() => {
      if (document.visibilityState === 'visible') reexecute({ requestPolicy: 'network-only' });
    }, REFRESH_MS);
    return () => clearInterval(id);
  }, [reexecute]);
  const elapsed = useElapsed(res.fetching);
  const { count, percent } = numberFormats(lang);

  const report = res.data?.current;
  const previous = res.data?.previous;
  const club = state.club && report ? report.byClub.find((c) => c.club.id === state.club) : undefined;

  // breadcrumbs: the whole scope, the units drilled through, the unit, the club
  const crumbs: Array<{ label: string; href: string }> = [
    { label: t('scopeTop'), href: hrefFor({ unit: null }) },
  ];
  state.path.forEach((code, i) =>
    crumbs.push({
      label: byCode.get(code)?.name ?? code,
      href: hrefFor({ unit: code, path: state.path.slice(0, i) }),
    }),
  );
  if (state.unit)
    crumbs.push({ label: unit?.name ?? state.unit, href: hrefFor({ unit: state.unit, path: state.path }) });
  if (state.club)
    crumbs.push({
      label: club?.club.name ?? '…',
      href: hrefFor({ unit: state.unit, path: state.path, club: state.club }),
    });
  const here = crumbs[crumbs.length - 1].label;
  const drillPath = state.unit ? [...state.path, state.unit] : [];

  return (
    <Stack gap="md">
      <Text size="lg" fw={500} data-testid="place">
        {state.club || state.unit ? here : t('unit.all')}
      </Text>
      <Breadcrumbs
        separator="›"
        component="nav"
        aria-label={t('breadcrumbs')}
        className="dashboard-noprint"
        data-testid="crumbs"
      >
        {crumbs.map((c, i) =>
          i === crumbs.length - 1 ? (
            <Text key={c.href} aria-current="page" fw={600}>
              {c.label}
            </Text>
          ) : (
            <Anchor key={c.href} component={Link} to={c.href}>
              {c.label}
            </Anchor>
          ),
        )}
      </Breadcrumbs>
      <Paper withBorder p="md" component="section" aria-label={t('filters')} className="dashboard-noprint">
        <Stack gap="sm">
          <PeriodPicker range={state.range} now={now} onChange={setRange} />
          <Group align="flex-end" gap="sm" wrap="wrap">
            <NativeSelect
              label={t('unit.label')}
              value={state.unit ?? ''}
              onChange={(e) => {
                const code = e.currentTarget.value;
                const i = crumbs.findIndex(
                  (_, k) => k > 0 && k <= state.path.length && state.path[k - 1] === code,
                );
                if (!code) void navigate(hrefFor({ unit: null }));
                else if (i >= 0) void navigate(crumbs[i].href);
                else if (code === state.unit) void navigate(hrefFor({ unit: code, path: state.path }));
                else void navigate(hrefFor({ unit: code, path: drillPath }));
              }}
              data={[
                { value: '', label: t('unit.all') },
                ...state.path.map((code) => ({ value: code, label: byCode.get(code)?.name ?? code })),
                ...(state.unit ? [{ value: state.unit, label: unit?.name ?? state.unit }] : []),
                ...(report?.byUnit ?? [])
                  .filter(
                    (r) =>
                      r.unit.code !== state.unit &&
                      !state.path.includes(r.unit.code) &&
                      !isItself(r, report!.byUnit, state.unit),
                  )
                  .map((r) => ({ value: r.unit.code, label: r.unit.name })),
              ]}
              data-testid="unit-picker"
            />
            <Button
              variant="default"
              onClick={() => reexecute({ requestPolicy: 'network-only' })}
              loading={res.fetching && !!report}
              data-testid="refresh"
            >
              {t('refresh')}
            </Button>
          </Group>
        </Stack>
      </Paper>

      {unknownUnit && <Text role="alert">{t('unit.notFound')}</Text>}
      <ErrorAlert error={res.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      <div role="status" aria-live="polite" className="dashboard-noprint">
        {res.fetching && (
          <Group gap="xs" data-testid="progress">
            <Loader size="sm" aria-hidden="true" />
            <Text size="sm">
              {report ? t('updating') : elapsed >= 2 ? t('computing', { seconds: elapsed }) : t('loading')}
            </Text>
          </Group>
        )}
      </div>
      {!report && !res.error && !unknownUnit && (
        <Stack gap="sm" aria-hidden="true" data-testid="skeleton">
          <Skeleton height={40} />
          <Group grow>
            <Skeleton height={90} />
            <Skeleton height={90} />
            <Skeleton height={90} />
          </Group>
          <Skeleton height={240} />
        </Stack>
      )}
      {report && previous && (
        <ReportView
          report={report}
          previous={previous}
          clubId={state.club}
          lang={lang}
          count={count}
          percent={percent}
          placeName={here}
          unitHref={(code) => hrefFor({ unit: code, path: drillPath })}
          clubHref={(id) => hrefFor({ unit: state.unit, path: state.path, club: id })}
          kindLabel={(k) => tt(`events.kind.${k}`)}
          unitId={unit?.id ?? null}
          currentUnit={state.unit}
        />
      )}
    </Stack>
  );
}

type UnitRow = Report['byUnit'][number];
/** The row of the unit itself (what is held at it), as opposed to its children: not a drill-down target. */
function isItself(row: UnitRow, rows: UnitRow[], current: string | null): boolean {
  if (row.unit.code === current) return true;
  if (rows.some((o) => o.unit.code.startsWith(`${row.unit.code}.`))) return true;
  return current === null && rows.length === 1;
}

function ReportView({
  report,
  previous,
  clubId,
  lang,
  count,
  percent,
  placeName,
  unitHref,
  clubHref,
  kindLabel,
  unitId,
  currentUnit,
}: {
  report: Report;
  previous: Previous;
  clubId: string | null;
  lang: Lang;
  count: (n: number) => string;
  percent: (n: number) => string;
  placeName: string;
  unitHref: (code: string) => string;
  clubHref: (id: string) => string;
  kindLabel: (kind: string) => string;
  unitId: string | null;
  currentUnit: string | null;
}) {
  const { t } = useFeatureTranslation('dashboard');
  /** the charts' bars, named once */
  const series = {
    attendances: { key: 'attendances', label: t('figures.attendances') },
    participants: { key: 'participants', label: t('figures.uniqueParticipants') },
    members: { key: 'members', label: t('figures.members') },
    active: { key: 'active', label: t('figures.activeMembers') },
    events: { key: 'events', label: t('figures.events') },
  };
  const period = t('periodTo', {
    from: formatDate(report.from, lang),
    to: formatDate(lastDay(report.to), lang),
  });
  const asOf = (
    <Text size="sm" data-testid="as-of" data-computed-at={report.computedAt}>
      {t('asOf', { when: formatDateTime(report.computedAt, lang) })}
    </Text>
  );
  const header = (
    <>
      <Text className="dashboard-print-only" fw={700}>
        {t('print.heading', {
          unit: placeName,
          from: formatDate(report.from, lang),
          to: formatDate(lastDay(report.to), lang),
        })}
      </Text>
      <Text size="sm" data-testid="period-shown">
        {period} ·{' '}
        {t('change.previous', {
          from: formatDate(previous.from, lang),
          to: formatDate(lastDay(previous.to), lang),
        })}
      </Text>
      {asOf}
    </>
  );

  if (clubId) {
    const club = report.byClub.find((c) => c.club.id === clubId);
    const before = previous.byClub.find((c) => c.club.id === clubId);
    if (!club) return <Text role="alert">{t('club.notInView')}</Text>;
    const figures: Figure[] = [
      { key: 'members', label: t('figures.members'), value: club.members, before: before?.members ?? 0 },
      { key: 'events', label: t('figures.events'), value: club.events, before: before?.events ?? 0 },
      {
        key: 'registrations',
        label: t('figures.registrations'),
        value: club.registrations,
        before: before?.registrations ?? 0,
      },
      {
        key: 'attendances',
        label: t('figures.attendances'),
        value: club.attendances,
        before: before?.attendances ?? 0,
      },
      {
        key: 'uniqueParticipants',
        label: t('figures.uniqueParticipants'),
        value: club.uniqueParticipants,
        before: before?.uniqueParticipants ?? 0,
      },
      { key: 'noShows', label: t('figures.noShows'), value: club.noShows, before: before?.noShows ?? 0 },
      {
        key: 'noShowRate',
        label: t('figures.noShowRate'),
        value: club.noShowRate,
        before: before?.noShowRate ?? 0,
        rate: true,
      },
    ];
    return (
      <Stack gap="md" data-testid="club-view" data-from={report.from} data-to={report.to}>
        <Title order={2} data-testid="summary">
          {t('club.view', { name: club.club.name })}
        </Title>
        {header}
        <Text size="sm">{t('club.note')}</Text>
        <KeyFigures figures={figures} count={count} percent={percent} />
        <ExportPanel unitId={unitId} from={report.from} to={report.to} />
      </Stack>
    );
  }

  const figures: Figure[] = [
    { key: 'members', label: t('figures.members'), value: report.members, before: previous.members },
    {
      key: 'activeMembers',
      label: t('figures.activeMembers'),
      value: report.activeMembers,
      before: previous.activeMembers,
    },
    { key: 'events', label: t('figures.events'), value: report.events, before: previous.events },
    {
      key: 'attendances',
      label: t('figures.attendances'),
      value: report.attendances,
      before: previous.attendances,
    },
    {
      key: 'uniqueParticipants',
      label: t('figures.uniqueParticipants'),
      value: report.uniqueParticipants,
      before: previous.uniqueParticipants,
    },
    {
      key: 'attendanceRate',
      label: t('figures.attendanceRate'),
      value: report.attendanceRate,
      before: previous.attendanceRate,
      rate: true,
    },
    {
      key: 'firstTimeVoters',
      label: t('figures.firstTimeVoters'),
      value: report.firstTimeVoters.activeMembers,
      before: previous.firstTimeVoters.activeMembers,
    },
  ];
  const monthLabel = (m: string) => `${t(`m${m.slice(5, 7)}`)} ${m.slice(0, 4)}`;
  const unitRows = [...report.byUnit].sort((a, b) => b.attendances - a.attendances);
  const absentUnits = report.byUnit.filter((u) => u.members > 0 && u.events === 0);
  const absentClubs = report.byClub.filter((c) => c.members > 0 && c.events === 0);
  return (
    <Stack gap="md" data-testid="report" data-from={report.from} data-to={report.to}>
      <Title order={2} data-testid="summary">
        {report.summary}
      </Title>
      {header}
      <KeyFigures figures={figures} count={count} percent={percent} />
      <div className="dashboard-grid">
        <ChartCard
          testId="chart-months"
          title={t('chart.months')}
          rowHeader={t('col.month')}
          rows={report.byMonth.map((m) => ({
            key: m.month,
            label: monthLabel(m.month),
            values: [m.attendances, m.uniqueParticipants],
          }))}
          series={[series.attendances, series.participants]}
          format={count}
        />
        <ChartCard
          testId="chart-units"
          title={t('chart.units')}
          hint={
            unitRows.some((r) => !isItself(r, report.byUnit, currentUnit)) ? t('chart.unitsHint') : undefined
          }
          rowHeader={t('col.unit')}
          rows={unitRows.map((r) => {
            const itself = isItself(r, report.byUnit, currentUnit);
            return {
              key: r.unit.id,
              label: itself && report.byUnit.length > 1 ? t('itself', { name: r.unit.name }) : r.unit.name,
              values: [r.attendances, r.uniqueParticipants],
              href: itself ? undefined : unitHref(r.unit.code),
            };
          })}
          series={[series.attendances, series.participants]}
          format={count}
        />
        <ChartCard
          testId="chart-ages"
          title={t('chart.ages')}
          rowHeader={t('col.band')}
          rows={report.byAgeBand.map((b) => ({
            key: b.band,
            label: b.band === 'OTHER' ? t('band.OTHER') : b.band,
            values: [b.members, b.activeMembers],
          }))}
          series={[series.members, series.active]}
          format={count}
        />
        <ChartCard
          testId="chart-kinds"
          title={t('chart.kinds')}
          rowHeader={t('col.kind')}
          rows={[...report.byKind]
            .sort((a, b) => b.attendances - a.attendances)
            .map((k) => ({ key: k.kind, label: kindLabel(k.kind), values: [k.events, k.attendances] }))}
          series={[series.events, series.attendances]}
          format={count}
        />
        <ChartCard
          testId="chart-funnel"
          title={t('chart.funnel')}
          rowHeader={t('col.step')}
          rows={[
            {
              key: 'r',
              label: t('funnel.registrations'),
              values: [report.funnel.registrations, report.funnel.registeredMembers],
            },
            {
              key: 'a',
              label: t('funnel.attendances'),
              values: [report.funnel.attendances, report.funnel.attendedMembers],
            },
            {
              key: 'b',
              label: t('funnel.badges'),
              values: [report.funnel.badges, report.funnel.badgedMembers],
            },
          ]}
          series={[
            { key: 'count', label: t('col.count') },
            { key: 'people', label: t('col.people') },
          ]}
          format={count}
        />
        <ChartCard
          testId="chart-retention"
          title={t('chart.retention')}
          rowHeader={t('col.people')}
          rows={[
            { key: 'p', label: t('retention.participants'), values: [report.retention.participants] },
            { key: 'r', label: t('retention.returning'), values: [report.retention.returning] },
          ]}
          series={[{ key: 'people', label: t('col.people') }]}
          format={count}
          footer={<Text size="sm">{t('retention.rate', { rate: percent(report.retention.rate) })}</Text>}
        />
      </div>
      <ClubsTable
        clubs={report.byClub.map((c) => ({
          id: c.club.id,
          name: c.club.name,
          unit: c.club.unit.name,
          href: clubHref(c.club.id),
          members: c.members,
          events: c.events,
          attendances: c.attendances,
          noShows: c.noShows,
          noShowRate: c.noShowRate,
        }))}
        count={count}
        percent={percent}
      />
      <Paper
        withBorder
        p="md"
        component="section"
        aria-labelledby="absent-title"
        data-testid="absent"
        className="dashboard-card"
      >
        <Title order={2} size="h3" id="absent-title" mb="xs">
          {t('absent.title')}
        </Title>
        <Text size="sm" mb="xs">
          {t('absent.intro')}
        </Text>
        {absentUnits.length + absentClubs.length === 0 ? (
          <Text>{t('absent.none')}</Text>
        ) : (
          <ul style={{ margin: 0, paddingInlineStart: '1.2rem' }}>
            {absentUnits.map((u) => (
              <li key={u.unit.id} data-testid="absent-unit">
                <strong>{u.unit.name}</strong> — {t('absent.members', { count: u.members })}
              </li>
            ))}
            {absentClubs.map((c) => (
              <li key={c.club.id} data-testid="absent-club">
                <Link to={clubHref(c.club.id)}>{c.club.name}</Link> ({c.club.unit.name}) —{' '}
                {t('absent.members', { count: c.members })}
              </li>
            ))}
          </ul>
        )}
      </Paper>
      <ExportPanel unitId={unitId} from={report.from} to={report.to} />
    </Stack>
  );
}

/**
 * The commission's dashboard (COMMISSION, ADMIN; a coordinator sees their own clubs' version):
 * scoped exactly as the API scopes Query.engagement.
 */
export default function DashboardPage() {
  const { t } = useFeatureTranslation('dashboard');
  return (
    <Stack gap={0} className="dashboard">
      <PageTitle title={t('title')}>{t('title')}</PageTitle>
      <RequireRole roles={STAFF_ROLES}>{() => <Dashboard />}</RequireRole>
    </Stack>
  );
}
