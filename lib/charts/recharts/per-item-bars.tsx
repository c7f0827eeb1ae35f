'use client';
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PatientSeries } from '@/lib/dal/metrics-types';
import { ADHERENCE_CONFIG, PALETTE } from '../config';
import { barLabel, pct as percentLabel, plainTick, TOOLTIP_STYLE, truncate, useChartWidth } from './shared';

const percentTick = plainTick((v) => percentLabel(Number(v)));
const nameTick = plainTick();
const rightLabel = barLabel('right');

const ROW = 34;

/** Per-exercise adherence as horizontal bars; an exercise with nothing scheduled says "no data". */
export default function PerItemBars({ items, boxWidth }: { items: PatientSeries['perItem']; boxWidth?: number }) {
  // Names get more room when the card is wide; a phone keeps ~110 px for them.
  const [width, onResize] = useChartWidth(boxWidth);
  const isWide = width >= 420;
  const data = items.map((i) => {
    const pct = i.value === null ? null : Math.round(i.value * 100);
    return { name: truncate(i.exerciseName, isWide ? 24 : 15), pct, text: pct === null ? 'no data' : percentLabel(pct), done: i.done, expected: i.expected };
  });
  return (
    <ResponsiveContainer width="100%" height={data.length * ROW + 28} onResize={onResize}>
      <BarChart data={data} layout="vertical" accessibilityLayer={false} margin={{ top: 0, right: 48, bottom: 0, left: 0 }}>
        <CartesianGrid horizontal={false} stroke={PALETTE.grid} />
        <XAxis type="number" domain={[0, 100]} ticks={[0, 50, 100]} tick={percentTick} tickLine={false} axisLine={{ stroke: PALETTE.grid }} />
        <YAxis type="category" dataKey="name" width={isWide ? 180 : 112} tick={nameTick} tickLine={false} axisLine={false} interval={0} />
        <Tooltip
          cursor={{ fill: PALETTE.primarySoft }}
          contentStyle={TOOLTIP_STYLE}
          formatter={(value, _name, item) => {
            const p = item.payload as (typeof data)[number];
            return [`${percentLabel(Number(value))} (${p.done} of ${p.expected})`, ADHERENCE_CONFIG.value.label];
          }}
        />
        <Bar dataKey="pct" name={ADHERENCE_CONFIG.value.label} fill={ADHERENCE_CONFIG.value.color} isAnimationActive={false} barSize={18} radius={[0, 4, 4, 0]}>
          <LabelList dataKey="text" content={rightLabel} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
