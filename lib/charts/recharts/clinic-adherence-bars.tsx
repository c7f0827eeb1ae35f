'use client';
import { Bar, BarChart, CartesianGrid, LabelList, Rectangle, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps } from 'recharts';
import type { ClinicSummary } from '@/lib/dal/metrics-types';
import { CLINIC_CONFIG, PALETTE } from '../config';
import { barLabel, plainTick, TOOLTIP_STYLE } from './shared';

const tick = plainTick();
const topLabel = barLabel('top');

/** Patients per 30-day adherence bucket; "no data" is grey with a dashed outline, never a 0 % bar. */
export default function ClinicAdherenceBars({ distribution }: { distribution: ClinicSummary['adherenceDistribution']; boxWidth?: number }) {
  const data = distribution.map((b) => ({ bucket: b.bucket, patients: b.patients, noData: b.bucket === 'no data' }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} accessibilityLayer={false} margin={{ top: 18, right: 4, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke={PALETTE.grid} />
        <XAxis dataKey="bucket" tick={tick} tickLine={false} axisLine={{ stroke: PALETTE.grid }} interval={0} />
        <YAxis allowDecimals={false} width={28} tick={tick} axisLine={false} tickLine={false} />
        <Tooltip cursor={{ fill: PALETTE.primarySoft }} contentStyle={TOOLTIP_STYLE} formatter={(value) => [String(value), CLINIC_CONFIG.patients.label]} />
        <Bar
          dataKey="patients"
          name={CLINIC_CONFIG.patients.label}
          isAnimationActive={false}
          maxBarSize={56}
          shape={(props: BarShapeProps) => {
            const noData = data[props.index]?.noData ?? false;
            return (
              <Rectangle
                {...props}
                radius={[4, 4, 0, 0]}
                fill={noData ? CLINIC_CONFIG.noData.color : CLINIC_CONFIG.patients.color}
                stroke={noData ? PALETTE.muted : 'none'}
                strokeDasharray={noData ? '4 3' : undefined}
              />
            );
          }}
        >
          <LabelList dataKey="patients" content={topLabel} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
