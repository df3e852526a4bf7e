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
  /** follows a row's link inside the app (the chart's links are plain <a> in SVG) */
  onOpen?: (href: string) => void;
}
