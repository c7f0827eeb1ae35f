import { useState } from 'react';
import { PALETTE } from '../config';

export const TICK = { fontSize: 12, fill: PALETTE.muted } as const;
export const LABEL = { fontSize: 11, fill: PALETTE.muted } as const;
export const TOOLTIP_STYLE = { borderRadius: 8, borderColor: PALETTE.grid, fontSize: 13 } as const;
/** Short category labels so a 390 px phone keeps them on one line. */
export const truncate = (text: string, max = 18) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
/** "80 %" with a no-break space, so an axis tick or bar label never wraps before the sign. */
export const pct = (v: number) => `${v}\u00a0%`;

// Recharts draws axis ticks and bar labels through its <Text>, which measures every word in a hidden
// DOM node (a forced layout each) and, for automatic tick intervals, measures every candidate tick
// too. On a slow phone that was the largest part of drawing a chart. These renderers draw plain
// <text> with the same font and colour, and the axes get a fixed interval (everyNth) instead.

type TickProps = { x: number | string; y: number | string; textAnchor?: 'start' | 'middle' | 'end' | 'inherit'; verticalAnchor?: string; payload: { value: unknown }; index: number };

const DY: Record<string, string> = { start: '0.71em', middle: '0.355em', end: '0' };

/** An axis tick as one <text>, formatted by `format` (which replaces the axis' tickFormatter). */
export function plainTick(format: (value: string) => string = (v) => v) {
  return function PlainTick({ x, y, textAnchor = 'middle', verticalAnchor = 'end', payload }: TickProps) {
    return (
      <text x={x} y={y} dy={DY[verticalAnchor] ?? '0'} textAnchor={textAnchor} fontSize={TICK.fontSize} fill={TICK.fill}>
        {format(String(payload.value))}
      </text>
    );
  };
}

/**
 * A tick interval (recharts keeps every (interval + 1)-th tick) so that labels of about `chars`
 * characters never touch across `plotWidth` pixels, and at most `max` are shown.
 */
export function tickInterval(count: number, plotWidth: number, chars: number, max = 8): number {
  const fits = Math.floor(plotWidth / (chars * CHAR_PX + TICK_GAP_PX));
  return Math.max(0, Math.ceil(count / Math.max(2, Math.min(max, fits))) - 1);
}
const CHAR_PX = 6.6; // 12 px system sans, a little generous
const TICK_GAP_PX = 14;

/**
 * The chart's width: first the box's width measured once before drawing (lazy.tsx passes it), then
 * whatever ResponsiveContainer reports on resize (the same width does not render again).
 */
export function useChartWidth(boxWidth = 0): [number, (width: number) => void] {
  const [width, setWidth] = useState(boxWidth);
  return [width, setWidth];
}

type BarLabelProps = { viewBox?: unknown; value?: unknown };
type Box = { x: number; y: number; width: number; height: number };
const isBox = (v: unknown): v is Box =>
  typeof v === 'object' && v !== null && ['x', 'y', 'width', 'height'].every((k) => typeof (v as Record<string, unknown>)[k] === 'number');

/** A bar's value label above a column ('top') or after a horizontal bar ('right'), as one <text>. */
export function barLabel(position: 'top' | 'right') {
  return function BarLabel({ viewBox, value }: BarLabelProps) {
    if (!isBox(viewBox) || value === undefined || value === null || value === '') return null;
    const text = String(value);
    return position === 'top' ? (
      <text x={viewBox.x + viewBox.width / 2} y={viewBox.y - 5} textAnchor="middle" fontSize={LABEL.fontSize} fill={LABEL.fill}>
        {text}
      </text>
    ) : (
      <text x={viewBox.x + viewBox.width + 5} y={viewBox.y + viewBox.height / 2} dy="0.355em" textAnchor="start" fontSize={LABEL.fontSize} fill={LABEL.fill}>
        {text}
      </text>
    );
  };
}
