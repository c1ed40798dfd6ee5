import type { Child } from 'hono/jsx';

/** One bar of the chart: a label and a number. */
export interface ChartBar {
  label: string;
  value: number;
}

const WIDTH = 640;
const LABEL_WIDTH = 230;
const BAR_HEIGHT = 22;
const GAP = 8;

/**
 * A horizontal bar chart drawn on the server as SVG: no script, and only presentation attributes
 * (the CSP forbids inline styles). role="img" with a title and description for screen readers; the
 * page shows the same numbers in a table beside it.
 */
export function BarChart(props: { id: string; title: string; description: string; bars: ChartBar[] }): Child {
  const max = Math.max(1, ...props.bars.map((bar) => bar.value));
  const height = Math.max(1, props.bars.length) * (BAR_HEIGHT + GAP) + GAP;
  const scale = (WIDTH - LABEL_WIDTH - 60) / max;
  return (
    <svg
      class="breadth-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      role="img"
      aria-labelledby={`${props.id}-title ${props.id}-desc`}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>{props.description}</desc>
      {props.bars.map((bar, index) => {
        const y = GAP + index * (BAR_HEIGHT + GAP);
        const barWidth = Math.max(2, Math.round(bar.value * scale));
        return (
          <g>
            <text
              x={LABEL_WIDTH - 8}
              y={y + BAR_HEIGHT * 0.72}
              text-anchor="end"
              font-size="14"
              fill="currentColor"
            >
              {bar.label}
            </text>
            <rect x={LABEL_WIDTH} y={y} width={barWidth} height={BAR_HEIGHT} rx="3" fill="#1d6f8a" />
            <text x={LABEL_WIDTH + barWidth + 6} y={y + BAR_HEIGHT * 0.72} font-size="14" fill="currentColor">
              {String(bar.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** The words the chart's description reads out: "Catholic 12, Jewish 5, …". */
export function describeBars(bars: ChartBar[]): string {
  return bars.map((bar) => `${bar.label} ${bar.value}`).join(', ');
}
