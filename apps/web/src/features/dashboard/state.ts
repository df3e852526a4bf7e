import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { localDate } from '../../shared/i18n/format';
import { type MonthRange, type PeriodKind, isMonth, monthRange } from './period';

/**
 * The dashboard's view, all of it in the address so a view can be shared: `period` (season, year,
 * custom with `from` and `to` months), `unit` (the unit's code), `path` (the codes drilled through
 * from the top, comma-separated: the breadcrumbs) and `club` (a club of the unit).
 */
export interface DashboardState {
  range: MonthRange;
  unit: string | null;
  path: string[];
  club: string | null;
}

const KINDS: PeriodKind[] = ['season', 'year', 'custom'];

export function useDashboardState(now: Date) {
  const [params, setParams] = useSearchParams();
  // `now` is new every render; the month it falls in is what the presets depend on
  const month = localDate(now).slice(0, 7);
  const state = useMemo<DashboardState>(() => {
    const kind = KINDS.find((k) => k === params.get('period')) ?? 'season';
    const range = monthRange(kind, new Date(`${month}-15T00:00:00+05:00`), {
      from: params.get('from'),
      to: params.get('to'),
    });
    const unit = params.get('unit') || null;
    const path = unit ? (params.get('path') ?? '').split(',').filter(Boolean) : [];
    return { range, unit, path, club: params.get('club') || null };
  }, [params, month]);

  /** The address of a view: the same period, another place (unit, path, club). */
  const hrefFor = (place: { unit: string | null; path?: string[]; club?: string | null }) => {
    const next = new URLSearchParams();
    next.set('period', state.range.kind);
    if (state.range.kind === 'custom') {
      next.set('from', state.range.from);
      next.set('to', state.range.to);
    }
    if (place.unit) {
      next.set('unit', place.unit);
      if (place.path?.length) next.set('path', place.path.join(','));
    }
    if (place.club) next.set('club', place.club);
    return `/dashboard?${next.toString()}`;
  };

  /** Another period, the same place. */
  const setRange = (range: MonthRange) => {
    const next = new URLSearchParams(params);
    next.set('period', range.kind);
    if (range.kind === 'custom') {
      next.set('from', range.from);
      next.set('to', range.to);
    } else {
      next.delete('from');
      next.delete('to');
    }
    setParams(next);
  };

  return { state, hrefFor, setRange, isMonth };
}
