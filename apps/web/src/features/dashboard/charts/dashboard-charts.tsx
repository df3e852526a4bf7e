import { useElementSize } from '@mantine/hooks';
import { scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import type { MouseEvent } from 'react';
import { type BarChartProps, SERIES_COLOURS } from './chart-data';

const BAR = 16;
const VALUE_SPACE = 72;

/**
 * A horizontal bar chart: the bars are SVG drawn with visx's scale and shape pieces (the dashboard's
 * charting code, in a chunk of its own that only this page loads; docs/architecture.md says why not
 * recharts), every label and value is HTML text beside its bar (it reflows, zooms, and is read in
 * order), the series differ by a pattern as well as a colour, and a row with a link is one real
 * link around its label, bars and values: click it or reach it with Tab.
 */
export default function BarChart({ rows, series, titleId, descId, format, onOpen }: BarChartProps) {
  const { ref, width: measured } = useElementSize();
  const width = Math.max(120, Math.floor(measured || 480) - VALUE_SPACE);
  const max = Math.max(1, ...rows.flatMap((r) => r.values));
  const x = scaleLinear<number>({ domain: [0, max], range: [0, width] });
  const open = (href: string) => (e: MouseEvent) => {
    if (!onOpen || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    onOpen(href);
  };
  return (
    <figure
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={descId}
      className="dashboard-chart"
      data-testid="chart-svg"
    >
      <ul>
        {rows.map((row) => {
          const body = (
            <>
              <span className="dashboard-chart-label">{row.label}</span>
              {row.values.map((v, i) => {
                const w = Math.max(v > 0 ? 2 : 0, x(v));
                return (
                  <span className="dashboard-chart-bar" key={series[i].key}>
                    <svg width={Math.max(w, 1)} height={BAR} aria-hidden="true" focusable="false">
                      <defs>
                        <pattern
                          id={`${titleId}-${row.key}-p${i}`}
                          width="6"
                          height="6"
                          patternUnits="userSpaceOnUse"
                        >
                          <rect width="6" height="6" fill={SERIES_COLOURS[i % SERIES_COLOURS.length]} />
                          {i > 0 && <path d="M0,6 L6,0" stroke="#fff" strokeWidth={i === 1 ? 1.5 : 3} />}
                        </pattern>
                      </defs>
                      <Bar x={0} y={0} width={w} height={BAR} fill={`url(#${titleId}-${row.key}-p${i})`} />
                    </svg>
                    <span className="dashboard-chart-value">
                      <span className="dashboard-sr">{series[i].label}: </span>
                      {format(v)}
                    </span>
                  </span>
                );
              })}
            </>
          );
          return (
            <li key={row.key}>
              {row.href ? (
                <a
                  href={row.href}
                  onClick={open(row.href)}
                  className="dashboard-chart-link"
                  data-testid="chart-link"
                >
                  {body}
                </a>
              ) : (
                body
              )}
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
