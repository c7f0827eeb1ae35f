CREATE TABLE "patient_days" (
	"patient_id" uuid NOT NULL,
	"local_date" date NOT NULL,
	"clinic_id" uuid NOT NULL,
	"expected" integer NOT NULL,
	"done" integer NOT NULL,
	"logs" integer NOT NULL,
	"pain" smallint,
	"red_flag" boolean NOT NULL,
	"pain_pairs" integer NOT NULL,
	"pain_before_sum" integer NOT NULL,
	"pain_after_sum" integer NOT NULL,
	"hurts" integer NOT NULL,
	CONSTRAINT "patient_days_patient_id_local_date_pk" PRIMARY KEY("patient_id","local_date"),
	CONSTRAINT "patient_days_counts" CHECK ("patient_days"."expected" >= 0 and "patient_days"."done" between 0 and "patient_days"."expected" and "patient_days"."logs" >= 0 and "patient_days"."hurts" >= 0 and "patient_days"."pain_pairs" >= 0)
);
--> statement-breakpoint
ALTER TABLE "patient_days" ADD CONSTRAINT "patient_days_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_days" ADD CONSTRAINT "patient_days_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
-- patient_days is a rollup of session_logs and pain_check_ins by patient and local day, with the day's
-- expected sessions and capped done sessions under the plans in force (the same rules as lib/metrics
-- and lib/dal/metrics.ts). It is kept up to date by the triggers below, in the writing transaction.
-- patient_days_refresh(patients, froms, tos) recomputes every row of each patient in [from, to] (to null:
-- no end) from the source tables: rows are deleted and the days with activity inserted again.
CREATE OR REPLACE FUNCTION patient_days_refresh(p_patient uuid[], p_from date[], p_to date[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  many boolean;
  nestloop text := current_setting('enable_nestloop');
BEGIN
  IF coalesce(cardinality(p_patient), 0) = 0 THEN
    RETURN;
  END IF;
  -- One refresh per patient at a time, in a stable order (no deadlocks between multi-patient refreshes).
  -- The statements below take a new snapshot (READ COMMITTED), so a refresh that waited here sees the
  -- rows the other writer committed: concurrent logs of one patient and day never undercount.
  many := (SELECT count(DISTINCT u.pid) FROM unnest(p_patient) u(pid)) > 20;
  IF (SELECT count(DISTINCT u.pid) FROM unnest(p_patient) u(pid)) <= 1000 THEN
    PERFORM pg_advisory_xact_lock(1952804, hashtext(x.pid::text))
      FROM (SELECT DISTINCT u.pid FROM unnest(p_patient) u(pid) ORDER BY 1) x;
  ELSE
    -- A bulk refresh (the backfill): one table lock rather than thousands of advisory locks.
    LOCK TABLE patient_days IN SHARE ROW EXCLUSIVE MODE;
  END IF;

  -- Many patients at once (a bulk load, the backfill): hash joins, whatever the statistics of freshly loaded tables
  -- say (nested loops over misestimated sets go quadratic). Restored below.
  IF many THEN
    PERFORM set_config('enable_nestloop', 'off', true);
  END IF;

  -- Dynamic SQL: planned afresh on every call (a plan cached for one patient would be wrong for thousands, and the reverse).
  EXECUTE $q$
  DELETE FROM patient_days d
  USING (
    SELECT u.patient_id, min(u.d_from) AS d_from, CASE WHEN bool_or(u.d_to IS NULL) THEN NULL ELSE max(u.d_to) END AS d_to
    FROM unnest($1, $2, $3) u(patient_id, d_from, d_to) GROUP BY u.patient_id
  ) r
  WHERE d.patient_id = r.patient_id AND d.local_date >= r.d_from AND (r.d_to IS NULL OR d.local_date <= r.d_to)
  $q$ USING p_patient, p_from, p_to;

  EXECUTE $q$
  INSERT INTO patient_days (patient_id, local_date, clinic_id, expected, done, logs, pain, red_flag, pain_pairs, pain_before_sum, pain_after_sum, hurts)
  WITH r AS (
    SELECT u.patient_id, min(u.d_from) AS d_from, CASE WHEN bool_or(u.d_to IS NULL) THEN NULL ELSE max(u.d_to) END AS d_to
    FROM unnest($1, $2, $3) u(patient_id, d_from, d_to) GROUP BY u.patient_id
  ),
  lg AS ( -- live logs per item-day
    SELECT l.patient_id, l.local_date, it.plan_id, it.item_key, count(*)::int AS n,
      count(*) FILTER (WHERE l.pain_before IS NOT NULL AND l.pain_after IS NOT NULL)::int AS pairs,
      coalesce(sum(l.pain_before) FILTER (WHERE l.pain_after IS NOT NULL), 0)::int AS pb,
      coalesce(sum(l.pain_after) FILTER (WHERE l.pain_before IS NOT NULL), 0)::int AS pa,
      count(*) FILTER (WHERE l.pain_after - l.pain_before >= 3)::int AS hurts
    FROM r
    JOIN session_logs l ON l.patient_id = r.patient_id AND l.local_date >= r.d_from AND (r.d_to IS NULL OR l.local_date <= r.d_to) AND l.undone_at IS NULL
    JOIN plan_items it ON it.id = l.plan_item_id
    GROUP BY 1, 2, 3, 4
  ),
  ci AS (
    SELECT c.patient_id, c.local_date, c.pain, jsonb_array_length(c.red_flags) > 0 AS red
    FROM r JOIN pain_check_ins c ON c.patient_id = r.patient_id AND c.local_date >= r.d_from AND (r.d_to IS NULL OR c.local_date <= r.d_to)
  ),
  days AS (
    SELECT patient_id, local_date FROM lg UNION SELECT patient_id, local_date FROM ci
  ),
  pl AS (
    SELECT p.id AS plan_id, p.patient_id, p.start_date, p.end_date FROM plans p WHERE p.patient_id IN (SELECT patient_id FROM r)
  ),
  -- A plan's days cut at every status-change and revision effective date: status and revision are constant within a segment.
  points AS (
    SELECT pl.plan_id, pl.end_date, pt.c
    FROM pl CROSS JOIN LATERAL (
      SELECT pl.start_date AS c
      UNION SELECT st.effective_date FROM plan_status_changes st WHERE st.plan_id = pl.plan_id AND st.effective_date > pl.start_date
      UNION SELECT rv.effective_date FROM plan_revisions rv WHERE rv.plan_id = pl.plan_id AND rv.effective_date > pl.start_date
    ) pt
  ),
  segs AS (
    SELECT plan_id, c, coalesce(least(lead(c) OVER (PARTITION BY plan_id ORDER BY c) - 1, end_date), lead(c) OVER (PARTITION BY plan_id ORDER BY c) - 1, end_date) AS c_to
    FROM points
  ),
  seg_state AS (
    SELECT sg.plan_id, sg.c AS s_from, sg.c_to AS s_to,
      coalesce((SELECT st.status FROM plan_status_changes st WHERE st.plan_id = sg.plan_id AND st.effective_date <= sg.c
                ORDER BY st.changed_at DESC, st.id DESC LIMIT 1), 'active') AS status,
      (SELECT rv.id FROM plan_revisions rv WHERE rv.plan_id = sg.plan_id AND rv.effective_date <= sg.c ORDER BY rv.revision DESC LIMIT 1) AS revision_id
    FROM segs sg
    WHERE sg.c_to IS NULL OR sg.c <= sg.c_to
  ),
  ex AS ( -- expected per item-day, on the days with activity
    SELECT d.patient_id, d.local_date, pl.plan_id, it.item_key, it.sessions_per_day::int AS expected
    FROM days d
    JOIN pl ON pl.patient_id = d.patient_id
    JOIN seg_state s ON s.plan_id = pl.plan_id AND d.local_date >= s.s_from AND (s.s_to IS NULL OR d.local_date <= s.s_to) AND s.status = 'active'
    JOIN plan_items it ON it.revision_id = s.revision_id AND it.sessions_per_day > 0 AND extract(isodow FROM d.local_date)::int = ANY (it.days_of_week)
  ),
  -- Item-days, then days, by aggregation rather than joins (no plan can turn them quadratic).
  item_day AS (
    SELECT x.patient_id, x.local_date, sum(x.expected)::int AS expected, least(sum(x.n), sum(x.expected))::int AS done, sum(x.n)::int AS logs,
      sum(x.pairs)::int AS pairs, sum(x.pb)::int AS pb, sum(x.pa)::int AS pa, sum(x.hurts)::int AS hurts
    FROM (
      SELECT patient_id, local_date, plan_id, item_key, expected, 0 AS n, 0 AS pairs, 0 AS pb, 0 AS pa, 0 AS hurts FROM ex
      UNION ALL SELECT patient_id, local_date, plan_id, item_key, 0, n, pairs, pb, pa, hurts FROM lg
    ) x
    GROUP BY x.patient_id, x.local_date, x.plan_id, x.item_key
  ),
  per_day AS (
    SELECT y.patient_id, y.local_date, sum(y.expected)::int AS expected, sum(y.done)::int AS done, sum(y.logs)::int AS logs, max(y.pain) AS pain,
      bool_or(y.red) AS red, sum(y.pairs)::int AS pairs, sum(y.pb)::int AS pb, sum(y.pa)::int AS pa, sum(y.hurts)::int AS hurts
    FROM (
      SELECT patient_id, local_date, expected, done, logs, NULL::smallint AS pain, false AS red, pairs, pb, pa, hurts FROM item_day
      UNION ALL SELECT patient_id, local_date, 0, 0, 0, pain, red, 0, 0, 0, 0 FROM ci
    ) y
    GROUP BY y.patient_id, y.local_date
  )
  SELECT d.patient_id, d.local_date, (SELECT p.clinic_id FROM patients p WHERE p.id = d.patient_id), d.expected, d.done, d.logs, d.pain, d.red,
    d.pairs, d.pb, d.pa, d.hurts
  FROM per_day d
  ON CONFLICT (patient_id, local_date) DO UPDATE SET clinic_id = excluded.clinic_id, expected = excluded.expected, done = excluded.done, logs = excluded.logs,
    pain = excluded.pain, red_flag = excluded.red_flag, pain_pairs = excluded.pain_pairs, pain_before_sum = excluded.pain_before_sum,
    pain_after_sum = excluded.pain_after_sum, hurts = excluded.hurts
  $q$ USING p_patient, p_from, p_to;
  IF many THEN
    PERFORM set_config('enable_nestloop', nestloop, true);
  END IF;
END;
$$;
--> statement-breakpoint
-- Session logs and check-ins: the days of the written rows (old and new versions).
CREATE OR REPLACE FUNCTION patient_days_on_activity() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ps uuid[];
  fs date[];
  ts date[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(patient_id), array_agg(d_from), array_agg(d_to) INTO ps, fs, ts
    FROM (SELECT patient_id, min(local_date) AS d_from, max(local_date) AS d_to FROM new_rows GROUP BY 1) x;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(patient_id), array_agg(d_from), array_agg(d_to) INTO ps, fs, ts
    FROM (SELECT patient_id, min(local_date) AS d_from, max(local_date) AS d_to
          FROM (SELECT patient_id, local_date FROM new_rows UNION ALL SELECT patient_id, local_date FROM old_rows) y GROUP BY 1) x;
  ELSE
    SELECT array_agg(patient_id), array_agg(d_from), array_agg(d_to) INTO ps, fs, ts
    FROM (SELECT patient_id, min(local_date) AS d_from, max(local_date) AS d_to FROM old_rows GROUP BY 1) x;
  END IF;
  PERFORM patient_days_refresh(ps, fs, ts);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER patient_days_session_logs_insert AFTER INSERT ON session_logs REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION patient_days_on_activity();
--> statement-breakpoint
CREATE TRIGGER patient_days_session_logs_update AFTER UPDATE ON session_logs REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION patient_days_on_activity();
--> statement-breakpoint
CREATE TRIGGER patient_days_session_logs_delete AFTER DELETE ON session_logs REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION patient_days_on_activity();
--> statement-breakpoint
CREATE TRIGGER patient_days_check_ins_insert AFTER INSERT ON pain_check_ins REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION patient_days_on_activity();
--> statement-breakpoint
CREATE TRIGGER patient_days_check_ins_update AFTER UPDATE ON pain_check_ins REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION patient_days_on_activity();
--> statement-breakpoint
CREATE TRIGGER patient_days_check_ins_delete AFTER DELETE ON pain_check_ins REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION patient_days_on_activity();
--> statement-breakpoint
-- Plans and their history: every day of the patient from the earliest date the change can affect on.
-- plans: either start date (moving the start or the end changes the plan's days); revisions and status
-- changes: their effective date; items: their revision's effective date (else the plan's start).
CREATE OR REPLACE FUNCTION patient_days_on_plans() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ps uuid[];
  fs date[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(patient_id), array_agg(d) INTO ps, fs FROM (SELECT patient_id, min(start_date) AS d FROM new_rows GROUP BY 1) x;
  ELSIF TG_OP = 'UPDATE' THEN
    -- Only the dates shape the days (a status lives in plan_status_changes): other updates refresh nothing.
    SELECT array_agg(patient_id), array_agg(d) INTO ps, fs
    FROM (SELECT y.patient_id, min(y.start_date) AS d
          FROM new_rows n JOIN old_rows o ON o.id = n.id
          CROSS JOIN LATERAL (VALUES (n.patient_id, n.start_date), (o.patient_id, o.start_date)) y(patient_id, start_date)
          WHERE (n.start_date, n.end_date, n.patient_id) IS DISTINCT FROM (o.start_date, o.end_date, o.patient_id)
          GROUP BY 1) x;
  ELSE
    SELECT array_agg(patient_id), array_agg(d) INTO ps, fs FROM (SELECT patient_id, min(start_date) AS d FROM old_rows GROUP BY 1) x;
  END IF;
  PERFORM patient_days_refresh(ps, fs, array_fill(NULL::date, ARRAY[coalesce(cardinality(ps), 0)]));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION patient_days_on_plan_history() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ps uuid[];
  fs date[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(patient_id), array_agg(d) INTO ps, fs
    FROM (SELECT p.patient_id, min(least(x.effective_date, p.start_date)) AS d FROM new_rows x JOIN plans p ON p.id = x.plan_id GROUP BY 1) z;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(patient_id), array_agg(d) INTO ps, fs
    FROM (SELECT p.patient_id, min(least(x.effective_date, p.start_date)) AS d
          FROM (SELECT plan_id, effective_date FROM new_rows UNION ALL SELECT plan_id, effective_date FROM old_rows) x JOIN plans p ON p.id = x.plan_id GROUP BY 1) z;
  ELSE
    SELECT array_agg(patient_id), array_agg(d) INTO ps, fs
    FROM (SELECT p.patient_id, min(least(x.effective_date, p.start_date)) AS d FROM old_rows x JOIN plans p ON p.id = x.plan_id GROUP BY 1) z;
  END IF;
  PERFORM patient_days_refresh(ps, fs, array_fill(NULL::date, ARRAY[coalesce(cardinality(ps), 0)]));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION patient_days_on_plan_items() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ps uuid[];
  fs date[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(patient_id), array_agg(d) INTO ps, fs
    FROM (SELECT p.patient_id, min(least(coalesce(rv.effective_date, p.start_date), p.start_date)) AS d
          FROM new_rows x JOIN plans p ON p.id = x.plan_id LEFT JOIN plan_revisions rv ON rv.id = x.revision_id GROUP BY 1) z;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(patient_id), array_agg(d) INTO ps, fs
    FROM (SELECT p.patient_id, min(least(coalesce(rv.effective_date, p.start_date), p.start_date)) AS d
          FROM (SELECT plan_id, revision_id FROM new_rows UNION ALL SELECT plan_id, revision_id FROM old_rows) x
          JOIN plans p ON p.id = x.plan_id LEFT JOIN plan_revisions rv ON rv.id = x.revision_id GROUP BY 1) z;
  ELSE
    SELECT array_agg(patient_id), array_agg(d) INTO ps, fs
    FROM (SELECT p.patient_id, min(least(coalesce(rv.effective_date, p.start_date), p.start_date)) AS d
          FROM old_rows x JOIN plans p ON p.id = x.plan_id LEFT JOIN plan_revisions rv ON rv.id = x.revision_id GROUP BY 1) z;
  END IF;
  PERFORM patient_days_refresh(ps, fs, array_fill(NULL::date, ARRAY[coalesce(cardinality(ps), 0)]));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER patient_days_plans_insert AFTER INSERT ON plans REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION patient_days_on_plans();
--> statement-breakpoint
CREATE TRIGGER patient_days_plans_update AFTER UPDATE ON plans REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION patient_days_on_plans();
--> statement-breakpoint
CREATE TRIGGER patient_days_plans_delete AFTER DELETE ON plans REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION patient_days_on_plans();
--> statement-breakpoint
CREATE TRIGGER patient_days_plan_revisions_insert AFTER INSERT ON plan_revisions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION patient_days_on_plan_history();
--> statement-breakpoint
CREATE TRIGGER patient_days_plan_revisions_update AFTER UPDATE ON plan_revisions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION patient_days_on_plan_history();
--> statement-breakpoint
CREATE TRIGGER patient_days_plan_revisions_delete AFTER DELETE ON plan_revisions REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION patient_days_on_plan_history();
--> statement-breakpoint
CREATE TRIGGER patient_days_plan_status_changes_insert AFTER INSERT ON plan_status_changes REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION patient_days_on_plan_history();
--> statement-breakpoint
CREATE TRIGGER patient_days_plan_status_changes_update AFTER UPDATE ON plan_status_changes REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION patient_days_on_plan_history();
--> statement-breakpoint
CREATE TRIGGER patient_days_plan_status_changes_delete AFTER DELETE ON plan_status_changes REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION patient_days_on_plan_history();
--> statement-breakpoint
CREATE TRIGGER patient_days_plan_items_insert AFTER INSERT ON plan_items REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION patient_days_on_plan_items();
--> statement-breakpoint
CREATE TRIGGER patient_days_plan_items_update AFTER UPDATE ON plan_items REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION patient_days_on_plan_items();
--> statement-breakpoint
CREATE TRIGGER patient_days_plan_items_delete AFTER DELETE ON plan_items REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION patient_days_on_plan_items();
--> statement-breakpoint
-- Backfill: every patient, every day.
SELECT patient_days_refresh(array_agg(id), array_fill('-infinity'::date, ARRAY[count(*)::int]), array_fill(NULL::date, ARRAY[count(*)::int])) FROM patients;
