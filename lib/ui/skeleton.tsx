import type { ReactNode } from 'react';

// Placeholders shown while a page's data streams in (React Suspense). The page's heading, navigation
// and any access check come first, so the 404 for someone else's patient is decided before anything
// streams; only the slow part (the metrics statements) waits behind a skeleton of the same shape.

/** Announced once to screen readers ("Loading …"); the grey blocks themselves are hidden from them. */
export function Skeleton({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="skeleton" role="status" data-testid="skeleton">
      <span className="visually-hidden">Loading {label}…</span>
      <div aria-hidden="true">{children}</div>
    </div>
  );
}

/** A grey bar; `width` as a CSS length, `height` in rem. */
export function SkeletonBar({ width = '100%', height = 1 }: { width?: string; height?: number }) {
  return <div className="skeleton-bar" style={{ width, height: `${height}rem` }} />;
}

/** A card with a title bar, a line of text and a block the size of a chart or table. */
export function SkeletonCard({ height = 12 }: { height?: number }) {
  return (
    <div className="card">
      <SkeletonBar width="40%" height={1.2} />
      <SkeletonBar width="85%" />
      <SkeletonBar height={height} />
    </div>
  );
}
