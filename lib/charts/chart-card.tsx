import { useId, type ReactNode } from 'react';
import { NO_DATA } from './format';
import { ChartLegend, type LegendItem } from './legend';

type ChartCardProps = {
  testId: string;
  title: string;
  /** The text equivalent's first half: one sentence with the numbers that matter. */
  summary: string;
  /** The text equivalent's second half: a <table> with every number the chart draws. */
  table: ReactNode;
  isEmpty: boolean;
  emptyHint?: string;
  /** 'card' stands alone; 'inline' sits inside another card (patient progress). */
  variant?: 'card' | 'inline';
  /** 'auto' for charts whose height grows with their rows (per exercise). */
  size?: 'normal' | 'auto';
  legend?: LegendItem[];
  /** Shown under the chart, e.g. the list of plan revisions marked on the axis. */
  footer?: ReactNode;
  children: ReactNode;
};

/**
 * Frame for every chart: heading, summary sentence, the chart (hidden from assistive tech, which
 * gets the table instead), an explicit "No data yet" state, and "Show as a table".
 */
export function ChartCard({ testId, title, summary, table, isEmpty, emptyHint, variant = 'card', size = 'normal', legend, footer, children }: ChartCardProps) {
  const id = useId();
  const Heading = variant === 'card' ? 'h2' : 'h3';
  return (
    <section className={variant === 'card' ? 'card chart-card' : 'chart-card chart-inline'} aria-labelledby={`${id}-h`} data-testid={testId}>
      <Heading id={`${id}-h`} className="chart-title">
        {title}
      </Heading>
      <p className="chart-summary" data-testid="chart-summary">
        {summary}
      </p>
      {isEmpty ? (
        <div className="chart-empty" data-testid="chart-empty">
          <strong>{NO_DATA}</strong>
          {emptyHint ? <span className="muted small">{emptyHint}</span> : null}
        </div>
      ) : (
        <>
          <div className={size === 'auto' ? 'chart-box chart-box-auto' : 'chart-box'} aria-hidden="true">
            {children}
          </div>
          {legend && legend.length > 1 ? <ChartLegend items={legend} /> : null}
          {footer}
          <details className="chart-table">
            <summary>Show as a table</summary>
            {/* Focusable, so a table wider or taller than its box can be scrolled with the keyboard. */}
            <div className="table-wrap" role="region" aria-label={`${title}: table`} tabIndex={0}>
              {table}
            </div>
          </details>
        </>
      )}
    </section>
  );
}

/** Shown while the chart code loads (and before JS): same box, so nothing jumps. */
export function ChartSkeleton() {
  return <div className="chart-skeleton" />;
}

/** "–" that a screen reader reads as "no data". */
export function NoValue() {
  return (
    <span className="muted">
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">no data</span>
    </span>
  );
}
