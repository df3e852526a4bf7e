import type { Lang } from './index';

/** The default zone of the region's events and members: UTC+5 since 2024-03-01 (never hard-code the offset). */
export const DEFAULT_TIME_ZONE = 'Asia/Almaty';

const LOCALE_TAG: Record<Lang, string> = { kk: 'kk-KZ', ru: 'ru-KZ', en: 'en-GB' };

/** "5 ақпан 2027, 10:00" the local way, in the given zone (the event's or the member's). */
export function formatDateTime(iso: string, lang: Lang, timeZone = DEFAULT_TIME_ZONE): string {
  return new Intl.DateTimeFormat(LOCALE_TAG[lang], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
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
