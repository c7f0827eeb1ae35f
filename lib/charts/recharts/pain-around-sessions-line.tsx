'use client';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PatientSeries } from '@/lib/dal/metrics-types';
import { PALETTE, SESSION_PAIN_CONFIG } from '../config';
import { formatPain, shortDate } from '../format';
import { plainTick, tickInterval, TOOLTIP_STYLE, useChartWidth } from './shared';

const dateTick = plainTick(shortDate);
const painTick = plainTick();

type DotProps = { cx?: number; cy?: number; value?: unknown; index?: number };

/** "After" dots are squares (and the line dashed), so before and after differ without colour. */
function SquareDot({ cx, cy, value, index }: DotProps) {
  if (cx === undefined || cy === undefined || value === null || value === undefined) return <g key={`s-${index}`} />;
  return <rect key={`s-${index}`} x={cx - 3.5} y={cy - 3.5} width={7} height={7} fill={SESSION_PAIN_CONFIG.after.color} />;
}

/** Mean pain before and after sessions, per day with sessions. */
export default function PainAroundSessionsLine({ points, boxWidth }: { points: PatientSeries['painAroundSessions']; boxWidth?: number }) {
  const [width, onResize] = useChartWidth(boxWidth);
  return (
    <ResponsiveContainer width="100%" height="100%" onResize={onResize}>
      <LineChart data={points} accessibilityLayer={false} margin={{ top: 12, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke={PALETTE.grid} />
        <XAxis dataKey="date" tick={dateTick} tickLine={false} axisLine={{ stroke: PALETTE.grid }} interval={tickInterval(points.length, width - 36, 7, 6)} />
        <YAxis domain={[0, 10]} ticks={[0, 2, 4, 6, 8, 10]} width={28} tick={painTick} axisLine={false} tickLine={false} />
        <Tooltip
          contentStyle={TOOLTIP_STYLE}
          labelFormatter={(d) => (typeof d === 'string' ? shortDate(d) : String(d))}
          formatter={(value, name) => [typeof value === 'number' ? formatPain(value) : String(value), name]}
        />
        <Line
          dataKey="before"
          name={SESSION_PAIN_CONFIG.before.label}
          stroke={SESSION_PAIN_CONFIG.before.color}
          strokeWidth={2}
          dot={{ r: 3.5, fill: SESSION_PAIN_CONFIG.before.color, strokeWidth: 0 }}
          connectNulls
          isAnimationActive={false}
        />
        <Line
          dataKey="after"
          name={SESSION_PAIN_CONFIG.after.label}
          stroke={SESSION_PAIN_CONFIG.after.color}
          strokeWidth={2}
          strokeDasharray={SESSION_PAIN_CONFIG.after.dash}
          dot={SquareDot}
          connectNulls
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
