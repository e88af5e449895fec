import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, SankeyChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { PALETTE } from './palette';
import type { ChartProps } from './chart-props';

echarts.use([BarChart, LineChart, SankeyChart, AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

/**
 * One ECharts canvas. ECharts' aria module writes a description of the data for screen readers; the
 * numbers are also in a table next to each chart, so nothing is only in pixels. Loaded by `Chart` on first use.
 */
export default function EChart({ option, label, height }: Required<ChartProps>) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ color: [...PALETTE], aria: { enabled: true, decal: { show: true } }, textStyle: { fontFamily: 'inherit' }, ...option }, true);
  }, [option]);

  return <div ref={element} className="chart" role="img" aria-label={label} style={{ height }} />;
}
