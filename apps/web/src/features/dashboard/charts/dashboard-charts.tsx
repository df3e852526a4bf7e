import { useElementSize } from '@mantine/hooks';
import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import type { MouseEvent } from 'react';
import type { BarChartProps } from './chart-data';

/**
 * A horizontal bar chart drawn as SVG with visx's scale and shape pieces (the charting code of the
 * dashboard, in a chunk of its own that only this page loads; docs/architecture.md says why not
 * recharts). The SVG's text is real text (labels and values beside every bar), the series differ by
 * a pattern as well as a colour, and a row with a link is an SVG <a> a keyboard reaches.
 */
const COLOURS = ['#1864ab', '#c2410c', '#2b8a3e'];
const LABEL = 16;
const BAR = 16;
const GAP = 3;
const ROW_GAP = 12;
const VALUE_SPACE = 64;

export default function BarChart({ rows, series, titleId, descId, format, onOpen }: BarChartProps) {
  const { ref, width: measured } = useElementSize();
  const width = Math.max(240, Math.floor(measured || 600));
  const rowHeight = LABEL + series.length * (BAR + GAP) + ROW_GAP;
  const height = rows.length * rowHeight + 8;
  const max = Math.max(1, ...rows.flatMap((r) => r.values));
  const x = scaleLinear<number>({ domain: [0, max], range: [0, width - VALUE_SPACE], nice: false });
  const links = rows.some((r) => r.href);
  const open = (href: string) => (e: MouseEvent) => {
    if (!onOpen || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    onOpen(href);
  };
  return (
    <div ref={ref} style={{ width: '100%' }}>
      <svg
        width={width}
        height={height}
        // with links inside it is a group of links; without, one image described by its text alternative
        role={links ? 'group' : 'img'}
        aria-labelledby={titleId}
        aria-describedby={descId}
        style={{ display: 'block', overflow: 'visible' }}
        data-testid="chart-svg"
      >
        <defs>
          {series.map((s, i) => (
            <pattern key={s.key} id={`${titleId}-p${i}`} width="6" height="6" patternUnits="userSpaceOnUse">
              <rect width="6" height="6" fill={COLOURS[i % COLOURS.length]} />
              {i > 0 && <path d="M0,6 L6,0" stroke="#fff" strokeWidth={i === 1 ? 1.5 : 3} />}
            </pattern>
          ))}
        </defs>
        {rows.map((row, r) => {
          const content = (
            <Group top={r * rowHeight}>
              <text
                x={0}
                y={LABEL - 4}
                fontSize={13}
                fill="#212529"
                textDecoration={row.href ? 'underline' : undefined}
              >
                {row.label}
              </text>
              {row.values.map((v, i) => {
                const y = LABEL + i * (BAR + GAP);
                const w = Math.max(v > 0 ? 2 : 0, x(v));
                return (
                  <g key={series[i].key}>
                    <Bar x={0} y={y} width={w} height={BAR} fill={`url(#${titleId}-p${i})`} />
                    <text x={w + 6} y={y + BAR - 4} fontSize={12} fill="#212529">
                      {format(v)}
                    </text>
                  </g>
                );
              })}
            </Group>
          );
          return row.href ? (
            <a
              key={row.key}
              href={row.href}
              onClick={open(row.href)}
              aria-label={`${row.label}: ${row.values.map((v, i) => `${series[i].label} ${format(v)}`).join(', ')}`}
              data-testid="chart-link"
              className="dashboard-chart-link"
            >
              {content}
            </a>
          ) : (
            <g key={row.key}>{content}</g>
          );
        })}
      </svg>
    </div>
  );
}
