import type { EChartsCoreOption } from 'echarts/core';

export type ChartOption = EChartsCoreOption;

export interface ChartProps {
  readonly option: ChartOption;
  readonly label: string;
  readonly height?: number;
}
