import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { ChartProps } from './chart-props';

export type { ChartOption, ChartProps } from './chart-props';

// ECharts is most of the bundle's weight: only pages that draw a chart fetch it, after their data.
const EChart = lazy(() => import('./echart'));

/**
 * A chart drawn once it comes near the screen (a phone shows one at a time; drawing all of them at once blocks
 * the page), its space reserved at its final height until then, so nothing below it moves. Printing draws all.
 */
export function Chart({ option, label, height = 320 }: ChartProps) {
  const placeholder = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = placeholder.current;
    if (near || !element) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: '0px' });
    observer.observe(element);
    const beforePrint = () => setNear(true);
    window.addEventListener('beforeprint', beforePrint);
    return () => {
      observer.disconnect();
      window.removeEventListener('beforeprint', beforePrint);
    };
  }, [near]);
  const reserved = <div ref={placeholder} className="chart chart-loading" role="img" aria-label={label} aria-busy="true" style={{ height }} />;
  if (!near) return reserved;
  return (
    <Suspense fallback={reserved}>
      <EChart option={option} label={label} height={height} />
    </Suspense>
  );
}
