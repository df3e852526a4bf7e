/** One bar group of a chart: a label and one value per series; `href` makes it a link (drill-down). */
export interface ChartRow {
  key: string;
  label: string;
  values: number[];
  href?: string;
}

/** A series of a chart (e.g. attendances, participants): the legend names it; the bars differ in fill and pattern. */
export interface ChartSeries {
  key: string;
  label: string;
}

export interface BarChartProps {
  rows: ChartRow[];
  series: ChartSeries[];
  /** id of the chart's heading and of its text alternative (aria-labelledby, aria-describedby) */
  titleId: string;
  descId: string;
  format: (n: number) => string;
  /** follows a row's link inside the app */
  onOpen?: (href: string) => void;
}

/** The fills of the series: dark enough for 3:1 against white (WCAG 1.4.11), told apart by pattern too. */
export const SERIES_COLOURS = ['#1864ab', '#c2410c', '#2b8a3e'];
