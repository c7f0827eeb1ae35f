// Loads the built-in library from content/ and validates every file. A broken file throws a
// ContentError naming the file and the problem, so a bad edit fails the tests, not the app.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { fleschKincaidGrade, plainTextFromMarkdown, readingMinutes, countWords } from './readability';
import { articleFrontMatterSchema, exerciseFrontMatterSchema, templateSchema, type ArticleFrontMatter, type ExerciseFrontMatter, type TemplateFile } from './schema';

export const CONTENT_DIR = path.resolve(process.cwd(), 'content');

export class ContentError extends Error {
  constructor(readonly file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'ContentError';
  }
}

export type LoadedArticle = ArticleFrontMatter & {
  body: string;
  readingGrade: number;
  readingMinutes: number;
  wordCount: number;
  contentHash: string;
};
export type LoadedExercise = ExerciseFrontMatter & { about: string; contentHash: string };

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/** Splits a Markdown file into its YAML front matter and body, validating the front matter. */
export function parseMarkdownFile<T>(file: string, source: string, schema: z.ZodType<T>): { data: T; body: string } {
  const match = FRONT_MATTER.exec(source);
  if (!match) throw new ContentError(file, 'missing front matter (the file must start with a --- block)');
  let raw: unknown;
  try {
    raw = parseYaml(match[1] ?? '');
  } catch (error) {
    throw new ContentError(file, `front matter is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  return { data: parseWith(file, raw, schema), body: (match[2] ?? '').trim() };
}

function parseWith<T>(file: string, raw: unknown, schema: z.ZodType<T>): T {
  const result = schema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`);
    throw new ContentError(file, problems.join('; '));
  }
  return result.data;
}

/** Raw HTML is never allowed in built-in Markdown (the renderer escapes it anyway). */
function assertNoHtml(file: string, body: string): void {
  if (/<\/?[a-z][\s\S]*?>/i.test(body)) throw new ContentError(file, 'contains raw HTML; use Markdown only');
}

function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

function filesIn(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort();
}

function assertSlugMatches(file: string, slug: string, ext: string): void {
  if (path.basename(file, ext) !== slug) throw new ContentError(file, `slug "${slug}" must match the file name`);
}

export function loadArticleSource(file: string, source: string): LoadedArticle {
  const { data, body } = parseMarkdownFile(file, source, articleFrontMatterSchema);
  assertSlugMatches(file, data.slug, '.md');
  if (!body) throw new ContentError(file, 'has no body text');
  assertNoHtml(file, body);
  const plain = plainTextFromMarkdown(body);
  return {
    ...data,
    body,
    readingGrade: fleschKincaidGrade(plain),
    readingMinutes: readingMinutes(plain),
    wordCount: countWords(plain),
    contentHash: hashOf({ ...data, body }),
  };
}

export function loadArticles(dir = path.join(CONTENT_DIR, 'articles')): LoadedArticle[] {
  return filesIn(dir, '.md').map((f) => loadArticleSource(f, readFileSync(path.join(dir, f), 'utf8')));
}

export function loadExercises(dir = path.join(CONTENT_DIR, 'exercises'), illustrationsDir = path.resolve(process.cwd(), 'public/illustrations')): LoadedExercise[] {
  return filesIn(dir, '.md').map((f) => {
    const { data, body } = parseMarkdownFile(f, readFileSync(path.join(dir, f), 'utf8'), exerciseFrontMatterSchema);
    assertSlugMatches(f, data.slug, '.md');
    assertNoHtml(f, body);
    if (!existsSync(path.join(illustrationsDir, data.illustration))) throw new ContentError(f, `illustration ${data.illustration} does not exist in public/illustrations`);
    return { ...data, about: body, contentHash: hashOf({ ...data, body }) };
  });
}

export function loadTemplates(exerciseSlugs: ReadonlySet<string>, dir = path.join(CONTENT_DIR, 'templates')): TemplateFile[] {
  return filesIn(dir, '.yaml').map((f) => {
    let raw: unknown;
    try {
      raw = parseYaml(readFileSync(path.join(dir, f), 'utf8'));
    } catch (error) {
      throw new ContentError(f, `not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
    const data = parseWith(f, raw, templateSchema);
    assertSlugMatches(f, data.slug, '.yaml');
    for (const item of data.items) {
      if (!exerciseSlugs.has(item.exercise)) throw new ContentError(f, `unknown exercise "${item.exercise}"`);
    }
    return data;
  });
}

export type Library = { articles: LoadedArticle[]; exercises: LoadedExercise[]; templates: TemplateFile[] };

export function loadLibrary(): Library {
  const exercises = loadExercises();
  return { articles: loadArticles(), exercises, templates: loadTemplates(new Set(exercises.map((e) => e.slug))) };
}
