CREATE TYPE "public"."audit_outcome" AS ENUM('allowed', 'denied', 'failed');--> statement-breakpoint
CREATE TYPE "public"."difficulty" AS ENUM('too_easy', 'about_right', 'too_hard');--> statement-breakpoint
CREATE TYPE "public"."exercise_kind" AS ENUM('stretch', 'myofascial_release', 'mobility', 'strengthening');--> statement-breakpoint
CREATE TYPE "public"."plan_status" AS ENUM('active', 'paused', 'completed', 'archived');--> statement-breakpoint
CREATE TYPE "public"."reading_state" AS ENUM('assigned', 'opened', 'read', 'understood');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('patient', 'therapist', 'admin');--> statement-breakpoint
CREATE TYPE "public"."side" AS ENUM('both', 'left', 'right', 'none');--> statement-breakpoint
CREATE TABLE "clinics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clinics_slug_format" CHECK ("clinics"."slug" ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
	CONSTRAINT "clinics_name_length" CHECK (char_length("clinics"."name") between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "auth_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"clinic_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone DEFAULT now() + interval '12 hours' NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	"source_ip" "inet",
	CONSTRAINT "auth_sessions_revoked_reason" CHECK ("auth_sessions"."revoked_reason" is null or "auth_sessions"."revoked_reason" in ('sign_out', 'disabled', 'password_changed', 'idle', 'expired', 'admin'))
);
--> statement-breakpoint
CREATE TABLE "sign_in_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"user_id" uuid,
	"source_ip" "inet",
	"succeeded" boolean NOT NULL,
	"reason" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sign_in_attempts_reason" CHECK ("sign_in_attempts"."reason" is null or "sign_in_attempts"."reason" in ('bad_credentials', 'disabled', 'locked', 'invalid_input'))
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "role" NOT NULL,
	"password_hash" text,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_lowercase" CHECK ("users"."email" = lower("users"."email") and "users"."email" like '%_@_%'),
	CONSTRAINT "users_name_length" CHECK (char_length("users"."name") between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "patients" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"primary_therapist_id" uuid NOT NULL,
	"time_zone" text NOT NULL,
	"condition_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patients_time_zone_format" CHECK ("patients"."time_zone" ~ '^[A-Za-z_]+(/[A-Za-z0-9_+-]+){0,2}$' or "patients"."time_zone" = 'UTC'),
	CONSTRAINT "patients_condition_note_length" CHECK ("patients"."condition_note" is null or char_length("patients"."condition_note") <= 500)
);
--> statement-breakpoint
CREATE TABLE "article_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"article_version_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"prompt" text NOT NULL,
	"choices" jsonb NOT NULL,
	"correct_index" smallint NOT NULL,
	"explanation" text NOT NULL,
	CONSTRAINT "article_questions_choices" CHECK (jsonb_typeof("article_questions"."choices") = 'array' and jsonb_array_length("article_questions"."choices") between 2 and 6),
	CONSTRAINT "article_questions_correct_index" CHECK ("article_questions"."correct_index" >= 0 and "article_questions"."correct_index" < jsonb_array_length("article_questions"."choices"))
);
--> statement-breakpoint
CREATE TABLE "article_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"article_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body_markdown" text NOT NULL,
	"takeaways" jsonb NOT NULL,
	"tissues" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reading_minutes" smallint NOT NULL,
	"reading_grade" numeric(4, 1) NOT NULL,
	"word_count" integer NOT NULL,
	"content_hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "article_versions_version_positive" CHECK ("article_versions"."version" >= 1),
	CONSTRAINT "article_versions_reading_minutes" CHECK ("article_versions"."reading_minutes" between 1 and 120),
	CONSTRAINT "article_versions_title_length" CHECK (char_length("article_versions"."title") between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "articles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid,
	"slug" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	CONSTRAINT "articles_slug_format" CHECK ("articles"."slug" ~ '^[a-z0-9][a-z0-9-]{1,100}$')
);
--> statement-breakpoint
CREATE TABLE "exercises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" "exercise_kind" NOT NULL,
	"targets" jsonb NOT NULL,
	"equipment" jsonb NOT NULL,
	"steps" jsonb NOT NULL,
	"feel" text NOT NULL,
	"cautions" jsonb NOT NULL,
	"stop_if" jsonb NOT NULL,
	"about_markdown" text DEFAULT '' NOT NULL,
	"default_sets" smallint NOT NULL,
	"default_reps" smallint NOT NULL,
	"default_hold_seconds" smallint NOT NULL,
	"default_rest_seconds" smallint NOT NULL,
	"default_side" "side" NOT NULL,
	"illustration" text,
	"illustration_alt" text,
	"content_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exercises_default_sets" CHECK ("exercises"."default_sets" between 1 and 20),
	CONSTRAINT "exercises_default_reps" CHECK ("exercises"."default_reps" between 1 and 50),
	CONSTRAINT "exercises_default_hold" CHECK ("exercises"."default_hold_seconds" between 0 and 300),
	CONSTRAINT "exercises_default_rest" CHECK ("exercises"."default_rest_seconds" between 0 and 300)
);
--> statement-breakpoint
CREATE TABLE "plan_template_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"template_id" uuid NOT NULL,
	"exercise_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"sets" smallint NOT NULL,
	"reps" smallint NOT NULL,
	"hold_seconds" smallint NOT NULL,
	"side" "side" NOT NULL,
	"sessions_per_day" smallint NOT NULL,
	"days_of_week" smallint[] NOT NULL,
	CONSTRAINT "plan_template_items_sets" CHECK ("plan_template_items"."sets" between 1 and 20),
	CONSTRAINT "plan_template_items_reps" CHECK ("plan_template_items"."reps" between 1 and 50),
	CONSTRAINT "plan_template_items_hold" CHECK ("plan_template_items"."hold_seconds" between 0 and 300),
	CONSTRAINT "plan_template_items_sessions" CHECK ("plan_template_items"."sessions_per_day" between 1 and 6),
	CONSTRAINT "plan_template_items_days" CHECK (cardinality("plan_template_items"."days_of_week") between 1 and 7 and "plan_template_items"."days_of_week" <@ array[1,2,3,4,5,6,7]::smallint[])
);
--> statement-breakpoint
CREATE TABLE "plan_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"purpose" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "plan_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"revision_id" uuid NOT NULL,
	"item_key" uuid NOT NULL,
	"exercise_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"sets" smallint NOT NULL,
	"reps" smallint NOT NULL,
	"hold_seconds" smallint NOT NULL,
	"side" "side" NOT NULL,
	"sessions_per_day" smallint NOT NULL,
	"days_of_week" smallint[] NOT NULL,
	CONSTRAINT "plan_items_sets" CHECK ("plan_items"."sets" between 1 and 20),
	CONSTRAINT "plan_items_reps" CHECK ("plan_items"."reps" between 1 and 50),
	CONSTRAINT "plan_items_hold" CHECK ("plan_items"."hold_seconds" between 0 and 300),
	CONSTRAINT "plan_items_sessions" CHECK ("plan_items"."sessions_per_day" between 1 and 6),
	CONSTRAINT "plan_items_days" CHECK (cardinality("plan_items"."days_of_week") between 1 and 7 and "plan_items"."days_of_week" <@ array[1,2,3,4,5,6,7]::smallint[])
);
--> statement-breakpoint
CREATE TABLE "plan_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"effective_date" date NOT NULL,
	"summary" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_revisions_revision_positive" CHECK ("plan_revisions"."revision" >= 1)
);
--> statement-breakpoint
CREATE TABLE "plan_status_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"status" "plan_status" NOT NULL,
	"effective_date" date NOT NULL,
	"changed_by" uuid NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"therapist_id" uuid NOT NULL,
	"template_id" uuid,
	"title" text NOT NULL,
	"note_to_patient" text,
	"start_date" date NOT NULL,
	"end_date" date,
	"status" "plan_status" DEFAULT 'active' NOT NULL,
	"current_revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_dates" CHECK ("plans"."end_date" is null or "plans"."end_date" >= "plans"."start_date"),
	CONSTRAINT "plans_title_length" CHECK (char_length("plans"."title") between 1 and 200),
	CONSTRAINT "plans_note_length" CHECK ("plans"."note_to_patient" is null or char_length("plans"."note_to_patient") <= 2000)
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"actor_role" text,
	"clinic_id" uuid,
	"patient_id" uuid,
	"action" text NOT NULL,
	"outcome" "audit_outcome" NOT NULL,
	"source_ip" text,
	"request_id" text,
	"detail" jsonb,
	CONSTRAINT "audit_events_action_format" CHECK ("audit_events"."action" ~ '^[a-z_]+\.[a-z_.]+$')
);
--> statement-breakpoint
CREATE TABLE "pain_check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"local_date" date NOT NULL,
	"pain" smallint NOT NULL,
	"body_area" text,
	"note" text,
	"red_flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pain_check_ins_pain" CHECK ("pain_check_ins"."pain" between 0 and 10),
	CONSTRAINT "pain_check_ins_red_flags" CHECK (jsonb_typeof("pain_check_ins"."red_flags") = 'array'),
	CONSTRAINT "pain_check_ins_note_length" CHECK ("pain_check_ins"."note" is null or char_length("pain_check_ins"."note") <= 1000)
);
--> statement-breakpoint
CREATE TABLE "reading_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"chosen_index" smallint NOT NULL,
	"is_correct" boolean NOT NULL,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reading_answers_chosen_index" CHECK ("reading_answers"."chosen_index" >= 0)
);
--> statement-breakpoint
CREATE TABLE "reading_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"article_id" uuid NOT NULL,
	"article_version_id" uuid NOT NULL,
	"assigned_by" uuid NOT NULL,
	"due_date" date,
	"state" "reading_state" DEFAULT 'assigned' NOT NULL,
	"opened_at" timestamp with time zone,
	"read_at" timestamp with time zone,
	"understood_at" timestamp with time zone,
	"seconds_spent" integer DEFAULT 0 NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone,
	CONSTRAINT "reading_assignments_seconds" CHECK ("reading_assignments"."seconds_spent" >= 0)
);
--> statement-breakpoint
CREATE TABLE "session_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"plan_item_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"local_date" date NOT NULL,
	"logged_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sets_done" smallint NOT NULL,
	"pain_before" smallint,
	"pain_after" smallint,
	"difficulty" "difficulty",
	"note" text,
	"request_hash" text NOT NULL,
	"undone_at" timestamp with time zone,
	CONSTRAINT "session_logs_sets_done" CHECK ("session_logs"."sets_done" between 1 and 20),
	CONSTRAINT "session_logs_pain_before" CHECK ("session_logs"."pain_before" is null or "session_logs"."pain_before" between 0 and 10),
	CONSTRAINT "session_logs_pain_after" CHECK ("session_logs"."pain_after" is null or "session_logs"."pain_after" between 0 and 10),
	CONSTRAINT "session_logs_note_length" CHECK ("session_logs"."note" is null or char_length("session_logs"."note") <= 1000)
);
--> statement-breakpoint
ALTER TABLE "auth_sessions" ADD CONSTRAINT "auth_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_sessions" ADD CONSTRAINT "auth_sessions_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_in_attempts" ADD CONSTRAINT "sign_in_attempts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_id_users_id_fk" FOREIGN KEY ("id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_primary_therapist_id_users_id_fk" FOREIGN KEY ("primary_therapist_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_questions" ADD CONSTRAINT "article_questions_article_version_id_article_versions_id_fk" FOREIGN KEY ("article_version_id") REFERENCES "public"."article_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_versions" ADD CONSTRAINT "article_versions_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_versions" ADD CONSTRAINT "article_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercises" ADD CONSTRAINT "exercises_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_template_items" ADD CONSTRAINT "plan_template_items_template_id_plan_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."plan_templates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_template_items" ADD CONSTRAINT "plan_template_items_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_templates" ADD CONSTRAINT "plan_templates_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_templates" ADD CONSTRAINT "plan_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_revision_id_plan_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."plan_revisions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_revisions" ADD CONSTRAINT "plan_revisions_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_revisions" ADD CONSTRAINT "plan_revisions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_revisions" ADD CONSTRAINT "plan_revisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_status_changes" ADD CONSTRAINT "plan_status_changes_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_status_changes" ADD CONSTRAINT "plan_status_changes_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_status_changes" ADD CONSTRAINT "plan_status_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_therapist_id_users_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_template_id_plan_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."plan_templates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pain_check_ins" ADD CONSTRAINT "pain_check_ins_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pain_check_ins" ADD CONSTRAINT "pain_check_ins_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reading_answers" ADD CONSTRAINT "reading_answers_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reading_answers" ADD CONSTRAINT "reading_answers_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reading_answers" ADD CONSTRAINT "reading_answers_assignment_id_reading_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."reading_assignments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reading_answers" ADD CONSTRAINT "reading_answers_question_id_article_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."article_questions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reading_assignments" ADD CONSTRAINT "reading_assignments_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reading_assignments" ADD CONSTRAINT "reading_assignments_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reading_assignments" ADD CONSTRAINT "reading_assignments_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reading_assignments" ADD CONSTRAINT "reading_assignments_article_version_id_article_versions_id_fk" FOREIGN KEY ("article_version_id") REFERENCES "public"."article_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reading_assignments" ADD CONSTRAINT "reading_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_logs" ADD CONSTRAINT "session_logs_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_logs" ADD CONSTRAINT "session_logs_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_logs" ADD CONSTRAINT "session_logs_plan_item_id_plan_items_id_fk" FOREIGN KEY ("plan_item_id") REFERENCES "public"."plan_items"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "clinics_slug_key" ON "clinics" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "auth_sessions_user_idx" ON "auth_sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_email_at_idx" ON "sign_in_attempts" USING btree ("email","at");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_ip_at_idx" ON "sign_in_attempts" USING btree ("source_ip","at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "users_clinic_role_idx" ON "users" USING btree ("clinic_id","role");--> statement-breakpoint
CREATE INDEX "patients_clinic_therapist_idx" ON "patients" USING btree ("clinic_id","primary_therapist_id");--> statement-breakpoint
CREATE UNIQUE INDEX "article_questions_version_position_key" ON "article_questions" USING btree ("article_version_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "article_versions_article_version_key" ON "article_versions" USING btree ("article_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "articles_builtin_slug_key" ON "articles" USING btree ("slug") WHERE "articles"."clinic_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "articles_clinic_slug_key" ON "articles" USING btree ("clinic_id","slug") WHERE "articles"."clinic_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "exercises_builtin_slug_key" ON "exercises" USING btree ("slug") WHERE "exercises"."clinic_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "exercises_clinic_slug_key" ON "exercises" USING btree ("clinic_id","slug") WHERE "exercises"."clinic_id" is not null;--> statement-breakpoint
CREATE INDEX "plan_template_items_template_idx" ON "plan_template_items" USING btree ("template_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_templates_builtin_slug_key" ON "plan_templates" USING btree ("slug") WHERE "plan_templates"."clinic_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_templates_clinic_slug_key" ON "plan_templates" USING btree ("clinic_id","slug") WHERE "plan_templates"."clinic_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_items_revision_key_key" ON "plan_items" USING btree ("revision_id","item_key");--> statement-breakpoint
CREATE INDEX "plan_items_plan_idx" ON "plan_items" USING btree ("plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_revisions_plan_revision_key" ON "plan_revisions" USING btree ("plan_id","revision");--> statement-breakpoint
CREATE INDEX "plan_status_changes_plan_idx" ON "plan_status_changes" USING btree ("plan_id","changed_at");--> statement-breakpoint
CREATE INDEX "plans_patient_status_idx" ON "plans" USING btree ("patient_id","status");--> statement-breakpoint
CREATE INDEX "plans_clinic_therapist_idx" ON "plans" USING btree ("clinic_id","therapist_id");--> statement-breakpoint
CREATE INDEX "audit_events_clinic_at_idx" ON "audit_events" USING btree ("clinic_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_patient_at_idx" ON "audit_events" USING btree ("patient_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_actor_at_idx" ON "audit_events" USING btree ("actor_user_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "pain_check_ins_patient_date_key" ON "pain_check_ins" USING btree ("patient_id","local_date");--> statement-breakpoint
CREATE INDEX "reading_answers_assignment_idx" ON "reading_answers" USING btree ("assignment_id");--> statement-breakpoint
CREATE INDEX "reading_assignments_patient_idx" ON "reading_assignments" USING btree ("patient_id","due_date");--> statement-breakpoint
CREATE UNIQUE INDEX "reading_assignments_patient_article_live_key" ON "reading_assignments" USING btree ("patient_id","article_id") WHERE "reading_assignments"."removed_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "session_logs_patient_client_key" ON "session_logs" USING btree ("patient_id","client_id");--> statement-breakpoint
CREATE INDEX "session_logs_patient_date_idx" ON "session_logs" USING btree ("patient_id","local_date");--> statement-breakpoint
CREATE INDEX "session_logs_plan_item_idx" ON "session_logs" USING btree ("plan_item_id");