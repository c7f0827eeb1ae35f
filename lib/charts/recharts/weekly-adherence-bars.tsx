'use client';
import { Bar, BarChart, CartesianGrid, LabelList, Rectangle, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps } from 'recharts';
import type { PatientSeries } from '@/lib/dal/metrics-types';
import { ADHERENCE_CONFIG, PALETTE } from '../config';
import { shortDate } from '../format';
import { LABEL, pct as percentLabel, TICK, TOOLTIP_STYLE } from './shared';

type Props = { weeks: PatientSeries['weeklyAdherence']; calm?: boolean };

/** Weekly adherence (0–100 %); the partial current week is lighter with a dashed outline. */
export default function WeeklyAdherenceBars({ weeks, calm = false }: Props) {
  const data = weeks.map((w) => {
    const pct = w.value === null ? null : Math.round(w.value * 100);
    return { week: `${shortDate(w.weekStart)}${w.isPartial ? '*' : ''}`, pct, text: pct === null ? '' : percentLabel(pct), partial: w.isPartial, done: w.done, expected: w.expected };
  });
  const showLabels = data.length <= 8;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} accessibilityLayer={false} margin={{ top: showLabels ? 18 : 8, right: 4, bottom: 0, left: 0 }}>
        {calm ? null : <CartesianGrid vertical={false} stroke={PALETTE.grid} />}
        <XAxis dataKey="week" tick={TICK} tickLine={false} axisLine={{ stroke: PALETTE.grid }} minTickGap={6} />
        <YAxis domain={[0, 100]} ticks={[0, 50, 100]} tickFormatter={percentLabel} width={48} tick={TICK} axisLine={false} tickLine={false} />
        <Tooltip
          cursor={{ fill: PALETTE.primarySoft }}
          contentStyle={TOOLTIP_STYLE}
          formatter={(value, _name, item) => {
            const p = item.payload as (typeof data)[number];
            return [`${percentLabel(Number(value))} (${p.done} of ${p.expected})${p.partial ? ', so far' : ''}`, ADHERENCE_CONFIG.value.label];
          }}
        />
        <Bar
          dataKey="pct"
          name={ADHERENCE_CONFIG.value.label}
          isAnimationActive={false}
          maxBarSize={44}
          shape={(props: BarShapeProps) => {
            const partial = data[props.index]?.partial ?? false;
            return (
              <Rectangle
                {...props}
                radius={[4, 4, 0, 0]}
                fill={partial ? ADHERENCE_CONFIG.partial.color : ADHERENCE_CONFIG.value.color}
                stroke={partial ? ADHERENCE_CONFIG.value.color : 'none'}
                strokeDasharray={partial ? '4 3' : undefined}
              />
            );
          }}
        >
          {showLabels ? <LabelList dataKey="text" position="top" style={LABEL} /> : null}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
