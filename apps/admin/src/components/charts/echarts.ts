/**
 * The parts of Apache ECharts the console draws with, registered once (docs/adr/0006). Only
 * the chart components import this file, and only the dashboard imports them, so ECharts is
 * loaded with the dashboard's route chunk.
 */
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
} from 'echarts/components';
import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([
  CanvasRenderer,
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  AriaComponent,
]);

export { default as VChart } from 'vue-echarts';

/** Colours of the chat channels and the answer outcomes, the same on every chart. */
export const CHANNEL_COLOURS = {
  zalo: '#0068ff',
  telegram: '#2aa1da',
  web: '#0b4f8a',
  api: '#7a5af8',
} as const;

export const OUTCOME_COLOURS = {
  answered: '#079455',
  ambiguous: '#dc6803',
  no_answer: '#d92d20',
} as const;

/** The system font stack, so charts read like the rest of the page. */
export const CHART_FONT =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** Charts grow into place unless the system asks for less motion. */
export const animate = (): boolean =>
  typeof window === 'undefined' || !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
