'use client';
import { Bar, BarChart, CartesianGrid, LabelList, Rectangle, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps } from 'recharts';
import type { PatientSeries } from '@/lib/dal/metrics-types';
import { ADHERENCE_CONFIG, PALETTE } from '../config';
import { shortDate } from '../format';
import { barLabel, pct as percentLabel, plainTick, tickInterval, TOOLTIP_STYLE, useChartWidth } from './shared';

const percentTick = plainTick((v) => percentLabel(Number(v)));
const weekTick = plainTick();
const topLabel = barLabel('top');

type Props = { weeks: PatientSeries['weeklyAdherence']; calm?: boolean; boxWidth?: number };

/** Weekly adherence (0–100 %); the partial current week is lighter with a dashed outline. */
export default function WeeklyAdherenceBars({ weeks, calm = false, boxWidth }: Props) {
  const [width, onResize] = useChartWidth(boxWidth);
  const data = weeks.map((w) => {
    const pct = w.value === null ? null : Math.round(w.value * 100);
    return { week: `${shortDate(w.weekStart)}${w.isPartial ? '*' : ''}`, pct, text: pct === null ? '' : percentLabel(pct), partial: w.isPartial, done: w.done, expected: w.expected };
  });
  const showLabels = data.length <= 8;
  return (
    <ResponsiveContainer width="100%" height="100%" onResize={onResize}>
      <BarChart data={data} accessibilityLayer={false} margin={{ top: showLabels ? 18 : 8, right: 16, bottom: 0, left: 0 }}>
        {calm ? null : <CartesianGrid vertical={false} stroke={PALETTE.grid} />}
        <XAxis dataKey="week" tick={weekTick} tickLine={false} axisLine={{ stroke: PALETTE.grid }} interval={tickInterval(data.length, width - 64, Math.max(0, ...data.map((d) => d.week.length)))} />
        <YAxis domain={[0, 100]} ticks={[0, 50, 100]} width={48} tick={percentTick} axisLine={false} tickLine={false} />
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
          {showLabels ? <LabelList dataKey="text" content={topLabel} /> : null}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
