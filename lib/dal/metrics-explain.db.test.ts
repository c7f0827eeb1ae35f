// The metrics statements read the big tables through their indexes: on a data set large enough for
// the planner to prefer them (300 patients × a year of logs, ANALYZEd), no plan of the exact statements
// listRoster / getClinicSummary (the same roster statement) / getPatientSeries send has a Seq Scan on session_logs, pain_check_ins
// or audit_events, neither the custom plan nor the generic plan the app runs them with (lib/dal/metrics-settings.ts).
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkGenerate } from '@/scripts/bench/generate';
import { nodeTypes, seqScansOnBigTables, type PlanNode } from '@/scripts/bench/plans';
import { rosterQuery, seriesQuery, toStatement, type MetricsScope } from './metrics';

const tag = `x${randomUUID().replace(/-/g, '').slice(0, 10)}`;

let client: pg.Client;
const scopes: Record<'therapist' | 'admin' | 'patient', MetricsScope> = { therapist: { clinicId: '' }, admin: { clinicId: '' }, patient: { clinicId: '' } };

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  // 10 clinics × 2 therapists × 15 patients: an admin reads 30 patients, a therapist 15, out of 300.
  await bulkGenerate(client, { tag, clinics: 10, therapists: 20, patients: 300, days: 365 });
  const user = async (email: string) => {
    const { rows } = await client.query<{ id: string; clinic_id: string; primary_therapist_id: string | null }>(
      'select u.id, u.clinic_id, p.primary_therapist_id from users u left join patients p on p.id = u.id where u.email = $1',
      [email],
    );
    if (!rows[0]) throw new Error(`no ${email}`);
    return rows[0];
  };
  const therapist = await user(`t1-${tag}@bench.example`);
  const admin = await user(`admin-bench-${tag}-1@bench.example`);
  const patient = await user(`p20-${tag}@bench.example`); // two plans, a revision
  scopes.therapist = { clinicId: therapist.clinic_id, therapistId: therapist.id };
  scopes.admin = { clinicId: admin.clinic_id };
  scopes.patient = { clinicId: patient.clinic_id, therapistId: patient.primary_therapist_id ?? undefined, patientId: patient.id };
}, 300_000);

afterAll(async () => {
  await client?.end();
});

const STATEMENTS = [
  ['roster of a therapist', () => rosterQuery(scopes.therapist)],
  ['roster of an admin', () => rosterQuery(scopes.admin)],
  ['roster numbers of one patient', () => rosterQuery(scopes.patient)],
  ['series, 30 days', () => seriesQuery({ ...scopes.patient, patientId: scopes.patient.patientId ?? '' }, '30')],
  ['series, 90 days', () => seriesQuery({ ...scopes.patient, patientId: scopes.patient.patientId ?? '' }, '90')],
  ['series, all', () => seriesQuery({ ...scopes.patient, patientId: scopes.patient.patientId ?? '' }, 'all')],
] as const;

describe('EXPLAIN of the metrics statements on 300 patients × 365 days', () => {
  it('the data set is big enough to matter', async () => {
    const { rows } = await client.query<{ logs: number; check_ins: number }>(
      `select (select count(*)::int from session_logs l join patients p on p.id = l.patient_id join clinics c on c.id = p.clinic_id where c.slug like 'bench-${tag}-%') as logs,
              (select count(*)::int from pain_check_ins) as check_ins`,
    );
    expect(rows[0]?.logs).toBeGreaterThan(300_000);
    expect(rows[0]?.check_ins).toBeGreaterThan(50_000);
  });

  it.each(STATEMENTS)('%s: no Seq Scan on session_logs, pain_check_ins or audit_events (custom plan)', async (_name, build) => {
    const { text, values } = toStatement(build());
    const { rows } = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`explain (format json) ${text}`, values);
    const plan = rows[0]?.['QUERY PLAN'][0].Plan;
    if (!plan) throw new Error('no plan');
    expect(seqScansOnBigTables(plan), [...nodeTypes(plan)].join(', ')).toEqual([]);
    expect(nodeTypes(plan).has('Index Scan on session_logs') || nodeTypes(plan).has('Bitmap Heap Scan on session_logs') || nodeTypes(plan).has('Index Only Scan on session_logs')).toBe(true);
  });

  it.each(STATEMENTS)('%s: no Seq Scan on the big tables in the generic plan either (what the prepared statement reuses)', async (_name, build) => {
    const { text, values } = toStatement(build());
    const name = `explain_${randomUUID().replace(/-/g, '')}`;
    await client.query(`prepare ${name} as ${text}`);
    try {
      await client.query('set plan_cache_mode = force_generic_plan');
      // EXECUTE takes no bind parameters: the values (uuids) go in as quoted literals.
      const args = values.map((v) => client.escapeLiteral(String(v))).join(', ');
      const { rows } = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`explain (format json) execute ${name}(${args})`);
      const plan = rows[0]?.['QUERY PLAN'][0].Plan;
      if (!plan) throw new Error('no plan');
      expect(seqScansOnBigTables(plan), [...nodeTypes(plan)].join(', ')).toEqual([]);
    } finally {
      await client.query('reset plan_cache_mode');
      await client.query(`deallocate ${name}`);
    }
  });
});
