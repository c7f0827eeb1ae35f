/**
 * Validates the built-in exercise library and plan templates.
 *
 *   npx tsx scripts/check-exercises.ts
 *
 * - content/exercises/<slug>.md: YAML front matter (strict zod schema) + optional Markdown body
 *   (paragraphs and **bold** only).
 * - content/templates/<slug>.yaml: strict zod schema; every item points at an existing exercise.
 * - public/illustrations/<file>.svg: exists, has the expected root attributes and a <title>,
 *   and contains no <script, on…= event attributes, href or <text.
 *
 * Prints `<file>: <problem>` for every problem and exits 1, otherwise prints a summary table.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { fleschKincaidGrade } from '../lib/content/readability';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXERCISES_DIR = path.join(ROOT, 'content', 'exercises');
const TEMPLATES_DIR = path.join(ROOT, 'content', 'templates');
const ILLUSTRATIONS_DIR = path.join(ROOT, 'public', 'illustrations');

const EXERCISE_KINDS = ['stretch', 'myofascial_release', 'mobility', 'strengthening'] as const;
const EQUIPMENT = ['none', 'strap', 'foam_roller', 'tennis_ball', 'wall', 'chair'] as const;
const SIDES = ['both', 'left', 'right', 'none'] as const;

const MAX_SVG_BYTES = 4096;
/** Reading level we aim for; a file above this is reported as a problem. */
const MAX_READING_GRADE = 8.5;

const slugSchema = z
  .string()
  .min(2)
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase a-z, 0-9 and single hyphens only');

const text = (max: number) => z.string().trim().min(1).max(max);

const sets = z.number().int().min(1).max(20);
const reps = z.number().int().min(1).max(50);
const seconds = z.number().int().min(0).max(300);
const side = z.enum(SIDES);

const dosageSchema = z
  .object({
    sets,
    reps,
    holdSeconds: seconds,
    restSeconds: seconds,
    side,
  })
  .strict();

const exerciseFrontMatterSchema = z
  .object({
    slug: slugSchema,
    name: text(80),
    kind: z.enum(EXERCISE_KINDS),
    targets: z
      .array(
        z
          .string()
          .min(1)
          .max(40)
          .regex(/^[a-z][a-z -]*[a-z]$/, 'lowercase plain words'),
      )
      .min(1)
      .max(6),
    equipment: z.array(z.enum(EQUIPMENT)).min(1).max(4),
    steps: z.array(text(220)).min(3).max(7),
    feel: text(240),
    cautions: z.array(text(200)).min(1).max(4),
    stopIf: z.array(text(200)).min(1).max(3),
    dosage: dosageSchema,
    illustration: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\.svg$/, 'a .svg file name'),
    illustrationAlt: text(240),
  })
  .strict();

type ExerciseFrontMatter = z.infer<typeof exerciseFrontMatterSchema>;

const templateItemSchema = z
  .object({
    exercise: slugSchema,
    sets,
    reps,
    holdSeconds: seconds,
    side,
    sessionsPerDay: z.number().int().min(1).max(6),
    daysOfWeek: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  })
  .strict();

const templateSchema = z
  .object({
    slug: slugSchema,
    name: text(80),
    purpose: text(240),
    items: z.array(templateItemSchema).min(3).max(6),
  })
  .strict();

type PlanTemplate = z.infer<typeof templateSchema>;

type Problem = { file: string; problem: string };
const problems: Problem[] = [];
const report = (file: string, problem: string): void => {
  problems.push({ file: path.relative(ROOT, file), problem });
};

function formatZodError(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
    return `${where}: ${issue.message}`;
  });
}

function listFiles(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(ext))
    .sort()
    .map((name) => path.join(dir, name));
}

/** Splits `---\n<yaml>\n---\n<body>`; returns null when there is no front matter. */
function splitFrontMatter(source: string): { yaml: string; body: string } | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/.exec(source);
  if (!match) return null;
  return { yaml: match[1] ?? '', body: match[2] ?? '' };
}

/** Body rules: at most 3 paragraphs of plain text and **bold**; no HTML, links, images, lists or headings. */
function checkBody(file: string, body: string): void {
  const trimmed = body.trim();
  if (trimmed === '') return;
  const paragraphs = trimmed.split(/\n[ \t]*\n/);
  if (paragraphs.length > 3) report(file, `body has ${paragraphs.length} paragraphs (max 3)`);
  for (const line of trimmed.split('\n')) {
    if (/^\s*#/.test(line)) report(file, `body: headings are not allowed: "${line.trim()}"`);
    if (/^\s*(?:[-*+>]|\d+[.)])\s/.test(line)) report(file, `body: lists and quotes are not allowed: "${line.trim()}"`);
  }
  if (/<[a-z!/]/i.test(trimmed)) report(file, 'body: HTML is not allowed');
  if (/!?\[[^\]]*\]\s*[([]/.test(trimmed) || /https?:\/\//i.test(trimmed)) report(file, 'body: links and images are not allowed');
  if (/`/.test(trimmed)) report(file, 'body: code is not allowed');
  const withoutBold = trimmed.replace(/\*\*(?=\S)[^*]*?\S\*\*/g, '');
  if (/[*_~]/.test(withoutBold)) report(file, 'body: only **bold** emphasis is allowed');
}

function checkIllustration(file: string, illustration: string): void {
  const svgPath = path.join(ILLUSTRATIONS_DIR, illustration);
  if (!existsSync(svgPath)) {
    report(file, `illustration public/illustrations/${illustration} does not exist`);
    return;
  }
  const svg = readFileSync(svgPath, 'utf8');
  const svgFile = svgPath;
  const bytes = Buffer.byteLength(svg, 'utf8');
  if (bytes > MAX_SVG_BYTES) report(svgFile, `is ${bytes} bytes (max ${MAX_SVG_BYTES})`);
  if (/<script/i.test(svg)) report(svgFile, 'contains <script');
  if (/\son[a-z]+\s*=/i.test(svg)) report(svgFile, 'contains an on…= event attribute');
  if (/href/i.test(svg)) report(svgFile, 'contains href (external or linked reference)');
  if (/<text/i.test(svg)) report(svgFile, 'contains <text (labels are shown by the app)');
  if (/<(?:image|foreignObject|use|style)\b/i.test(svg) || /url\(|@import/i.test(svg)) {
    report(svgFile, 'contains an image, foreignObject, use, style or url() reference');
  }
  const root = /<svg\b[^>]*>/i.exec(svg)?.[0] ?? '';
  if (root === '') {
    report(svgFile, 'has no <svg> root element');
  } else {
    if (!root.includes('xmlns="http://www.w3.org/2000/svg"')) report(svgFile, 'root is missing xmlns="http://www.w3.org/2000/svg"');
    if (!root.includes('viewBox="0 0 320 200"')) report(svgFile, 'root is missing viewBox="0 0 320 200"');
    if (!root.includes('role="img"')) report(svgFile, 'root is missing role="img"');
  }
  if (!/<title[^>]*>[^<]+<\/title>/.test(svg)) report(svgFile, 'has no non-empty <title>');
}

type ExerciseRow = { file: string; data: ExerciseFrontMatter; grade: number };

/** File names (without .md) of exercises that exist but failed validation. */
const invalidExercises = new Set<string>();

function checkExercises(): Map<string, ExerciseRow> {
  const bySlug = new Map<string, ExerciseRow>();
  const files = listFiles(EXERCISES_DIR, '.md');
  if (files.length === 0) report(EXERCISES_DIR, 'no exercise files found');

  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    const parts = splitFrontMatter(source);
    if (!parts) {
      report(file, 'missing YAML front matter between --- lines');
      invalidExercises.add(path.basename(file, '.md'));
      continue;
    }
    let raw: unknown;
    try {
      raw = parseYaml(parts.yaml);
    } catch (error) {
      report(file, `YAML error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      invalidExercises.add(path.basename(file, '.md'));
      continue;
    }
    const parsed = exerciseFrontMatterSchema.safeParse(raw);
    if (!parsed.success) {
      for (const message of formatZodError(parsed.error)) report(file, message);
      invalidExercises.add(path.basename(file, '.md'));
      continue;
    }
    const data = parsed.data;
    const expected = path.basename(file, '.md');
    if (data.slug !== expected) report(file, `slug "${data.slug}" does not match file name "${expected}"`);
    if (bySlug.has(data.slug)) report(file, `duplicate slug "${data.slug}"`);
    if (data.illustration !== `${data.slug}.svg`) report(file, `illustration should be "${data.slug}.svg"`);

    const { dosage } = data;
    if (dosage.holdSeconds === 0 && dosage.reps < 2) report(file, 'dosage: a move with no hold needs at least 2 reps');
    if (data.equipment.includes('none') && data.equipment.length > 1) report(file, 'equipment: "none" cannot be combined with other items');
    if (new Set(data.equipment).size !== data.equipment.length) report(file, 'equipment: duplicate items');
    if (data.kind === 'myofascial_release' && !data.equipment.some((item) => item === 'foam_roller' || item === 'tennis_ball')) {
      report(file, 'myofascial_release needs a foam_roller or tennis_ball');
    }

    checkBody(file, parts.body);
    checkIllustration(file, data.illustration);

    const prose = [...data.steps, data.feel, ...data.cautions, ...data.stopIf, parts.body.replace(/\*\*/g, '')].join('\n\n');
    const grade = fleschKincaidGrade(prose);
    if (grade > MAX_READING_GRADE) report(file, `reading grade ${grade} is above ${MAX_READING_GRADE}`);

    bySlug.set(data.slug, { file, data, grade });
  }
  return bySlug;
}

function checkTemplates(exercises: Map<string, ExerciseRow>): PlanTemplate[] {
  const templates: PlanTemplate[] = [];
  const files = listFiles(TEMPLATES_DIR, '.yaml');
  if (files.length === 0) report(TEMPLATES_DIR, 'no template files found');
  const seen = new Set<string>();

  for (const file of files) {
    let raw: unknown;
    try {
      raw = parseYaml(readFileSync(file, 'utf8'));
    } catch (error) {
      report(file, `YAML error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      continue;
    }
    const parsed = templateSchema.safeParse(raw);
    if (!parsed.success) {
      for (const message of formatZodError(parsed.error)) report(file, message);
      continue;
    }
    const template = parsed.data;
    const expected = path.basename(file, '.yaml');
    if (template.slug !== expected) report(file, `slug "${template.slug}" does not match file name "${expected}"`);
    if (seen.has(template.slug)) report(file, `duplicate slug "${template.slug}"`);
    seen.add(template.slug);

    template.items.forEach((item, index) => {
      const where = `items.${index}`;
      const exercise = exercises.get(item.exercise);
      if (!exercise) {
        const reason = invalidExercises.has(item.exercise) ? 'is invalid (see its own problems)' : 'does not exist';
        report(file, `${where}.exercise: exercise "${item.exercise}" ${reason}`);
        return;
      }
      const days = item.daysOfWeek;
      if (new Set(days).size !== days.length) report(file, `${where}.daysOfWeek: duplicate days`);
      if (days.some((day, i) => i > 0 && day < (days[i - 1] ?? 0))) report(file, `${where}.daysOfWeek: list days in order`);
      const oneSided = exercise.data.dosage.side !== 'none';
      if (!oneSided && item.side !== 'none') report(file, `${where}.side: "${item.exercise}" is not one-sided, use "none"`);
      if (oneSided && item.side === 'none') report(file, `${where}.side: "${item.exercise}" is one-sided, use both, left or right`);
      if (item.holdSeconds === 0 && item.reps < 2) report(file, `${where}: a move with no hold needs at least 2 reps`);
    });
    const slugs = template.items.map((item) => item.exercise);
    if (new Set(slugs).size !== slugs.length) report(file, 'items: the same exercise is listed twice');
    templates.push(template);
  }
  return templates;
}

function dosageText(d: ExerciseFrontMatter['dosage']): string {
  const hold = d.holdSeconds > 0 ? ` hold ${d.holdSeconds}s` : '';
  const sideText = d.side === 'none' ? '' : ` (${d.side === 'both' ? 'each side' : d.side})`;
  return `${d.sets}x${d.reps}${hold} rest ${d.restSeconds}s${sideText}`;
}

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function main(): void {
  const exercises = checkExercises();
  const templates = checkTemplates(exercises);

  if (problems.length > 0) {
    for (const { file, problem } of problems) console.error(`${file}: ${problem}`);
    console.error(`\n${problems.length} problem(s) found.`);
    process.exit(1);
  }

  const rows = [...exercises.values()].map(({ data, grade }) => [
    data.slug,
    data.kind,
    data.equipment.join(', '),
    dosageText(data.dosage),
    grade.toFixed(1),
  ]);
  console.info(table(['slug', 'kind', 'equipment', 'dosage', 'grade'], rows));
  console.info('');
  console.info(
    table(
      ['template', 'items', 'exercises'],
      templates.map((t) => [t.slug, String(t.items.length), t.items.map((item) => item.exercise).join(', ')]),
    ),
  );
  console.info(`\nOK: ${exercises.size} exercises, ${templates.length} templates.`);
}

main();
