import type { Lang } from './index';

/** The default zone of the region's events and members: UTC+5 since 2024-03-01 (never hard-code the offset). */
export const DEFAULT_TIME_ZONE = 'Asia/Almaty';

const LOCALE_TAG: Record<Lang, string> = { kk: 'kk-KZ', ru: 'ru-KZ', en: 'en-GB' };

const KK_MONTHS = [
  'қаңтар',
  'ақпан',
  'наурыз',
  'сәуір',
  'мамыр',
  'маусым',
  'шілде',
  'тамыз',
  'қыркүйек',
  'қазан',
  'қараша',
  'желтоқсан',
];

/**
 * "5 ақпан 2027, 10:00" / "5 февраля 2027 г., 10:00" / "5 February 2027 at 10:00", in the given zone
 * (the event's or the member's). Browsers' ICU often lacks Kazakh month names (Chromium prints
 * "2027 M02 5"), so Kazakh is assembled from the numeric parts and our own month names.
 */
export function formatDateTime(iso: string, lang: Lang, timeZone = DEFAULT_TIME_ZONE): string {
  const date = new Date(iso);
  if (lang !== 'kk')
    return new Intl.DateTimeFormat(LOCALE_TAG[lang], {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone,
    }).format(date);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${Number(parts.day)} ${KK_MONTHS[Number(parts.month) - 1]} ${parts.year}, ${parts.hour}:${parts.minute}`;
}

/** The date alone, the local way: "5 ақпан 2027" / "5 февраля 2027 г." / "5 February 2027". */
export function formatDate(iso: string, lang: Lang, timeZone = DEFAULT_TIME_ZONE): string {
  const date = new Date(iso);
  if (lang !== 'kk')
    return new Intl.DateTimeFormat(LOCALE_TAG[lang], { dateStyle: 'long', timeZone }).format(date);
  const [year, month, day] = localDate(date, timeZone).split('-').map(Number);
  return `${day} ${KK_MONTHS[month - 1]} ${year}`;
}

export function formatTime(iso: string, lang: Lang, timeZone = DEFAULT_TIME_ZONE): string {
  return new Intl.DateTimeFormat(LOCALE_TAG[lang], { timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(date: Date, timeZone = DEFAULT_TIME_ZONE): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(date);
}

const kazakh = new Intl.Collator('kk');
/**
 * Sorts by name the way a Kazakh reader expects (Ә after А, Қ after К, Ү after У, І after И ...):
 * ICU's Kazakh collation, whatever the interface language (code-point order is wrong for Kazakh).
 */
export function sortByName<T>(items: readonly T[], name: (item: T) => string): T[] {
  return [...items].sort((a, b) => kazakh.compare(name(a), name(b)));
}
