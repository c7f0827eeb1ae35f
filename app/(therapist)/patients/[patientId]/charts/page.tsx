import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireViewer } from '@/lib/auth/viewer';
import { RANGE_LABELS } from '@/lib/charts/format';
import { PatientCharts } from '@/lib/charts/patient-charts';
import { rangeFromSearchParam, SERIES_RANGES } from '@/lib/charts/range';
import { getPatientSeries } from '@/lib/dal/metrics';
import { getPatientDetail } from '@/lib/dal/patients';
import { formatLocalDate } from '@/lib/dates';
import { getQueryClient } from '@/lib/query/client';
import { patientSeriesQuery } from '@/lib/query/options';

export const metadata: Metadata = { title: 'Patient charts' };

export default async function PatientChartsPage({ params, searchParams }: { params: Promise<{ patientId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer({ roles: ['therapist', 'admin'] });
  const { patientId } = await params;
  const range = rangeFromSearchParam((await searchParams).range);
  // Both reads are scoped by the viewer; either one answering null means "not yours" → 404.
  const [detail, series] = await Promise.all([getPatientDetail(viewer, patientId), getPatientSeries(viewer, patientId, range)]);
  if (!detail || !series) notFound();
  const queryClient = getQueryClient();
  queryClient.setQueryData(patientSeriesQuery(patientId, range).queryKey, series);
  return (
    <div className="stack">
      <p className="small">
        <Link href={`/patients/${patientId}`}>← {detail.patient.name}</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>{detail.patient.name}: charts</h1>
          <p className="muted small">
            {formatLocalDate(series.from, { day: 'numeric', month: 'short', year: 'numeric' })} to {formatLocalDate(series.today, { day: 'numeric', month: 'short', year: 'numeric' })} (their
            today). Weeks count whole days up to yesterday.
          </p>
        </div>
        <nav className="range-switch" aria-label="Time range">
          {SERIES_RANGES.map((r) => (
            <Link key={r} href={`/patients/${patientId}/charts?range=${r}`} aria-current={r === range ? 'page' : undefined} scroll={false}>
              {RANGE_LABELS[r]}
            </Link>
          ))}
        </nav>
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <PatientCharts patientId={patientId} range={range} />
      </HydrationBoundary>
    </div>
  );
}
