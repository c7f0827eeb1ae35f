// Idempotent demo data: clinic "Riverside Physio" (an admin, 2 therapists, 12 patients with
// 60–90 days of believable history) and a small second clinic to prove isolation.
// Run through `npm run db:seed` or automatically by the launcher on the embedded database.
// Refuses to run with NODE_ENV=production.
import { pathToFileURL } from 'node:url';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import { hashPassword } from '@/lib/auth/password';
import { addDays, isoWeekday, localDateIn, type LocalDate } from '@/lib/dates';
import type { Tx } from './client';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';
import * as schema from './schema';
import type { RedFlag } from './schema/enums';


type Trajectory = 'improving' | 'stalled' | 'worsening' | 'stopped' | 'new' | 'steady' | 'revised' | 'paused';
type PatientSeed = { name: string; tz: string; trajectory: Trajectory; therapist: 0 | 1; note: string | null; template: string };

const RIVERSIDE_PATIENTS: PatientSeed[] = [
  { name: 'Alex Morgan', tz: 'Europe/London', trajectory: 'improving', therapist: 0, note: 'Grade 1 lumbar strain', template: 'gentle-return-grade-1-strain' },
  { name: 'Sam Patel', tz: 'Europe/London', trajectory: 'improving', therapist: 1, note: 'Desk-related neck and upper back tension', template: 'desk-neck-and-upper-back' },
  { name: 'Jordan Lee', tz: 'America/New_York', trajectory: 'improving', therapist: 1, note: 'Tight hip flexors, low back ache', template: 'tight-hips-tired-low-back' },
  { name: 'Riley Nguyen', tz: 'America/Los_Angeles', trajectory: 'stalled', therapist: 0, note: 'Chronic low back pain', template: 'quick-low-back-release' },
  { name: 'Casey Williams', tz: 'Europe/Berlin', trajectory: 'stalled', therapist: 1, note: null, template: 'quick-low-back-release' },
  { name: 'Morgan Brooks', tz: 'America/Chicago', trajectory: 'worsening', therapist: 0, note: 'Piriformis irritation', template: 'tight-hips-tired-low-back' },
  { name: 'Taylor Kim', tz: 'Pacific/Auckland', trajectory: 'stopped', therapist: 0, note: 'Post-op, minimally invasive discectomy', template: 'gentle-return-grade-1-strain' },
  { name: 'Jamie Rivera', tz: 'Europe/London', trajectory: 'new', therapist: 0, note: 'Grade 1 hamstring strain', template: 'gentle-return-grade-1-strain' },
  { name: 'Avery Johnson', tz: 'Asia/Kolkata', trajectory: 'steady', therapist: 1, note: null, template: 'myofascial-release-basics' },
  { name: 'Quinn Obi', tz: 'Australia/Sydney', trajectory: 'steady', therapist: 1, note: 'Myofascial pain, upper back', template: 'myofascial-release-basics' },
  { name: 'Drew Martinez', tz: 'America/Denver', trajectory: 'revised', therapist: 0, note: 'Tight hips, tired low back', template: 'tight-hips-tired-low-back' },
  { name: 'Robin Clarke', tz: 'Europe/Dublin', trajectory: 'paused', therapist: 0, note: 'Sprained back, travelling for work', template: 'quick-low-back-release' },
];

/** mulberry32: a small deterministic PRNG so every seeded database tells the same stories. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (p: number) => next() < p,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    uuid: () => {
      const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
      hex[12] = '4';
      hex[16] = ((Math.floor(next() * 4) + 8) as number).toString(16);
      const s = hex.join('');
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
    },
  };
}

/** The UTC instant of `hour`:`minute` on a local date in a zone (good to the minute; DST-safe enough for demo data). */
function instantAt(date: LocalDate, hour: number, minute: number, timeZone: string): Date {
  const guess = new Date(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`);
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' }).formatToParts(guess);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return new Date(guess.getTime() - (asUtc - guess.getTime()));
}

const clamp = (v: number) => Math.max(0, Math.min(10, Math.round(v)));

/** Pain (0–10) on day `d` of `n`, and the chance of doing a scheduled session, per trajectory. */
function storyFor(trajectory: Trajectory, d: number, n: number): { pain: number; adherence: number } {
  const t = n <= 1 ? 1 : d / (n - 1);
  switch (trajectory) {
    case 'improving':
    case 'revised':
      return { pain: 7 - 4 * t, adherence: 0.8 + 0.1 * t };
    case 'stalled':
      return { pain: 5.5, adherence: 0.45 };
    case 'worsening':
      return { pain: t < 0.6 ? 4 : 4 + ((t - 0.6) / 0.4) * 3.5, adherence: 0.75 };
    case 'stopped':
      return { pain: 6 - 2 * t, adherence: n - d <= 12 ? 0 : 0.85 };
    case 'steady':
      return { pain: 3, adherence: 0.9 };
    case 'paused':
      return { pain: 5 - 1.5 * t, adherence: 0.7 };
    case 'new':
      return { pain: 6, adherence: 0 };
  }
}

async function seedClinic(
  tx: Tx,
  rand: ReturnType<typeof prng>,
  passwordHash: string,
  clinic: { slug: string; name: string; domain: string; admin: string; therapists: string[]; patients: PatientSeed[] },
) {
  const [c] = await tx.insert(schema.clinics).values({ slug: clinic.slug, name: clinic.name }).returning();
  if (!c) throw new Error('clinic insert failed');
  const emailOf = (name: string) => `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@${clinic.domain}`;
  await tx.insert(schema.users).values({ clinicId: c.id, email: emailOf(clinic.admin), name: clinic.admin, role: 'admin', passwordHash });
  const therapists = await tx
    .insert(schema.users)
    .values(clinic.therapists.map((name) => ({ clinicId: c.id, email: emailOf(name), name, role: 'therapist' as const, passwordHash })))
    .returning();

  const templates = await tx.query.planTemplates.findMany({ where: isNull(schema.planTemplates.clinicId), with: { items: true }, orderBy: schema.planTemplates.slug });
  const versions = await tx
    .selectDistinctOn([schema.articleVersions.articleId], { id: schema.articleVersions.id, articleId: schema.articleVersions.articleId })
    .from(schema.articleVersions)
    .innerJoin(schema.articles, eq(schema.articles.id, schema.articleVersions.articleId))
    .where(isNull(schema.articles.clinicId))
    .orderBy(schema.articleVersions.articleId, desc(schema.articleVersions.version));
  if (templates.length === 0) throw new Error('the built-in library has no templates (content/templates)');

  for (const [index, p] of clinic.patients.entries()) {
    const therapist = therapists[p.therapist] ?? therapists[0];
    if (!therapist) throw new Error('no therapist');
    const [user] = await tx.insert(schema.users).values({ clinicId: c.id, email: emailOf(p.name), name: p.name, role: 'patient', passwordHash }).returning();
    if (!user) throw new Error('patient insert failed');
    await tx.insert(schema.patients).values({ id: user.id, clinicId: c.id, primaryTherapistId: therapist.id, timeZone: p.tz, conditionNote: p.note });

    const today = localDateIn(p.tz);
    const historyDays = p.trajectory === 'new' ? 0 : 60 + ((index * 11) % 31);
    const start = addDays(today, -historyDays);
    const template = templates.find((t) => t.slug === p.template) ?? templates[index % templates.length];
    if (!template) throw new Error('no template');
    const status = p.trajectory === 'paused' ? 'paused' : 'active';
    const [plan] = await tx
      .insert(schema.plans)
      .values({
        clinicId: c.id,
        patientId: user.id,
        therapistId: therapist.id,
        templateId: template.id,
        title: template.name,
        noteToPatient: 'Go gently. A mild stretch is right; sharp pain means stop and tell me at your next visit.',
        startDate: start,
        status,
        currentRevision: p.trajectory === 'revised' ? 2 : 1,
      })
      .returning();
    if (!plan) throw new Error('plan insert failed');
    await tx.insert(schema.planStatusChanges).values({ clinicId: c.id, planId: plan.id, status: 'active', effectiveDate: start, changedBy: therapist.id });
    const pausedFrom = addDays(today, -5);
    if (status === 'paused') await tx.insert(schema.planStatusChanges).values({ clinicId: c.id, planId: plan.id, status: 'paused', effectiveDate: pausedFrom, changedBy: therapist.id });

    // Revision 1 from the template (every day for the first demo patient so Today is never empty).
    const everyDay = index === 0;
    const rev1Items = template.items
      .sort((a, b) => a.position - b.position)
      .map((it) => ({ ...it, itemKey: rand.uuid(), daysOfWeek: everyDay ? [1, 2, 3, 4, 5, 6, 7] : it.daysOfWeek }));
    const revisions: { id: string; from: LocalDate; items: { id: string; itemKey: string; sets: number; sessionsPerDay: number; daysOfWeek: number[] }[] }[] = [];
    const revisionCount = p.trajectory === 'revised' ? 2 : 1;
    for (let r = 1; r <= revisionCount; r++) {
      const from = r === 1 ? start : addDays(today, -30);
      const [rev] = await tx
        .insert(schema.planRevisions)
        .values({ clinicId: c.id, planId: plan.id, revision: r, effectiveDate: from, summary: r === 1 ? `Created from template "${template.name}"` : 'Longer holds, one more set', createdBy: therapist.id })
        .returning();
      if (!rev) throw new Error('revision insert failed');
      const items = await tx
        .insert(schema.planItems)
        .values(
          rev1Items.map((it, position) => ({
            clinicId: c.id,
            planId: plan.id,
            revisionId: rev.id,
            itemKey: it.itemKey,
            exerciseId: it.exerciseId,
            position,
            sets: r === 1 ? it.sets : Math.min(20, it.sets + 1),
            reps: it.reps,
            holdSeconds: r === 1 ? it.holdSeconds : Math.min(300, it.holdSeconds + 10),
            side: it.side,
            sessionsPerDay: it.sessionsPerDay,
            daysOfWeek: it.daysOfWeek,
          })),
        )
        .returning();
      revisions.push({ id: rev.id, from, items });
    }

    // History: every scheduled session up to yesterday, done with the trajectory's probability.
    const logs: (typeof schema.sessionLogs.$inferInsert)[] = [];
    const checkIns: (typeof schema.painCheckIns.$inferInsert)[] = [];
    for (let d = 0; d < historyDays; d++) {
      const day = addDays(start, d);
      const story = storyFor(p.trajectory, d, historyDays);
      const paused = status === 'paused' && day >= pausedFrom;
      const revision = [...revisions].reverse().find((r) => r.from <= day) ?? revisions[0];
      if (!revision) continue;
      const weekday = isoWeekday(day);
      for (const item of revision.items) {
        if (paused || !item.daysOfWeek.includes(weekday)) continue;
        for (let s = 0; s < item.sessionsPerDay; s++) {
          if (!rand.chance(story.adherence)) continue;
          const before = clamp(story.pain + (rand.next() - 0.5) * 2);
          // The worsening story includes one session that clearly hurt ("this stretch hurts").
          const hurts = p.trajectory === 'worsening' && d === historyDays - 3 && s === 0 && item === revision.items[0];
          const after = hurts ? clamp(before + 3) : clamp(before - rand.int(0, 2));
          logs.push({
            clinicId: c.id,
            patientId: user.id,
            planItemId: item.id,
            clientId: rand.uuid(),
            localDate: day,
            loggedAt: instantAt(day, 7 + Math.floor((s * 13) / item.sessionsPerDay) + rand.int(0, 1), rand.int(0, 59), p.tz),
            setsDone: item.sets,
            painBefore: rand.chance(0.85) ? before : null,
            painAfter: rand.chance(0.85) || hurts ? after : null,
            difficulty: hurts ? 'too_hard' : rand.chance(0.8) ? 'about_right' : rand.chance(0.5) ? 'too_easy' : 'too_hard',
            note: hurts ? 'Sharp pull in my buttock on the second side.' : null,
            requestHash: 'seed',
          });
        }
      }
      // The worsening story ends with a red-flag check-in two days ago.
      const redFlagDay = p.trajectory === 'worsening' && d === historyDays - 2;
      const checksIn = redFlagDay || (p.trajectory === 'stopped' ? historyDays - d > 12 && rand.chance(0.8) : rand.chance(0.75));
      if (checksIn) {
        const redFlags: RedFlag[] = redFlagDay ? ['leg_numbness_or_weakness'] : [];
        checkIns.push({
          clinicId: c.id,
          patientId: user.id,
          localDate: day,
          pain: clamp(story.pain + (rand.next() - 0.5) * 2),
          bodyArea: 'low back',
          redFlags,
          createdAt: instantAt(day, 20, rand.int(0, 59), p.tz),
        });
      }
    }
    for (let i = 0; i < logs.length; i += 500) await tx.insert(schema.sessionLogs).values(logs.slice(i, i + 500));
    if (checkIns.length) await tx.insert(schema.painCheckIns).values(checkIns);

    // Reading: two or three articles, further along for the engaged patients.
    const picks = versions.slice(index % Math.max(1, versions.length)).concat(versions).slice(0, Math.min(3, versions.length));
    for (const [k, v] of picks.entries()) {
      const engaged = p.trajectory === 'improving' || p.trajectory === 'steady' || p.trajectory === 'revised';
      const state = p.trajectory === 'new' ? 'assigned' : engaged ? (k === 0 ? 'understood' : k === 1 ? 'read' : 'assigned') : k === 0 ? 'opened' : 'assigned';
      const assignedOn = addDays(start, 1 + k * 7);
      await tx.insert(schema.readingAssignments).values({
        clinicId: c.id,
        patientId: user.id,
        articleId: v.articleId,
        articleVersionId: v.id,
        assignedBy: therapist.id,
        dueDate: p.trajectory === 'new' ? addDays(today, 7) : addDays(assignedOn, 7),
        state,
        openedAt: state === 'assigned' ? null : instantAt(addDays(assignedOn, 1), 19, 0, p.tz),
        readAt: state === 'read' || state === 'understood' ? instantAt(addDays(assignedOn, 1), 19, 6, p.tz) : null,
        understoodAt: state === 'understood' ? instantAt(addDays(assignedOn, 1), 19, 8, p.tz) : null,
        secondsSpent: state === 'assigned' ? 0 : state === 'opened' ? 45 : 300 + rand.int(0, 200),
        assignedAt: instantAt(assignedOn, 10, 0, p.tz),
      });
    }
  }
  return { clinic: c, emailOf };
}


/**
 * Creates the demo clinics on `db` unless they are already there (the clinic slugs are fixed).
 * Needs the built-in library (templates, articles) synced first. Resolves true when it created them.
 */
export async function seedDemo(db: NodePgDatabase<typeof schema>): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: schema.clinics.id }).from(schema.clinics).where(and(eq(schema.clinics.slug, 'riverside-physio'))).limit(1);
    if (existing) return false;
    // One hash for every demo account: argon2 is deliberately slow.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const rand = prng(20261124);
    await seedClinic(tx, rand, passwordHash, {
      slug: 'riverside-physio',
      name: 'Riverside Physio',
      domain: 'riverside-physio.example',
      admin: 'Priya Shah',
      therapists: ['Maya Okafor', 'Daniel Reyes'],
      patients: RIVERSIDE_PATIENTS,
    });
    await seedClinic(tx, rand, passwordHash, {
      slug: 'harbour-chiro',
      name: 'Harbour Chiropractic',
      domain: 'harbour-chiro.example',
      admin: 'Hana Ito',
      therapists: ['Leo Fischer'],
      patients: [
        { name: 'Nina Rossi', tz: 'America/Toronto', trajectory: 'improving', therapist: 0, note: 'Neck pain', template: 'desk-neck-and-upper-back' },
        { name: 'Omar Haddad', tz: 'Asia/Dubai', trajectory: 'stalled', therapist: 0, note: null, template: 'quick-low-back-release' },
      ],
    });
    return true;
  });
}

async function main() {
  if (process.env.NODE_ENV === 'production') {
    console.error('[seed] refusing to seed demo data with NODE_ENV=production');
    process.exit(1);
  }
  if (!process.env.DATABASE_URL) {
    console.error('[seed] DATABASE_URL is not set');
    process.exit(1);
  }
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  const db = drizzle({ client: pool, schema });
  try {
    const started = Date.now();
    const created = await seedDemo(db);
    console.info(`[seed] ${created ? `demo clinics created in ${Date.now() - started} ms` : 'demo clinics already present'}`);
    console.info('\n  Demo sign-ins (password for every account: ' + DEMO_PASSWORD + ')');
    for (const [role, a] of Object.entries(DEMO_ACCOUNTS)) {
      if (role === 'otherPatient') continue;
      console.info(`    ${a.email.padEnd(40)} ${a.name}, ${a.who}`);
    }
    console.info('');
  } finally {
    await pool.end();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(`[seed] failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
