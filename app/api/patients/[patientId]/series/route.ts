import { z } from 'zod';
import { getViewer } from '@/lib/auth/viewer';
import { SERIES_RANGES } from '@/lib/charts/range';
import { getPatientSeries } from '@/lib/dal/metrics';
import { AppError, notFoundError } from '@/lib/errors';
import { handler, json, parseInput } from '@/lib/http';

export const dynamic = 'force-dynamic';

const seriesQuerySchema = z.object({ range: z.enum(SERIES_RANGES).default('30') });

/**
 * GET one patient's chart series for a client refetch: 422 for a bad range, 404 when the patient
 * is not the viewer's to see (the DAL answers null and audits the denial). Always no-store.
 */
export const GET = handler(async (request: Request, context: { params: Promise<{ patientId: string }> }) => {
  const viewer = await getViewer();
  if (!viewer) throw new AppError('unauthenticated', 'Please sign in again.');
  const { patientId } = await context.params;
  const { range } = parseInput(seriesQuerySchema, { range: new URL(request.url).searchParams.get('range') ?? undefined });
  const series = await getPatientSeries(viewer, patientId, range);
  if (!series) throw notFoundError();
  return json(series);
});
