import 'server-only';
// The chart numbers (design.md "Definitions"), computed in PostgreSQL for a whole caseload at once.
// lib/metrics/* holds the pure definitions; lib/dal/metrics.db.test.ts checks this SQL against them on
// the seeded clinic. Every day is the patient's local day: today = (now() at time zone p.time_zone)::date.
//
// Expected sessions: a plan's days are cut into segments at every status-change and revision effective
// date; within a segment the status in force (latest changed_at with effective_date ≤ day; active before
// the first) and the revision in force (highest revision number with effective_date ≤ day) are constant,
// so they are looked up once per segment, and only the segment's days inside the window are generated.
// Every plan of a patient counts (their item-days are summed); undone logs count nowhere.
//
// Done sessions, log counts, check-in pain and red flags, pain pairs and painful sessions come per day from
// the patient_days rollup (migration 0005: kept by triggers in the writing transaction, never refreshed by a
// read; lib/dal/patient-days.db.test.ts proves it equals its definition), so the roster reads ~31 rows per
// patient instead of every log of the window. Only per-item adherence on the chart still reads the logs.
import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Pool, QueryResultRow } from 'pg';
import { cache } from 'react';
import { getDb, type Database } from '@/db/client';
import type { ReadingState } from '@/db/schema/enums';
import { isClinician } from '@/lib/auth/policy';
import type { Viewer } from '@/lib/auth/types';
import { formatLocalDate, type LocalDate } from '@/lib/dates';
import { compareAlerts, HURT_RISE_POINTS, LOW_ADHERENCE_MIN_SCHEDULED_DAYS, MISSED_SCHEDULED_DAYS, type Alert as PureAlert } from '@/lib/metrics/alerts';
import { BASELINE_CHECK_INS, CURRENT_PAIN_DAYS, MCID_FRACTION, MCID_POINTS } from '@/lib/metrics/pain';
import { RED_FLAG_LABELS } from '@/lib/safety';
import { actorOf, recordAudit } from './audit';
import type { Alert, AlertKind, ClinicSummary, PainChange, PatientSeries, RosterRow, SeriesRange } from './metrics-types';
import { findPatientInScope } from './scope';
import { METRICS_TRANSACTION } from './metrics-settings';

/** Whose patients a statement reads. Every predicate lands in the WHERE clause of the patients scan. */
export type MetricsScope = {
  clinicId: string;
  /** Therapist viewers: only patients whose primary therapist they are. */
  therapistId?: string;
  /** One patient (the series, or a patient reading their own). */
  patientId?: string;
};

export const SERIES_RANGES: readonly SeriesRange[] = ['30', '90', 'all'];

/** Thresholds shared with lib/metrics (means of integers: absorb rounding, as pain.ts does). */
const EPSILON = '0.000000001';

/** A constant of the definitions, inlined (a bound parameter would be untyped and block date arithmetic). */
const lit = (n: number) => sql.raw(String(n));

function scopePredicate(scope: MetricsScope): SQL {
  const parts: SQL[] = [sql`p.clinic_id = ${scope.clinicId}::uuid`];
  if (scope.therapistId !== undefined) parts.push(sql`p.primary_therapist_id = ${scope.therapistId}::uuid`);
  if (scope.patientId !== undefined) parts.push(sql`p.id = ${scope.patientId}::uuid`);
  return sql.join(parts, sql` and `);
}

/**
 * CTEs `points, segs, seg_state` over CTEs the caller defines first: `pl(plan_id, patient_id, start_date,
 * end_date, …)` and `win(patient_id, wfrom, wto, …)`. seg_state(patient_id, plan_id, d_from, d_to, status,
 * revision_id): the plan's days inside the window cut where its status or revision in force changes.
 */
const SEGMENT_CTES = sql.raw(`
points as (
  select pl.plan_id, pl.patient_id, pl.end_date, w.wfrom, w.wto, pt.c
  from pl
  join win w on w.patient_id = pl.patient_id
  cross join lateral (
    select pl.start_date as c
    union select st.effective_date from plan_status_changes st where st.plan_id = pl.plan_id and st.effective_date > pl.start_date and st.effective_date <= w.wto
    union select r.effective_date from plan_revisions r where r.plan_id = pl.plan_id and r.effective_date > pl.start_date and r.effective_date <= w.wto
  ) pt
  where pl.start_date <= w.wto and (pl.end_date is null or pl.end_date >= w.wfrom)
),
segs as (
  select plan_id, patient_id, c,
    greatest(c, wfrom) as d_from,
    least(coalesce(lead(c) over (partition by plan_id order by c) - 1, wto), coalesce(end_date, wto), wto) as d_to
  from points
),
seg_state as (
  select sg.patient_id, sg.plan_id, sg.d_from, sg.d_to,
    coalesce((select st.status from plan_status_changes st where st.plan_id = sg.plan_id and st.effective_date <= sg.c
              order by st.changed_at desc, st.id desc limit 1), 'active') as status,
    (select r.id from plan_revisions r where r.plan_id = sg.plan_id and r.effective_date <= sg.c order by r.revision desc limit 1) as revision_id
  from segs sg
  where sg.d_from <= sg.d_to
)`);

/**
 * CTE `day_exp(patient_id, day, expected)` after SEGMENT_CTES: Σ expected sessions of every item of every plan
 * on each day of the window with any (design "Expected sessions"). Each active segment's items are first
 * summed per ISO weekday, so a day costs one row, not one per item.
 */
const DAY_EXPECTED_CTES = sql.raw(`
seg_prof as (
  select ss.patient_id, ss.d_from, ss.d_to,
    array[${[1, 2, 3, 4, 5, 6, 7].map((k) => `coalesce(sum(it.sessions_per_day) filter (where ${k} = any(it.days_of_week)), 0)::int`).join(', ')}] as prof
  from seg_state ss
  join plan_items it on it.revision_id = ss.revision_id
  where ss.status = 'active' and it.sessions_per_day > 0
  group by ss.patient_id, ss.plan_id, ss.d_from, ss.d_to
),
day_exp as (
  select sp.patient_id, d::date as day, sum(sp.prof[extract(isodow from d)::int])::int as expected
  from seg_prof sp
  cross join lateral generate_series(sp.d_from::timestamp, sp.d_to::timestamp, interval '1 day') d
  where sp.prof[extract(isodow from d)::int] > 0
  group by 1, 2
)`);

/** Design "Meaningful change" on two SQL means (numeric), the same thresholds as lib/metrics/pain.ts. */
const painChangeSql = (baseline: string, current: string) =>
  sql.raw(`case when ${baseline} is null or ${current} is null then null
    when ${baseline} - ${current} > ${EPSILON}
      and (${baseline} - ${current} >= ${MCID_POINTS} - ${EPSILON} or ${baseline} - ${current} >= ${MCID_FRACTION} * ${baseline} - ${EPSILON}) then 'improving'
    when ${current} - ${baseline} >= ${MCID_POINTS} - ${EPSILON} then 'worsening'
    else 'stable' end`);

/**
 * Every roster number per patient in scope, as CTEs ending in `roster`. Windows: adherence over the 7 / 30
 * whole local days up to yesterday; current pain, red flags and "this stretch hurts" over the 7 days ending
 * today; monitoring over the 30 days ending today; the missed-days streak back to the latest scheduled day
 * that has a log (item-days are generated from there when it lies before the 30-day window).
 */
function rosterCtes(scope: MetricsScope): SQL {
  return sql`
scoped as (
  select p.id as patient_id, p.clinic_id, p.time_zone, u.name, tu.name as therapist_name,
         (now() at time zone p.time_zone)::date as today
  from patients p
  join users u on u.id = p.id
  join users tu on tu.id = p.primary_therapist_id
  where ${scopePredicate(scope)}
),
pl as (
  select pn.id as plan_id, pn.patient_id, pn.start_date, pn.end_date, pn.status, pn.title, pn.created_at
  from scoped s join plans pn on pn.patient_id = s.patient_id and pn.clinic_id = s.clinic_id
),
cur as (
  select distinct on (patient_id) patient_id, start_date, case when status in ('active', 'paused') then title end as title
  from pl
  order by patient_id, status in ('active', 'paused') desc, status = 'active' desc, start_date desc, created_at desc
),
last_sched as materialized ( -- once per patient: win reads last_day twice, and inlining would run the subquery twice
  select s.patient_id,
    (select d.local_date from patient_days d
      where d.patient_id = s.patient_id and d.local_date < s.today and d.logs > 0 and d.expected > 0
      order by d.local_date desc limit 1) as last_day
  from scoped s
),
win as (
  select s.patient_id, s.today, s.today - 1 as wto, ls.last_day,
    least(s.today - 30, coalesce(ls.last_day + 1, (select min(x.start_date) from pl x where x.patient_id = s.patient_id))) as wfrom
  from scoped s join last_sched ls on ls.patient_id = s.patient_id
),
${SEGMENT_CTES},
${DAY_EXPECTED_CTES},
pdw as materialized ( -- the rollup rows of the window: done sessions, logs, pain, red flags, painful sessions per day
  select w.patient_id, d.local_date, d.done, d.logs, d.pain, d.red_flag, d.hurts
  from win w
  cross join lateral (
    select d.local_date, d.done, d.logs, d.pain, d.red_flag, d.hurts from patient_days d
    where d.patient_id = w.patient_id and d.local_date >= least(w.wfrom, w.today - 29) and d.local_date <= w.today
    offset 0 -- a per-patient index range scan: keep the planner from flattening it into a join
  ) d
),
adh as (
  select w.patient_id,
    coalesce(sum(e.expected) filter (where e.day >= w.today - 7), 0)::int as exp7,
    coalesce(sum(d.done) filter (where e.day >= w.today - 7), 0)::int as done7,
    count(*) filter (where e.day >= w.today - 7)::int as sched7,
    coalesce(sum(e.expected) filter (where e.day >= w.today - 30), 0)::int as exp30,
    coalesce(sum(d.done) filter (where e.day >= w.today - 30), 0)::int as done30,
    -- The streak of scheduled days with no log, back to the latest scheduled day that has one.
    count(*) filter (where w.last_day is null or e.day > w.last_day)::int as missed_n,
    array_agg(e.day::text) filter (where w.last_day is null or e.day > w.last_day) as missed_days
  from win w
  join day_exp e on e.patient_id = w.patient_id
  left join pdw d on d.patient_id = e.patient_id and d.local_date = e.day
  group by w.patient_id
),
day_facts as (
  select w.patient_id,
    count(*) filter (where d.local_date >= w.today - 29 and (d.logs > 0 or d.pain is not null))::int as monitoring_days,
    avg(d.pain) filter (where d.local_date >= w.today - ${lit(CURRENT_PAIN_DAYS - 1)}) as current,
    max(d.local_date) filter (where d.local_date >= w.today - 6 and d.red_flag) as rf_date,
    count(*) filter (where d.local_date >= w.today - 6 and d.red_flag)::int as rf_days,
    coalesce(sum(d.hurts) filter (where d.local_date >= w.today - 6), 0)::int as hurts7
  from win w
  join pdw d on d.patient_id = w.patient_id
  group by w.patient_id
),
pain_base as materialized (
  select cu.patient_id,
    (select avg(f.pain) from (select ci.pain from pain_check_ins ci where ci.patient_id = cu.patient_id and ci.local_date >= cu.start_date
                              order by ci.local_date limit ${lit(BASELINE_CHECK_INS)}) f) as baseline
  from cur cu
),
hurt as (
  -- Only for the patients whose window has a painful session (rare): their logs of the last 7 days.
  select distinct on (w.patient_id) w.patient_id, l.local_date::text as h_date, l.pain_before::int as h_before, l.pain_after::int as h_after,
    e.name as h_name, (count(*) over (partition by w.patient_id))::int as h_sessions
  from win w
  join day_facts f on f.patient_id = w.patient_id and f.hurts7 > 0
  cross join lateral (
    select l.id, l.plan_item_id, l.local_date, l.logged_at, l.pain_before, l.pain_after from session_logs l
    where l.patient_id = w.patient_id and l.local_date >= w.today - 6 and l.local_date <= w.today and l.undone_at is null
      and l.pain_after - l.pain_before >= ${lit(HURT_RISE_POINTS)}
    offset 0 -- a per-patient index range scan: keep the planner from flattening it into a join
  ) l
  join plan_items it on it.id = l.plan_item_id
  join exercises e on e.id = it.exercise_id
  order by w.patient_id, l.local_date desc, l.pain_after - l.pain_before desc, l.logged_at desc, l.id desc
),
reading as (
  select s.patient_id,
    count(*) filter (where x.due)::int as due,
    count(*) filter (where x.due and x.state in ('read', 'understood'))::int as done
  from scoped s
  join lateral (
    select ra.state, (ra.assigned_at at time zone s.time_zone)::date <= s.today and (ra.due_date is null or ra.due_date <= s.today) as due
    from reading_assignments ra where ra.patient_id = s.patient_id and ra.removed_at is null
  ) x on true
  group by s.patient_id
),
roster as (
  select s.patient_id, s.name, s.therapist_name, s.today::text as today, cu.title as plan_title,
    coalesce(a.exp7, 0) as exp7, coalesce(a.done7, 0) as done7, coalesce(a.sched7, 0) as sched7,
    coalesce(a.exp30, 0) as exp30, coalesce(a.done30, 0) as done30,
    coalesce(a.missed_n, 0) as missed_n, a.missed_days,
    pb.baseline, f.current,
    ${painChangeSql('pb.baseline', 'f.current')} as pain_change,
    coalesce(rd.due, 0) as reading_due, coalesce(rd.done, 0) as reading_done,
    (select max(d.local_date) from patient_days d where d.patient_id = s.patient_id and (d.logs > 0 or d.pain is not null))::text as last_activity,
    coalesce(f.monitoring_days, 0) as monitoring_days,
    f.rf_date::text as rf_date, rf.red_flags as rf_flags, case when f.rf_date is not null then f.rf_days end as rf_days,
    h.h_date, h.h_before, h.h_after, h.h_name, h.h_sessions
  from scoped s
  left join cur cu on cu.patient_id = s.patient_id
  left join adh a on a.patient_id = s.patient_id
  left join pain_base pb on pb.patient_id = s.patient_id
  left join day_facts f on f.patient_id = s.patient_id
  left join pain_check_ins rf on f.rf_date is not null and rf.patient_id = s.patient_id and rf.local_date = f.rf_date
  left join reading rd on rd.patient_id = s.patient_id
  left join hurt h on h.patient_id = s.patient_id
)`;
}

/** The roster statement (exported so the EXPLAIN test plans exactly what listRoster and getClinicSummary run). */
export function rosterQuery(scope: MetricsScope): SQL {
  return sql`with ${rosterCtes(scope)}
select patient_id, name, therapist_name, today, plan_title, exp7, done7, sched7, exp30, done30, missed_n, missed_days,
  baseline::float8 as baseline, current::float8 as current, pain_change, reading_due, reading_done, last_activity, monitoring_days,
  rf_date, rf_flags, rf_days, h_date, h_before, h_after, h_name, h_sessions
from roster
order by rf_date desc nulls last, name, patient_id`;
}

/**
 * The series statement for one patient (the scope must name them): everything on the patient charts but
 * the roster numbers (baseline, current pain, alerts…), which come from rosterQuery for the same patient.
 * One row of JSON columns.
 */
export function seriesQuery(scope: MetricsScope & { patientId: string }, range: SeriesRange): SQL {
  const rangeFrom =
    range === 'all'
      ? sql.raw(`least((select min(x.start_date) from pl x), (select min(c.local_date) from pain_check_ins c where c.patient_id = s.patient_id), s.today)`)
      : sql.raw(`s.today - ${range === '30' ? 30 : 90}`);
  return sql`with
scoped as (
  select p.id as patient_id, p.clinic_id, p.time_zone, (now() at time zone p.time_zone)::date as today
  from patients p
  where ${scopePredicate(scope)}
),
pl as (
  select pn.id as plan_id, pn.patient_id, pn.start_date, pn.end_date, pn.status, pn.created_at
  from scoped s join plans pn on pn.patient_id = s.patient_id and pn.clinic_id = s.clinic_id
),
cur as (
  select plan_id from pl where status in ('active', 'paused')
  order by status = 'active' desc, start_date desc, created_at desc limit 1
),
rng as (
  select s.patient_id, s.today, ${rangeFrom} as r_from from scoped s
),
win as (
  select g.patient_id, g.today, g.r_from, g.today as wto,
    least(g.r_from - (extract(isodow from g.r_from)::int - 1), g.today - extract(isodow from g.today - 1)::int) as wfrom
  from rng g
),
${SEGMENT_CTES},
${DAY_EXPECTED_CTES},
pitems as (
  select it.id, it.plan_id, it.item_key from pl join plan_items it on it.plan_id = pl.plan_id
),
pdr as materialized ( -- the rollup rows of the range (and of the weeks and 7-day means reaching before it)
  select d.local_date, d.done, d.pain, d.pain_pairs, d.pain_before_sum, d.pain_after_sum
  from win w
  cross join lateral (
    select d.local_date, d.done, d.pain, d.pain_pairs, d.pain_before_sum, d.pain_after_sum from patient_days d
    where d.patient_id = w.patient_id and d.local_date >= least(w.wfrom, w.r_from - ${lit(CURRENT_PAIN_DAYS - 1)}) and d.local_date <= w.today
    offset 0 -- a per-patient index range scan: keep the planner from flattening it into a join
  ) d
),
weeks as (
  select gs::date as week_start
  from win w cross join generate_series(w.wfrom::timestamp, (w.today - extract(isodow from w.today - 1)::int)::timestamp, interval '7 days') gs
),
week_sums as materialized (
  select e.day - (extract(isodow from e.day)::int - 1) as week_start, coalesce(sum(d.done), 0)::int as done, sum(e.expected)::int as expected
  from day_exp e left join pdr d on d.local_date = e.day
  where e.day < (select today from win)
  group by 1
),
weekly as (
  select wk.week_start, coalesce(ws.done, 0) as done, coalesce(ws.expected, 0) as expected,
    wk.week_start + 6 > (select today - 1 from win) as is_partial
  from weeks wk left join week_sums ws on ws.week_start = wk.week_start
),
seg_items as materialized ( -- each active segment's scheduled items
  select ss.plan_id, ss.d_from, ss.d_to, it.item_key, it.sessions_per_day::int as spd, it.days_of_week
  from seg_state ss join plan_items it on it.revision_id = ss.revision_id
  where ss.status = 'active' and it.sessions_per_day > 0
),
logs_r as materialized ( -- live logs of the range per plan item and day (yesterday at the latest)
  select l.plan_item_id, l.local_date, count(*)::int as n
  from win w
  cross join lateral (
    select l.plan_item_id, l.local_date from session_logs l
    where l.patient_id = w.patient_id and l.local_date >= w.r_from and l.local_date < w.today and l.undone_at is null
    offset 0 -- a per-patient index range scan: keep the planner from flattening it into a join
  ) l
  group by 1, 2
),
item_done as ( -- Σ min(done, expected) per item key, over the logged item-days that were scheduled
  select x.plan_id, x.item_key, sum(least(x.n, si.spd))::int as done
  from (
    select pi.plan_id, pi.item_key, lr.local_date, sum(lr.n) as n from logs_r lr join pitems pi on pi.id = lr.plan_item_id group by 1, 2, 3
  ) x
  join seg_items si on si.plan_id = x.plan_id and si.item_key = x.item_key
  where x.local_date between si.d_from and si.d_to and extract(isodow from x.local_date)::int = any(si.days_of_week)
  group by 1, 2
),
item_sums as materialized ( -- and Σ expected per item key over [r_from, yesterday]: its weekdays counted per segment
  select si.plan_id, si.item_key, coalesce(max(dn.done), 0)::int as done, sum(si.spd * wd.n)::int as expected
  from win w
  join seg_items si on greatest(si.d_from, w.r_from) <= least(si.d_to, w.today - 1)
  cross join lateral (select greatest(si.d_from, w.r_from) as a, least(si.d_to, w.today - 1) as b) ab
  cross join lateral ( -- the days in [a, b] on weekday k: one every 7 from the first one, a + (k − isodow(a)) mod 7
    select coalesce(sum(case when o.off > ab.b - ab.a then 0 else (ab.b - ab.a - o.off) / 7 + 1 end), 0)::int as n
    from (select distinct (k::int - extract(isodow from ab.a)::int + 7) % 7 as off from unnest(si.days_of_week) k) o
  ) wd
  left join item_done dn on dn.plan_id = si.plan_id and dn.item_key = si.item_key
  group by 1, 2
  having sum(si.spd * wd.n) > 0
),
item_keys as (
  select distinct on (it.plan_id, it.item_key) it.plan_id, it.item_key, p.start_date, p.created_at, r.revision, it.position
  from pl p join plan_items it on it.plan_id = p.plan_id join plan_revisions r on r.id = it.revision_id
  order by it.plan_id, it.item_key, r.revision, it.position
),
item_names as (
  select distinct on (it.plan_id, it.item_key) it.plan_id, it.item_key, e.name
  from pl p join plan_items it on it.plan_id = p.plan_id join plan_revisions r on r.id = it.revision_id join exercises e on e.id = it.exercise_id
  order by it.plan_id, it.item_key, r.revision desc
),
per_item as (
  select k.plan_id, k.item_key, n.name, k.start_date, k.created_at, k.revision, k.position,
    coalesce(su.done, 0) as done, coalesce(su.expected, 0) as expected
  from item_keys k
  join item_names n on n.plan_id = k.plan_id and n.item_key = k.item_key
  left join item_sums su on su.plan_id = k.plan_id and su.item_key = k.item_key
  where coalesce(su.expected, 0) > 0 or k.plan_id in (select plan_id from cur)
),
daily as (
  select d::date as day, x.pain,
    sum(x.pain) over w7 as sum7, count(x.pain) over w7 as n7
  from win w
  cross join generate_series((w.r_from - ${lit(CURRENT_PAIN_DAYS - 1)})::timestamp, w.today::timestamp, interval '1 day') d
  left join pdr x on x.local_date = d::date
  window w7 as (order by d rows between ${lit(CURRENT_PAIN_DAYS - 1)} preceding and current row)
),
around as (
  select x.local_date, x.pain_before_sum, x.pain_after_sum, x.pain_pairs
  from pdr x
  where x.local_date >= (select r_from from win) and x.pain_pairs > 0
)
select
  (select r_from::text from win) as r_from,
  (select today::text from win) as today,
  (select coalesce(json_agg(json_build_object('weekStart', week_start, 'done', done, 'expected', expected, 'isPartial', is_partial) order by week_start), '[]') from weekly) as weekly,
  (select json_build_object('done', coalesce((select x.done from pdr x where x.local_date = w.today), 0),
     'expected', coalesce((select e.expected from day_exp e where e.day = w.today), 0)) from win w) as today_so_far,
  (select coalesce(json_agg(json_build_object('itemKey', item_key, 'exerciseName', name, 'done', done, 'expected', expected)
     order by start_date, created_at, plan_id, revision, position), '[]') from per_item) as per_item,
  -- Positional arrays of integers (the means are divided in JS): objects and numeric means cost more than the rest of the query.
  (select coalesce(json_agg(json_build_array(day, pain, sum7, n7) order by day), '[]')
     from daily where day >= (select r_from from win)) as daily_pain,
  (select coalesce(json_agg(json_build_array(local_date, pain_before_sum, pain_after_sum, pain_pairs) order by local_date), '[]') from around) as around,
  (select coalesce(json_agg(json_build_object('date', r.effective_date, 'revision', r.revision, 'summary', r.summary)
     order by r.effective_date, p.start_date, p.created_at, r.revision), '[]')
     from pl p join plan_revisions r on r.plan_id = p.plan_id
     where r.effective_date >= (select r_from from win) and r.effective_date <= (select today from win)) as revisions,
  (select coalesce(json_agg(json_build_object('title', av.title, 'state', ra.state, 'dueDate', ra.due_date) order by ra.due_date nulls last, ra.assigned_at, ra.id), '[]')
     from win w join reading_assignments ra on ra.patient_id = w.patient_id and ra.removed_at is null
     join article_versions av on av.id = ra.article_version_id) as reading`;
}

// ---------------------------------------------------------------------------------------------
// Running the statements.

const dialect = new PgDialect();

/** The text and parameters a statement is sent with (the EXPLAIN test plans exactly these). */
export function toStatement(query: SQL): { text: string; values: unknown[] } {
  const { sql: text, params } = dialect.sqlToQuery(query);
  return { text, values: params };
}

/**
 * Runs metrics statements on one connection, in one read-only snapshot, as named prepared statements
 * with generic plans (lib/dal/metrics-settings.ts says why).
 * Unscoped and unaudited: exported for the benchmark only; callers are the functions below.
 */
export async function readMetrics<R extends QueryResultRow>(queries: SQL[]): Promise<R[][]> {
  const pool = (getDb() as Database & { $client?: Pool }).$client;
  if (!pool) throw new Error('metrics: the database handle has no pg pool');
  const client = await pool.connect();
  try {
    await client.query(METRICS_TRANSACTION);
    const out: R[][] = [];
    for (const query of queries) {
      const { text, values } = toStatement(query);
      const name = `metrics_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
      out.push((await client.query<R>({ name, text, values })).rows);
    }
    await client.query('commit');
    return out;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

// ---------------------------------------------------------------------------------------------
// Rows → DTOs (presentation only: ratios of the SQL sums, alert wording, ordering).

type RosterSqlRow = {
  patient_id: string;
  name: string;
  therapist_name: string;
  today: string;
  plan_title: string | null;
  exp7: number;
  done7: number;
  sched7: number;
  exp30: number;
  done30: number;
  missed_n: number;
  /** The missed streak's days, in no particular order. */
  missed_days: string[] | null;
  baseline: number | null;
  current: number | null;
  pain_change: PainChange | null;
  reading_due: number;
  reading_done: number;
  last_activity: string | null;
  monitoring_days: number;
  rf_date: string | null;
  rf_flags: string[] | null;
  rf_days: number | null;
  h_date: string | null;
  h_before: number | null;
  h_after: number | null;
  h_name: string | null;
  h_sessions: number | null;
};

type SeriesSqlRow = {
  r_from: string;
  today: string;
  weekly: { weekStart: string; done: number; expected: number; isPartial: boolean }[];
  today_so_far: { done: number; expected: number };
  per_item: { itemKey: string; exerciseName: string; done: number; expected: number }[];
  /** [date, pain, Σ pain of the 7 days ending then, check-ins among them]. */
  daily_pain: [string, number | null, number | null, number][];
  /** [date, Σ pain before, Σ pain after, sessions with both]: only days with such sessions. */
  around: [string, number, number, number][];
  revisions: { date: string; revision: number; summary: string | null }[];
  reading: { title: string; state: ReadingState; dueDate: string | null }[];
};

const ratio = (done: number, expected: number): number | null => (expected > 0 ? done / expected : null);

// Alert wording: the same sentences as lib/metrics/alerts.ts (the db test compares them word for word).
const day = (d: LocalDate) => formatLocalDate(d);
const points = (p: number) => String(Math.round(p * 10) / 10);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const RED_FLAG_WORDS: Readonly<Record<string, string>> = RED_FLAG_LABELS;
const redFlagLabel = (flag: string) => (Object.hasOwn(RED_FLAG_WORDS, flag) ? RED_FLAG_WORDS[flag] : undefined) ?? flag.replaceAll('_', ' ');
const addDay = (d: LocalDate, n: number): LocalDate => {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
};

/** The contract calls "this stretch hurts" stretch_hurts; lib/metrics calls it session_hurts. */
const CONTRACT_KIND: Record<PureAlert['kind'], AlertKind> = {
  red_flag: 'red_flag',
  pain_worsening: 'pain_worsening',
  session_hurts: 'stretch_hurts',
  low_adherence: 'low_adherence',
  missed_days: 'missed_days',
};

/** The alert rules were evaluated in SQL; this words them and orders them (red flags first). */
function alertsOf(r: RosterSqlRow): Alert[] {
  const found: PureAlert[] = [];
  if (r.rf_date !== null) {
    const labels = (r.rf_flags ?? []).map(redFlagLabel);
    const otherDays = (r.rf_days ?? 1) - 1;
    const others = otherDays > 0 ? ` Warning signs were also reported on ${plural(otherDays, 'other day')} in the last 7 days.` : '';
    found.push({ kind: 'red_flag', date: r.rf_date, reason: `Warning sign reported on ${day(r.rf_date)}: ${labels.join(', ')}. The patient was told to get urgent care.${others}` });
  }
  if (r.h_date !== null && r.h_before !== null && r.h_after !== null) {
    const sessions = r.h_sessions ?? 1;
    const more = sessions > 1 ? ` (${plural(sessions, 'session')} like this in the last 7 days)` : '';
    found.push({
      kind: 'session_hurts',
      date: r.h_date,
      reason: `This stretch hurts: pain went from ${r.h_before} to ${r.h_after} during ${r.h_name ?? 'a stretch'} on ${day(r.h_date)}${more}.`,
    });
  }
  if (r.pain_change === 'worsening' && r.baseline !== null && r.current !== null) {
    found.push({
      kind: 'pain_worsening',
      date: r.today,
      reason: `Pain is worse: ${points(r.current)} on average over the last 7 days, up from ${points(r.baseline)} when the plan started.`,
    });
  }
  if (r.sched7 >= LOW_ADHERENCE_MIN_SCHEDULED_DAYS && r.exp7 > 0 && 2 * r.done7 < r.exp7) {
    const percent = Math.floor((r.done7 / r.exp7) * 100);
    found.push({
      kind: 'low_adherence',
      date: addDay(r.today, -1),
      reason: `Low adherence: ${r.done7} of ${plural(r.exp7, 'scheduled session')} done in the last 7 days (${percent} %).`,
    });
  }
  const missed = [...(r.missed_days ?? [])].sort();
  const oldest = missed[0];
  const latest = missed.at(-1);
  if (r.missed_n >= MISSED_SCHEDULED_DAYS && oldest !== undefined && latest !== undefined) {
    const when = r.missed_n === MISSED_SCHEDULED_DAYS ? `(${missed.map(day).join(', ')})` : `(since ${day(oldest)})`;
    found.push({ kind: 'missed_days', date: latest, reason: `No session logged on the last ${r.missed_n} scheduled days ${when}.` });
  }
  return found.sort(compareAlerts).map((a) => ({ kind: CONTRACT_KIND[a.kind], reason: a.reason, date: a.date }));
}

function toRosterRow(r: RosterSqlRow): RosterRow {
  return {
    patientId: r.patient_id,
    name: r.name,
    therapistName: r.therapist_name,
    planTitle: r.plan_title,
    adherence7: ratio(r.done7, r.exp7),
    adherence30: ratio(r.done30, r.exp30),
    painBaseline: r.baseline,
    painNow: r.current,
    painChange: r.pain_change,
    readingCompletion: ratio(r.reading_done, r.reading_due),
    lastActivity: r.last_activity,
    monitoringDays: r.monitoring_days,
    alerts: alertsOf(r),
  };
}

function rosterScopeOf(viewer: Viewer): MetricsScope | null {
  if (!isClinician(viewer.role)) return null;
  return viewer.role === 'admin' ? { clinicId: viewer.clinicId } : { clinicId: viewer.clinicId, therapistId: viewer.userId };
}

/**
 * The roster rows of one scope. Memoised per request (React cache): the caseload page asks for the roster
 * and the summary at once, and the summary is bucketed from the same rows instead of a second run of the
 * roster statement (which would double the page's database work). Outside a request it runs every time.
 */
const rosterRowsOf = cache(async (clinicId: string, therapistId: string | undefined): Promise<RosterSqlRow[]> => {
  const [rows = []] = await readMetrics<RosterSqlRow>([rosterQuery(therapistId === undefined ? { clinicId } : { clinicId, therapistId })]);
  return rows;
});

/** Therapist: the patients in their care. Admin: every patient of the clinic. Patient: null. One audit row. */
export async function listRoster(viewer: Viewer): Promise<RosterRow[] | null> {
  const db = getDb();
  const scope = rosterScopeOf(viewer);
  if (!scope) {
    await recordAudit(db, actorOf(viewer), { action: 'roster.view', outcome: 'denied', detail: { reason: 'role' } });
    return null;
  }
  const rows = await rosterRowsOf(scope.clinicId, scope.therapistId);
  await recordAudit(db, actorOf(viewer), { action: 'roster.view', outcome: 'allowed', detail: { patients: rows.length } });
  return rows.map(toRosterRow);
}

export const ADHERENCE_BUCKETS = ['0–25 %', '25–50 %', '50–75 %', '75–100 %', 'no data'] as const;

/** The bucket of an adherence-30 Σdone / Σexpected, in integers (no rounding at the edges). */
function adherenceBucket(done: number, expected: number): number {
  if (expected <= 0) return 4;
  if (4 * done < expected) return 0;
  if (2 * done < expected) return 1;
  if (4 * done < 3 * expected) return 2;
  return 3;
}

/**
 * Adherence-30 buckets and pain change counts over the viewer's roster (a therapist: their caseload;
 * an admin: the clinic), so a therapist never learns numbers about patients outside their care.
 */
export async function getClinicSummary(viewer: Viewer): Promise<ClinicSummary | null> {
  const db = getDb();
  const scope = rosterScopeOf(viewer);
  if (!scope) {
    await recordAudit(db, actorOf(viewer), { action: 'clinic.summary', outcome: 'denied', detail: { reason: 'role' } });
    return null;
  }
  const rows = await rosterRowsOf(scope.clinicId, scope.therapistId);
  await recordAudit(db, actorOf(viewer), { action: 'clinic.summary', outcome: 'allowed', detail: { patients: rows.length } });
  const counts = [0, 0, 0, 0, 0];
  const painChange: ClinicSummary['painChange'] = { improving: 0, stable: 0, worsening: 0, 'no data': 0 };
  for (const r of rows) {
    const b = adherenceBucket(r.done30, r.exp30);
    counts[b] = (counts[b] ?? 0) + 1;
    painChange[r.pain_change ?? 'no data']++;
  }
  return { adherenceDistribution: ADHERENCE_BUCKETS.map((bucket, i) => ({ bucket, patients: counts[i] ?? 0 })), painChange };
}

/** The scope of one patient's series for this viewer (the care relationship goes into the WHERE clause too). */
function seriesScopeOf(viewer: Viewer, patientId: string): MetricsScope & { patientId: string } {
  if (viewer.role === 'therapist') return { clinicId: viewer.clinicId, therapistId: viewer.userId, patientId };
  if (viewer.role === 'patient') return { clinicId: viewer.clinicId, patientId: viewer.userId };
  return { clinicId: viewer.clinicId, patientId };
}

/** One patient's charts: clinicians in care, or the patient themself; else null (404, audited). */
export async function getPatientSeries(viewer: Viewer, patientId: string, range: SeriesRange): Promise<PatientSeries | null> {
  const db = getDb();
  const patient = await findPatientInScope(db, viewer, patientId, 'patient.series');
  if (!patient) return null;
  if (!SERIES_RANGES.includes(range)) {
    await recordAudit(db, actorOf(viewer), { action: 'patient.series', outcome: 'denied', patientId: patient.id, detail: { reason: 'bad_range' } });
    return null;
  }
  const scope = seriesScopeOf(viewer, patient.id);
  const [roster = [], series = []] = await readMetrics<RosterSqlRow | SeriesSqlRow>([rosterQuery(scope), seriesQuery(scope, range)]);
  const r = roster[0] as RosterSqlRow | undefined;
  const s = series[0] as SeriesSqlRow | undefined;
  if (!r || !s) {
    // Found in scope a moment ago but not now (moved to another therapist in between): treat as not found.
    await recordAudit(db, actorOf(viewer), { action: 'patient.series', outcome: 'denied', patientId: patient.id, detail: { reason: 'not_in_scope' } });
    return null;
  }
  await recordAudit(db, actorOf(viewer), { action: 'patient.series', outcome: 'allowed', patientId: patient.id, clinicId: patient.clinicId, detail: { range } });
  return {
    patientId: patient.id,
    range,
    from: s.r_from,
    today: s.today,
    weeklyAdherence: s.weekly.map((w) => ({ weekStart: w.weekStart, value: ratio(w.done, w.expected), done: w.done, expected: w.expected, isPartial: w.isPartial })),
    todaySoFar: { done: Number(s.today_so_far.done), expected: Number(s.today_so_far.expected) },
    perItem: s.per_item.map((i) => ({ itemKey: i.itemKey, exerciseName: i.exerciseName, value: ratio(i.done, i.expected), done: i.done, expected: i.expected })),
    dailyPain: s.daily_pain.map(([date, pain, sum7, n7]) => ({ date, pain, mean7: n7 > 0 && sum7 !== null ? sum7 / n7 : null })),
    painBaseline: r.baseline,
    painNow: r.current,
    painChange: r.pain_change,
    painAroundSessions: s.around.map(([date, before, after, pairs]) => ({ date, before: before / pairs, after: after / pairs })),
    revisions: s.revisions.map((v) => ({ date: v.date, revision: v.revision, summary: v.summary })),
    reading: s.reading.map((x) => ({ title: x.title, state: x.state, dueDate: x.dueDate })),
    readingCompletion: ratio(r.reading_done, r.reading_due),
    monitoringDays: r.monitoring_days,
    alerts: alertsOf(r),
  };
}

