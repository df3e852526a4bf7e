import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useFeatureTranslation } from '../../shared/i18n/namespaces';
import { type MonthRange, type PeriodKind, addMonths, isMonth, monthRange } from './period';

/** This season, the last 12 months, or a range of months (with one-month steps back and forward). */
export function PeriodPicker({
  range,
  now,
  onChange,
}: {
  range: MonthRange;
  now: Date;
  onChange: (range: MonthRange) => void;
}) {
  const { t } = useFeatureTranslation('dashboard');
  const step = (n: number) =>
    onChange({ kind: 'custom', from: addMonths(range.from, n), to: addMonths(range.to, n) });
  const bad = range.to < range.from;
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <NativeSelect
        label={t('period.label')}
        value={range.kind}
        onChange={(e) => {
          const kind = e.currentTarget.value as PeriodKind;
          onChange(kind === 'custom' ? { ...range, kind } : monthRange(kind, now));
        }}
        data={[
          { value: 'season', label: t('period.season') },
          { value: 'year', label: t('period.year') },
          { value: 'custom', label: t('period.custom') },
        ]}
        data-testid="period"
      />
      <TextInput
        type="month"
        label={t('period.from')}
        value={range.from}
        onChange={(e) => {
          const v = e.currentTarget.value;
          if (isMonth(v)) onChange({ ...range, kind: 'custom', from: v });
        }}
        data-testid="period-from"
      />
      <TextInput
        type="month"
        label={t('period.to')}
        value={range.to}
        error={bad ? t('period.badRange') : undefined}
        onChange={(e) => {
          const v = e.currentTarget.value;
          if (isMonth(v)) onChange({ ...range, kind: 'custom', to: v });
        }}
        data-testid="period-to"
      />
      <Group gap="xs">
        <Button
          variant="default"
          onClick={() => step(-1)}
          aria-label={t('period.back')}
          data-testid="step-back"
        >
          ‹
        </Button>
        <Button
          variant="default"
          onClick={() => step(1)}
          aria-label={t('period.forward')}
          data-testid="step-forward"
        >
          ›
        </Button>
      </Group>
    </Group>
  );
}
