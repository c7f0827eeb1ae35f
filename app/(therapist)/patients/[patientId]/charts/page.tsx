import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { requireViewer } from '@/lib/auth/viewer';
import { RANGE_LABELS } from '@/lib/charts/format';
import { PatientCharts } from '@/lib/charts/patient-charts';
import { rangeFromSearchParam, SERIES_RANGES } from '@/lib/charts/range';
import type { PatientSeries, SeriesRange } from '@/lib/dal/metrics-types';
import { getPatientSeries } from '@/lib/dal/metrics';
import { getPatientDetail } from '@/lib/dal/patients';
import { formatLocalDate } from '@/lib/dates';
import { getQueryClient } from '@/lib/query/client';
import { patientSeriesQuery } from '@/lib/query/options';
import { Skeleton, SkeletonBar, SkeletonCard } from '@/lib/ui/skeleton';

export const metadata: Metadata = { title: 'Patient charts' };

/**
 * The access check (a scoped read: "not yours" → 404) completes before anything is sent, so a denial
 * is a real 404. Then the heading and range switch go out at once and the charts, whose statements
 * are the slow part, stream in behind a skeleton of the same shape.
 */
export default async function PatientChartsPage({ params, searchParams }: { params: Promise<{ patientId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer({ roles: ['therapist', 'admin'] });
  const { patientId } = await params;
  const range = rangeFromSearchParam((await searchParams).range);
  const detail = await getPatientDetail(viewer, patientId);
  if (!detail) notFound();
  // One read (and one audit row) for the two parts that stream: the dates under the heading and the charts.
  const series = getPatientSeries(viewer, patientId, range);
  return (
    <div className="stack">
      <p className="small">
        <Link href={`/patients/${patientId}`}>← {detail.patient.name}</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>{detail.patient.name}: charts</h1>
          <Suspense fallback={<p className="muted small">Weeks count whole days up to yesterday.</p>}>
            <RangeDates series={series} />
          </Suspense>
        </div>
        <nav className="range-switch" aria-label="Time range">
          {SERIES_RANGES.map((r) => (
            <Link key={r} href={`/patients/${patientId}/charts?range=${r}`} aria-current={r === range ? 'page' : undefined} scroll={false}>
              {RANGE_LABELS[r]}
            </Link>
          ))}
        </nav>
      </div>
      <Suspense key={range} fallback={<ChartsSkeleton />}>
        <Charts series={series} patientId={patientId} range={range} />
      </Suspense>
    </div>
  );
}

type SeriesRead = Promise<PatientSeries | null>;

async function RangeDates({ series: read }: { series: SeriesRead }) {
  const series = await read;
  if (!series) return null;
  const long = { day: 'numeric', month: 'short', year: 'numeric' } as const;
  return (
    <p className="muted small">
      {formatLocalDate(series.from, long)} to {formatLocalDate(series.today, long)} (their today). Weeks count whole days up to yesterday.
    </p>
  );
}

async function Charts({ series: read, patientId, range }: { series: SeriesRead; patientId: string; range: SeriesRange }) {
  const series = await read;
  // The access check above passed; a patient moved out of scope since then gets no data, not a crash.
  if (!series) return <p className="notice">These charts are no longer available to you.</p>;
  const queryClient = getQueryClient();
  queryClient.setQueryData(patientSeriesQuery(patientId, range).queryKey, series);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <PatientCharts patientId={patientId} range={range} />
    </HydrationBoundary>
  );
}

function ChartsSkeleton() {
  return (
    <Skeleton label="the charts">
      <SkeletonBar height={3} />
      <div className="chart-grid">
        <SkeletonCard height={14} />
        <SkeletonCard height={14} />
      </div>
      <SkeletonCard height={14} />
    </Skeleton>
  );
}
