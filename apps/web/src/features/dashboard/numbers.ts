import type { Lang } from '../../shared/i18n';

const TAG: Record<Lang, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

/** Counts and rates the local way (the API's rates are fractions with 4 decimals). */
export function numberFormats(lang: Lang) {
  const count = new Intl.NumberFormat(TAG[lang], { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(TAG[lang], { style: 'percent', maximumFractionDigits: 1 });
  return { count: (n: number) => count.format(n), percent: (n: number) => percent.format(n) };
}
