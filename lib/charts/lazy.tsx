'use client';
// recharts (≈ 115 kB gzip, and drawing with it is the heaviest main-thread work on any page) loads
// only here, on chart pages, after the text equivalents have rendered on the server. Nothing on
// /login, Today or the reader imports this file (scripts/size-check.mjs fails the build if one does).
//
// A chart's code loads when its box comes near the screen, like a lazy image: a chart below the
// fold (the clinic chart under the caseload roster) costs nothing until it is scrolled to. Charts
// are drawn one at a time, each in an idle period and as a transition, so the page keeps answering
// input while they draw. Until then the box holds the same skeleton as before, so nothing moves.
import { startTransition, useEffect, useRef, useState, type ComponentProps, type ComponentType } from 'react';
import type ClinicAdherenceBarsChart from './recharts/clinic-adherence-bars';
import type DailyPainLineChart from './recharts/daily-pain-line';
import type PainAroundSessionsLineChart from './recharts/pain-around-sessions-line';
import type PerItemBarsChart from './recharts/per-item-bars';
import type WeeklyAdherenceBarsChart from './recharts/weekly-adherence-bars';

/** Only charts actually on screen: each one drawn is real main-thread work (≈ 100 ms on a slow phone). */
const ROOT_MARGIN = '0px';

const idle = () =>
  new Promise<void>((resolve) => {
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(() => resolve(), { timeout: 1000 });
    else window.setTimeout(resolve, 1);
  });

/** One chart at a time: the next starts only after the previous one has been handed to React and the page was idle again. */
let queue: Promise<void> = Promise.resolve();
function enqueue(task: () => Promise<void>): void {
  queue = queue.then(task).then(idle, () => undefined);
}

function deferred<P extends { boxWidth?: number }>(load: () => Promise<{ default: ComponentType<P> }>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  function DeferredChart(props: P) {
    const box = useRef<HTMLDivElement>(null);
    const [Chart, setChart] = useState<ComponentType<P> | null>(() => loaded);
    // The box's width, read once before drawing, so the chart can space its labels on its first render.
    const [boxWidth, setBoxWidth] = useState<number | undefined>(undefined);

    useEffect(() => {
      const element = box.current;
      if (Chart || !element) return;
      let active = true;
      const draw = () =>
        enqueue(async () => {
          const chart = (await load()).default;
          loaded = chart;
          await idle();
          if (!active) return;
          const width = element.clientWidth;
          startTransition(() => {
            setBoxWidth(width);
            setChart(() => chart);
          });
        });
      if (typeof IntersectionObserver === 'undefined') {
        draw();
        return () => {
          active = false;
        };
      }
      const observer = new IntersectionObserver(
        (entries) => {
          if (!entries.some((entry) => entry.isIntersecting)) return;
          observer.disconnect();
          draw();
        },
        { rootMargin: ROOT_MARGIN },
      );
      observer.observe(element);
      return () => {
        active = false;
        observer.disconnect();
      };
    }, [Chart]);

    // The same box as ChartSkeleton (chart-card.tsx), with a ref for the observer.
    return Chart ? <Chart {...props} boxWidth={props.boxWidth ?? boxWidth} /> : <div ref={box} className="chart-skeleton" />;
  }
  return DeferredChart;
}

export const WeeklyAdherenceBars = deferred<ComponentProps<typeof WeeklyAdherenceBarsChart>>(() => import('./recharts/weekly-adherence-bars'));
export const PerItemBars = deferred<ComponentProps<typeof PerItemBarsChart>>(() => import('./recharts/per-item-bars'));
export const DailyPainLine = deferred<ComponentProps<typeof DailyPainLineChart>>(() => import('./recharts/daily-pain-line'));
export const PainAroundSessionsLine = deferred<ComponentProps<typeof PainAroundSessionsLineChart>>(() => import('./recharts/pain-around-sessions-line'));
export const ClinicAdherenceBars = deferred<ComponentProps<typeof ClinicAdherenceBarsChart>>(() => import('./recharts/clinic-adherence-bars'));
