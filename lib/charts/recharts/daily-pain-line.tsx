'use client';
import { CartesianGrid, ComposedChart, Line, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PatientSeries } from '@/lib/dal/metrics-types';
import { PAIN_CONFIG, PALETTE } from '../config';
import { formatPain, shortDate } from '../format';
import { LABEL, plainTick, tickInterval, TOOLTIP_STYLE, useChartWidth } from './shared';

const dateTick = plainTick(shortDate);
const painTick = plainTick();

type Props = {
  days: PatientSeries['dailyPain'];
  baseline: number | null;
  /** Therapist view: plan revisions as vertical lines. */
  revisions?: PatientSeries['revisions'];
  /** Therapist view: baseline ± 2 points, the band inside which a change is not meaningful. */
  showBand?: boolean;
  calm?: boolean;
  baselineLabel?: string;
  boxWidth?: number;
};

const MCID = 2;

/** Daily check-ins (thin line with dots) and their 7-day mean (thick line), 0–10. */
export default function DailyPainLine({ days, baseline, revisions = [], showBand = false, calm = false, baselineLabel = 'Baseline', boxWidth }: Props) {
  const [width, onResize] = useChartWidth(boxWidth);
  const inRange = new Set(days.map((d) => d.date));
  const marks = revisions.filter((r) => inRange.has(r.date));
  return (
    <ResponsiveContainer width="100%" height="100%" onResize={onResize}>
      <ComposedChart data={days} accessibilityLayer={false} margin={{ top: 16, right: 8, bottom: 0, left: 0 }}>
        {calm ? null : <CartesianGrid vertical={false} stroke={PALETTE.grid} />}
        {showBand && baseline !== null ? (
          <ReferenceArea y1={Math.max(0, baseline - MCID)} y2={Math.min(10, baseline + MCID)} fill={PAIN_CONFIG.band.color} fillOpacity={0.8} stroke="none" ifOverflow="hidden" />
        ) : null}
        <XAxis dataKey="date" tick={dateTick} tickLine={false} axisLine={{ stroke: PALETTE.grid }} interval={tickInterval(days.length, width - 36, 7, 6)} />
        <YAxis domain={[0, 10]} ticks={[0, 2, 4, 6, 8, 10]} width={28} tick={painTick} axisLine={false} tickLine={false} allowDataOverflow />
        {baseline !== null ? (
          <ReferenceLine
            y={baseline}
            stroke={PAIN_CONFIG.baseline.color}
            strokeDasharray={PAIN_CONFIG.baseline.dash}
            label={{ value: `${baselineLabel} ${formatPain(baseline)}`, position: 'insideTopRight', ...LABEL }}
          />
        ) : null}
        {marks.map((r) => (
          <ReferenceLine
            key={`${r.revision}-${r.date}`}
            x={r.date}
            stroke={PAIN_CONFIG.revision.color}
            strokeDasharray={PAIN_CONFIG.revision.dash}
            label={{ value: `Rev ${r.revision}`, position: 'insideTopLeft', fontSize: 11, fill: PAIN_CONFIG.revision.color }}
          />
        ))}
        <Tooltip
          contentStyle={TOOLTIP_STYLE}
          labelFormatter={(d) => (typeof d === 'string' ? shortDate(d) : String(d))}
          formatter={(value, name) => [typeof value === 'number' ? formatPain(value) : String(value), name]}
        />
        <Line
          dataKey="pain"
          name={PAIN_CONFIG.pain.label}
          stroke={PAIN_CONFIG.pain.color}
          strokeWidth={1}
          dot={{ r: 2.5, fill: PAIN_CONFIG.pain.color, strokeWidth: 0 }}
          connectNulls={false}
          isAnimationActive={false}
        />
        <Line dataKey="mean7" name={PAIN_CONFIG.mean7.label} stroke={PAIN_CONFIG.mean7.color} strokeWidth={3} dot={false} connectNulls isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
