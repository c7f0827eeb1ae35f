// The benchmark data set (scripts/bench/run.ts, scripts/bench-metrics.ts, lib/dal/metrics-explain.db.test.ts):
// clinics, therapists, patients with plans, a year of session logs and check-ins, generated with set-based
// SQL (insert … select … generate_series), never row by row.
/** Anything that runs one SQL statement (a pg.Client, a pool client). */
export type SqlRunner = { query: (text: string) => Promise<{ rows: Record<string, unknown>[] }> };

export type BulkOptions = {
  /** Lower-case letters and digits; names every generated clinic, user, exercise and article. */
  tag: string;
  clinics: number;
  therapists: number;
  patients: number;
  days: number;
  /** Drop the log and check-in indexes while loading and rebuild them after (own database only). */
  fastLoad?: boolean;
  log?: (line: string) => void;
};

const ZONES = ['Europe/London', 'America/New_York', 'America/Chicago', 'America/Los_Angeles', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Sydney', 'Pacific/Auckland'];

/**
 * Generates a caseload with set-based SQL. Every patient n (1…N) belongs to therapist (n−1) mod T + 1, whose
 * clinic is (t−1) mod C + 1. Each has an active plan started `days` ago with 4 items (2 sessions a day on
 * various weekdays) and adherence between 60 and 92 %; every third plan was revised a third of the way in;
 * every tenth patient finished a first plan half way and started a second; every twentieth plan is paused
 * since 10 days ago. Check-ins on 75 % of days, rare red flags, rare painful sessions, 1 % undone logs.
 * Runs on one connection (temporary tables). The patient_days rollup is filled by its triggers, or at the end
 * when fastLoad turned them off.
 */
export async function bulkGenerate(db: SqlRunner, o: BulkOptions): Promise<void> {
  if (!/^[a-z0-9]{1,20}$/.test(o.tag)) throw new Error('tag: lower-case letters and digits only');
  for (const [name, v] of Object.entries({ clinics: o.clinics, therapists: o.therapists, patients: o.patients, days: o.days })) {
    if (!Number.isInteger(v) || v < 1) throw new Error(`${name} must be a whole number ≥ 1`);
  }
  const { tag, clinics: C, therapists: T, patients: N, days: D } = o;
  const log = o.log ?? (() => {});
  const run = async (label: string, text: string) => {
    const t0 = performance.now();
    await db.query(text);
    log(`${label.padEnd(34)} ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s`);
  };
  const zones = `array[${ZONES.map((z) => `'${z}'`).join(', ')}]`;

  await run(
    'clinics, users, patients',
    `
    insert into clinics (slug, name) select format('bench-${tag}-%s', i), format('Bench clinic %s', i) from generate_series(1, ${C}) i;
    insert into users (clinic_id, email, name, role)
      select c.id, format('admin-%s@bench.example', c.slug), format('Admin %s', c.slug), 'admin' from clinics c where c.slug like 'bench-${tag}-%';
    insert into users (clinic_id, email, name, role)
      select c.id, format('t%s-${tag}@bench.example', t), format('Therapist %s', t), 'therapist'
      from generate_series(1, ${T}) t join clinics c on c.slug = format('bench-${tag}-%s', (t - 1) % ${C} + 1);
    create temp table bench_th as
      select t, u.id, u.clinic_id from generate_series(1, ${T}) t join users u on u.email = format('t%s-${tag}@bench.example', t);
    insert into users (clinic_id, email, name, role)
      select th.clinic_id, format('p%s-${tag}@bench.example', n), format('Patient %s %s', n, '${tag}'), 'patient'
      from generate_series(1, ${N}) n join bench_th th on th.t = (n - 1) % ${T} + 1;
    create temp table bench_p as
      select n, u.id as patient_id, u.clinic_id, th.id as therapist_id, (${zones})[n % ${ZONES.length} + 1] as tz,
        0.6 + (n % 5) * 0.08 as adherence
      from generate_series(1, ${N}) n
      join users u on u.email = format('p%s-${tag}@bench.example', n)
      join bench_th th on th.t = (n - 1) % ${T} + 1;
    alter table bench_p add column today date;
    update bench_p set today = (now() at time zone tz)::date;
    insert into patients (id, clinic_id, primary_therapist_id, time_zone) select patient_id, clinic_id, therapist_id, tz from bench_p;
    -- Exercises and articles belong to clinic 1 (never built-ins, so the library lists stay as they are).
    insert into exercises (clinic_id, slug, name, kind, targets, equipment, steps, feel, cautions, stop_if, default_sets, default_reps,
        default_hold_seconds, default_rest_seconds, default_side, content_hash)
      select c.id, format('bench-${tag}-ex%s', i), format('Bench stretch %s', i), 'stretch', '["hips"]', '["none"]', '["Hold."]', 'A pull.', '[]', '[]',
        2, 1, 30, 15, 'both', 'bench'
      from generate_series(1, 5) i join clinics c on c.slug = 'bench-${tag}-1';
    insert into articles (clinic_id, slug, published_at)
      select c.id, format('bench-${tag}-a%s', i), now() from generate_series(1, 3) i join clinics c on c.slug = 'bench-${tag}-1';
    insert into article_versions (article_id, version, title, summary, body_markdown, takeaways, reading_minutes, reading_grade, word_count, content_hash)
      select a.id, 1, 'Bench article ' || a.slug, 'Summary.', 'Body.', '[]', 3, 6.0, 400, 'bench' from articles a where a.slug like 'bench-${tag}-a%';
    `,
  );

  await run(
    'plans, revisions, items, statuses',
    `
    -- Plan 1 of every patient; every tenth patient's first plan was completed half way and a second one started.
    create temp table bench_plan as
      select gen_random_uuid() as plan_id, p.n, p.patient_id, p.clinic_id, p.therapist_id, p.today, 1 as k,
        p.today - ${D} as start_date,
        case when p.n % 10 = 0 then 'completed' when p.n % 20 = 1 then 'paused' else 'active' end::plan_status as status,
        case when p.n % 10 = 0 then p.today - ${Math.floor(D / 2)} when p.n % 20 = 1 then p.today - 10 end as status_from
      from bench_p p
      union all
      select gen_random_uuid(), p.n, p.patient_id, p.clinic_id, p.therapist_id, p.today, 2,
        p.today - ${Math.floor(D / 2)} + 1, 'active', null
      from bench_p p where p.n % 10 = 0;
    insert into plans (id, clinic_id, patient_id, therapist_id, title, start_date, status, current_revision)
      select plan_id, clinic_id, patient_id, therapist_id, format('Bench plan %s', k), start_date, status, case when n % 3 = 0 and k = 1 then 2 else 1 end
      from bench_plan;
    insert into plan_status_changes (clinic_id, plan_id, status, effective_date, changed_by, changed_at)
      select clinic_id, plan_id, 'active', start_date, therapist_id, start_date::timestamptz from bench_plan
      union all
      select clinic_id, plan_id, status, status_from, therapist_id, status_from::timestamptz from bench_plan where status_from is not null;
    create temp table bench_rev as
      select gen_random_uuid() as revision_id, pl.*, 1 as revision, pl.start_date as effective_date from bench_plan pl
      union all
      select gen_random_uuid(), pl.*, 2, pl.start_date + ${Math.max(1, Math.floor(D / 3))} from bench_plan pl where pl.n % 3 = 0 and pl.k = 1;
    insert into plan_revisions (id, clinic_id, plan_id, revision, effective_date, summary, created_by)
      select revision_id, clinic_id, plan_id, revision, effective_date, case when revision = 1 then 'Created' else 'Longer holds' end, therapist_id from bench_rev;
    -- 4 items per revision; revision 2 keeps items 1–3 (same item keys) and swaps item 4 for item 5.
    create temp table bench_item as
      select gen_random_uuid() as item_id, r.revision_id, r.plan_id, r.patient_id, r.clinic_id, i,
        md5(r.plan_id::text || ':' || i)::uuid as item_key,
        case i when 2 then array[1, 2, 3, 4, 5] when 3 then array[1, 3, 5, 6] else array[1, 2, 3, 4, 5, 6, 7] end::smallint[] as days
      from bench_rev r cross join generate_series(1, 5) i
      where (i <= 4 and r.revision = 1) or (i <> 4 and r.revision = 2);
    insert into plan_items (id, clinic_id, plan_id, revision_id, item_key, exercise_id, position, sets, reps, hold_seconds, side, sessions_per_day, days_of_week)
      select it.item_id, it.clinic_id, it.plan_id, it.revision_id, it.item_key, e.id, it.i - 1, 2, 1, 30, 'both', 2, it.days
      from bench_item it join exercises e on e.slug = format('bench-${tag}-ex%s', it.i);
    -- The days each item's sessions can be logged: its revision's span, while the plan is active.
    create temp table bench_span as
      select it.item_id, it.patient_id, it.clinic_id, it.days, p.adherence,
        greatest(r.effective_date, r.start_date) as d_from,
        least(coalesce(nr.effective_date - 1, r.today - 1), coalesce(r.status_from - 1, r.today - 1), r.today - 1) as d_to
      from bench_item it
      join bench_rev r on r.revision_id = it.revision_id
      left join bench_rev nr on nr.plan_id = r.plan_id and nr.revision = r.revision + 1
      join bench_p p on p.patient_id = it.patient_id;
    insert into reading_assignments (clinic_id, patient_id, article_id, article_version_id, assigned_by, due_date, state, assigned_at)
      select p.clinic_id, p.patient_id, a.id, av.id, p.therapist_id, p.today - ${D} + 7 * k,
        (array['assigned', 'opened', 'read', 'understood'])[(p.n + k) % 4 + 1]::reading_state, (p.today - ${D} + 7 * k - 7)::timestamptz
      from bench_p p cross join generate_series(1, 3) k
      join articles a on a.slug = format('bench-${tag}-a%s', k) join article_versions av on av.article_id = a.id;
    `,
  );

  // Bulk loads without per-row index maintenance and foreign-key triggers (own database only).
  let indexDefs: string[] = [];
  if (o.fastLoad) {
    const { rows } = await db.query(
      `select indexname, indexdef from pg_indexes where schemaname = current_schema() and tablename in ('session_logs', 'pain_check_ins')
         and indexname not in (select conname from pg_constraint where contype in ('p', 'u'))`,
    );
    indexDefs = rows.map((r) => String(r.indexdef));
    for (const r of rows) await db.query(`drop index ${String(r.indexname)}`);
    await db.query(`set session_replication_role = replica`);
  }
  // Logs arrive day by day in real life: insert in date order, a month at a time (realistic heap order).
  const chunk = 30;
  for (let from = D; from >= 1; from -= chunk) {
    const to = Math.max(1, from - chunk + 1);
    await run(
      `session logs, days −${from}…−${to}`,
      `
      insert into session_logs (clinic_id, patient_id, plan_item_id, client_id, local_date, logged_at, sets_done, pain_before, pain_after, request_hash, undone_at)
      select s.clinic_id, s.patient_id, s.item_id, gen_random_uuid(), d::date, d + interval '7 hours' + k * interval '5 hours', 2,
        case when random() < 0.85 then 3 + floor(random() * 4)::int end,
        case when random() < 0.003 then 10 when random() < 0.85 then 2 + floor(random() * 4)::int end,
        'bench', case when random() < 0.01 then now() end
      from bench_span s
      join bench_p p on p.patient_id = s.patient_id
      cross join lateral generate_series(greatest(s.d_from, p.today - ${from})::timestamp, least(s.d_to, p.today - ${to})::timestamp, interval '1 day') d
      cross join generate_series(1, 2) k
      where extract(isodow from d)::int = any(s.days) and random() < s.adherence
      order by d`,
    );
  }
  await run(
    'pain check-ins',
    `
    insert into pain_check_ins (clinic_id, patient_id, local_date, pain, red_flags, created_at)
    select p.clinic_id, p.patient_id, d::date, least(10, greatest(0, 5 + (p.n % 3) - 1 + floor(random() * 3)::int - 1)),
      case when random() < 0.002 then '["fever"]'::jsonb else '[]'::jsonb end, d + interval '20 hours'
    from generate_series(${D}, 0, -1) back
    cross join bench_p p
    cross join lateral (select (p.today - back)::timestamp as d) x
    where random() < 0.75
    order by back desc`,
  );
  if (o.fastLoad) {
    await db.query(`set session_replication_role = origin`);
    for (const def of indexDefs) await run(`index ${/INDEX (\S+)/.exec(def)?.[1] ?? ''}`.slice(0, 34), def);
    // The triggers that keep the patient_days rollup (migration 0005) were off: fill it for these patients at once.
    await run(
      'patient_days rollup',
      `select patient_days_refresh(array_agg(patient_id), array_fill('-infinity'::date, array[count(*)::int]), array_fill(null::date, array[count(*)::int])) from bench_p`,
    );
  }
  await run('vacuum analyze', `vacuum analyze clinics, users, patients, plans, plan_revisions, plan_items, plan_status_changes, session_logs, pain_check_ins, patient_days, reading_assignments, audit_events`);
  await db.query(`drop table bench_th, bench_p, bench_plan, bench_rev, bench_item, bench_span`);
}
