/**
 * Dev helper: checks every content/articles/*.md for readability, length, questions
 * and copying from the source text, and prints one table row per article.
 *
 *   npx tsx scripts/check-articles.ts [--source path/to/source.txt]
 *
 * Exits 1 if any article has an FK grade above 8, a body outside 300–700 words,
 * fewer than 2 or more than 4 questions, a copied run of 8+ words or a copied source
 * sentence, or a front-matter/body format problem. The source defaults to
 * $ARTICLE_SOURCE, then ../shared/source/soft-tissue-and-back-pain.txt; if it is
 * missing, the copy check is skipped with a warning.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { analyzeMarkdown, plainTextFromMarkdown } from '../lib/content/readability';
import { findCopiedRuns, findCopiedSentences } from '../lib/content/originality';

const MAX_GRADE = 8;
const MIN_WORDS = 300;
const MAX_WORDS = 700;
const MIN_QUESTIONS = 2;
const MAX_QUESTIONS = 4;
const MAX_SUMMARY_CHARS = 220;
const TISSUES = [
  'muscle', 'tendon', 'ligament', 'fascia', 'joint', 'nerve', 'disc', 'hip', 'spine', 'general',
] as const;
// The shared folder sits beside the repository (../shared).
const DEFAULT_SOURCE = resolve(process.cwd(), '../shared/source/soft-tissue-and-back-pain.txt');
const SAFETY_HEADING = '## When to get help right away';
const SAFETY_SECTION = `${SAFETY_HEADING}

Get urgent medical care if you have new numbness or weakness in your legs, trouble controlling your bladder or bowels, back pain after a fall or accident, or back pain with a fever.`;

type Row = {
  slug: string;
  words: number;
  grade: number;
  minutes: number;
  questions: number;
  copied: number | null;
  problems: string[];
};

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const ARTICLES_DIR = join(ROOT, 'content', 'articles');

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function readSourcePath(): string {
  const flag = process.argv.indexOf('--source');
  const fromFlag = flag === -1 ? undefined : process.argv[flag + 1];
  return fromFlag ?? process.env.ARTICLE_SOURCE ?? DEFAULT_SOURCE;
}

function splitFrontMatter(raw: string): { data: unknown; body: string } | null {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(raw.replace(/\r\n?/g, '\n'));
  if (!match) return null;
  return { data: parse(match[1] ?? ''), body: match[2] ?? '' };
}

function checkFrontMatter(data: unknown, fileSlug: string): { problems: string[]; questions: number } {
  const problems: string[] = [];
  if (!isRecord(data)) return { problems: ['front matter is not a mapping'], questions: 0 };

  if (data.slug !== fileSlug) problems.push(`slug "${String(data.slug)}" ≠ file name`);
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(fileSlug)) problems.push('slug has invalid characters');
  if (!isNonEmptyString(data.title)) problems.push('title missing');
  if (!isNonEmptyString(data.summary)) problems.push('summary missing');
  else if (data.summary.length > MAX_SUMMARY_CHARS) problems.push(`summary > ${MAX_SUMMARY_CHARS} chars`);

  const tissues = data.tissues;
  if (!Array.isArray(tissues) || tissues.length === 0) problems.push('tissues missing');
  else {
    for (const tissue of tissues) {
      if (!(TISSUES as readonly unknown[]).includes(tissue)) problems.push(`unknown tissue "${String(tissue)}"`);
    }
  }

  const takeaways = data.takeaways;
  if (!Array.isArray(takeaways) || takeaways.length < 3 || takeaways.length > 5 || !takeaways.every(isNonEmptyString)) {
    problems.push('takeaways must be 3–5 strings');
  }

  const questions = data.questions;
  if (!Array.isArray(questions)) {
    problems.push('questions missing');
    return { problems, questions: 0 };
  }
  questions.forEach((question: unknown, index) => {
    const label = `question ${index + 1}`;
    if (!isRecord(question)) {
      problems.push(`${label} is not a mapping`);
      return;
    }
    if (!isNonEmptyString(question.prompt)) problems.push(`${label}: prompt missing`);
    if (!isNonEmptyString(question.explanation)) problems.push(`${label}: explanation missing`);
    const choices = question.choices;
    if (!Array.isArray(choices) || choices.length < 2 || choices.length > 4 || !choices.every(isNonEmptyString)) {
      problems.push(`${label}: needs 2–4 string choices`);
      return;
    }
    if (new Set(choices).size !== choices.length) problems.push(`${label}: duplicate choices`);
    const answer = question.answer;
    if (typeof answer !== 'number' || !Number.isInteger(answer) || answer < 0 || answer >= choices.length) {
      problems.push(`${label}: answer is not a valid 0-based index`);
    }
  });
  return { problems, questions: questions.length };
}

function checkBody(body: string): string[] {
  const problems: string[] = [];
  if (/<[a-z!/][^>]*>/i.test(body)) problems.push('raw HTML in body');
  if (/!\[[^\]]*\]\(/.test(body)) problems.push('image in body');
  if (/\[[^\]]+\]\([^)]*\)/.test(body)) problems.push('link in body');
  if (/^\s*\|.*\|\s*$/m.test(body)) problems.push('table in body');
  if (/^#(?!#\s)|^#{3,}/m.test(body)) problems.push('only "## " headings are allowed');

  const safetyAt = body.indexOf(SAFETY_HEADING);
  if (safetyAt !== -1 && body.slice(safetyAt).trim() !== SAFETY_SECTION) {
    problems.push('safety section must be last and worded exactly');
  }
  return problems;
}

function collectStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(collectStrings);
  if (isRecord(value)) return Object.values(value).flatMap(collectStrings);
  return [];
}

function pad(value: string | number, width: number, alignRight = false): string {
  const text = String(value);
  return alignRight ? text.padStart(width) : text.padEnd(width);
}

function main(): void {
  const sourcePath = readSourcePath();
  const source = existsSync(sourcePath) ? readFileSync(sourcePath, 'utf8') : null;
  if (source === null) console.warn(`warning: source ${sourcePath} not found; copy check skipped`);

  const files = existsSync(ARTICLES_DIR)
    ? readdirSync(ARTICLES_DIR).filter((file) => file.endsWith('.md')).sort()
    : [];
  if (files.length === 0) {
    console.error(`no articles found in ${ARTICLES_DIR}`);
    process.exit(1);
  }

  const rows: Row[] = files.map((file) => {
    const slug = basename(file, '.md');
    const parsed = splitFrontMatter(readFileSync(join(ARTICLES_DIR, file), 'utf8'));
    if (!parsed) {
      return { slug, words: 0, grade: 0, minutes: 0, questions: 0, copied: null, problems: ['no front matter'] };
    }
    const stats = analyzeMarkdown(parsed.body);
    const front = checkFrontMatter(parsed.data, slug);
    const problems = [...front.problems, ...checkBody(parsed.body)];

    if (stats.grade > MAX_GRADE) problems.push(`grade ${stats.grade} > ${MAX_GRADE}`);
    if (stats.words < MIN_WORDS || stats.words > MAX_WORDS) problems.push(`${stats.words} words (want ${MIN_WORDS}–${MAX_WORDS})`);
    if (front.questions < MIN_QUESTIONS || front.questions > MAX_QUESTIONS) {
      problems.push(`${front.questions} questions (want ${MIN_QUESTIONS}–${MAX_QUESTIONS})`);
    }

    let copied: number | null = null;
    if (source !== null) {
      // Check the front matter too: summaries, takeaways and questions are shown to patients.
      const prose = [plainTextFromMarkdown(parsed.body), ...collectStrings(parsed.data)].join('\n\n');
      const runs = findCopiedRuns(prose, source);
      const sentences = findCopiedSentences(prose, source);
      copied = runs.length;
      for (const run of runs) problems.push(`copied run: "${run.text}"`);
      for (const sentence of sentences) problems.push(`copied sentence: "${sentence}"`);
    }
    return { slug, words: stats.words, grade: stats.grade, minutes: stats.minutes, questions: front.questions, copied, problems };
  });

  const slugWidth = Math.max(4, ...rows.map((row) => row.slug.length));
  const header = `${pad('slug', slugWidth)}  ${pad('words', 5, true)}  ${pad('grade', 5, true)}  ${pad('min', 3, true)}  ${pad('qs', 2, true)}  ${pad('copied', 6, true)}  status`;
  console.info(header);
  console.info('-'.repeat(header.length + 4));
  for (const row of rows) {
    console.info(
      `${pad(row.slug, slugWidth)}  ${pad(row.words, 5, true)}  ${pad(row.grade.toFixed(1), 5, true)}  ${pad(row.minutes, 3, true)}  ${pad(row.questions, 2, true)}  ${pad(row.copied ?? 'n/a', 6, true)}  ${row.problems.length === 0 ? 'ok' : 'FAIL'}`,
    );
  }

  const failing = rows.filter((row) => row.problems.length > 0);
  for (const row of failing) {
    console.info(`\n${row.slug}:`);
    for (const problem of row.problems) console.info(`  - ${problem}`);
  }
  console.info(`\n${rows.length} articles, ${failing.length} failing`);
  process.exit(failing.length > 0 ? 1 : 0);
}

main();
