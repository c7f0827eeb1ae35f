import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError, loadArticles, loadArticleSource, loadExercises, loadLibrary, loadTemplates, type LoadedArticle, type LoadedExercise } from './load';
import { findCopiedRuns, findCopiedSentences } from './originality';
import { plainTextFromMarkdown } from './readability';

const ILLUSTRATIONS_DIR = path.resolve(process.cwd(), 'public/illustrations');
const SOURCE_PATH = path.resolve(process.cwd(), '../shared/source/soft-tissue-and-back-pain.txt');

const library = loadLibrary();

describe('the built-in library in content/', () => {
  it('loads every article, exercise and template without a ContentError', () => {
    const count = (dir: string, ext: string) => readdirSync(path.resolve(process.cwd(), 'content', dir)).filter((f) => f.endsWith(ext)).length;
    expect(library.articles.length).toBe(count('articles', '.md'));
    expect(library.exercises.length).toBe(count('exercises', '.md'));
    expect(library.templates.length).toBe(count('templates', '.yaml'));
    expect(library.articles.length).toBeGreaterThan(0);
    expect(library.exercises.length).toBeGreaterThan(0);
    expect(library.templates.length).toBeGreaterThan(0);
  });

  it('has unique slugs', () => {
    for (const list of [library.articles, library.exercises, library.templates]) {
      const slugs = list.map((x) => x.slug);
      expect(new Set(slugs).size).toBe(slugs.length);
    }
  });

  it('only uses exercises that exist in its templates', () => {
    expect(() => loadTemplates(new Set())).toThrow(/unknown exercise/);
    expect(loadTemplates(new Set(library.exercises.map((e) => e.slug)))).toHaveLength(library.templates.length);
  });
});

describe.each(library.articles.map((a) => [a.slug, a] as const))('article %s', (_slug, article: LoadedArticle) => {
  it('reads at grade 8 or below', () => {
    expect(article.readingGrade).toBeLessThanOrEqual(8);
  });

  it('has 300–700 words', () => {
    expect(article.wordCount).toBeGreaterThanOrEqual(300);
    expect(article.wordCount).toBeLessThanOrEqual(700);
  });

  it('has 2–4 check questions, each answer pointing at one of its choices', () => {
    expect(article.questions.length).toBeGreaterThanOrEqual(2);
    expect(article.questions.length).toBeLessThanOrEqual(4);
    for (const q of article.questions) {
      expect(q.answer).toBeGreaterThanOrEqual(0);
      expect(q.answer).toBeLessThan(q.choices.length);
    }
  });
});

/** True when the SVG text has an event-handler attribute such as onload= or onclick =. */
const hasEventHandler = (svg: string) => /\son[a-z]+\s*=/i.test(svg);

describe.each(library.exercises.map((e) => [e.slug, e] as const))('exercise %s', (_slug, exercise: LoadedExercise) => {
  it('has an illustration in public/illustrations that is a safe, script-free SVG', () => {
    const file = path.join(ILLUSTRATIONS_DIR, exercise.illustration);
    expect(existsSync(file), `${exercise.illustration} is missing`).toBe(true);
    const svg = readFileSync(file, 'utf8');
    expect(svg).toMatch(/<svg[\s>]/);
    expect(svg.toLowerCase()).not.toContain('<script');
    expect(hasEventHandler(svg)).toBe(false);
    expect(svg.toLowerCase()).not.toContain('href');
  });
});

describe('every SVG in public/illustrations', () => {
  const files = readdirSync(ILLUSTRATIONS_DIR).filter((f) => f.endsWith('.svg'));
  it.each(files)('%s has no <script, no on…= attribute and no href', (file) => {
    const svg = readFileSync(path.join(ILLUSTRATIONS_DIR, file), 'utf8').toLowerCase();
    expect(svg).not.toContain('<script');
    expect(hasEventHandler(svg)).toBe(false);
    expect(svg).not.toContain('href');
  });

  it('the event-handler check catches what it is meant to catch', () => {
    expect(hasEventHandler('<svg onload="alert(1)">')).toBe(true);
    expect(hasEventHandler('<rect\nonclick = "x"/>')).toBe(true);
    expect(hasEventHandler('<path d="M0 0" stroke-linecap="round"/>')).toBe(false);
  });
});

describe('loadArticleSource on broken input', () => {
  const FILE = 'test-article.md';
  const FRONT = [
    'slug: test-article',
    'title: "A test article"',
    'summary: "A short summary."',
    'tissues: [muscle]',
    'takeaways:',
    '  - "One."',
    '  - "Two."',
    '  - "Three."',
    'questions:',
    '  - prompt: "First?"',
    '    choices: ["Yes", "No"]',
    '    answer: 0',
    '    explanation: "Because."',
    '  - prompt: "Second?"',
    '    choices: ["Yes", "No", "Maybe"]',
    '    answer: 2',
    '    explanation: "Because."',
  ].join('\n');
  const BODY = 'Muscles move you.\n\n## More\n\nMove a little each day.';
  const build = (front = FRONT, body = BODY) => `---\n${front}\n---\n${body}\n`;

  /** The ContentError a source raises (fails the test if it raises nothing or something else). */
  function contentErrorOf(file: string, source: string): ContentError {
    try {
      loadArticleSource(file, source);
    } catch (error) {
      expect(error).toBeInstanceOf(ContentError);
      return error as ContentError;
    }
    throw new Error('expected loadArticleSource to throw a ContentError');
  }

  it('loads the unbroken baseline (so each failure below is caused by its one change)', () => {
    const article = loadArticleSource(FILE, build());
    expect(article.slug).toBe('test-article');
    expect(article.questions).toHaveLength(2);
    expect(article.body).toContain('Muscles move you.');
  });

  it('names the file and the problem when the front matter is missing', () => {
    const error = contentErrorOf(FILE, BODY);
    expect(error.message).toContain(FILE);
    expect(error.message).toMatch(/missing front matter/i);
    expect(error.file).toBe(FILE);
  });

  it('names the file and the problem when the front matter is not valid YAML', () => {
    const error = contentErrorOf(FILE, build(`${FRONT}\ntitle: [unclosed`));
    expect(error.message).toContain(FILE);
    expect(error.message).toMatch(/not valid YAML/i);
  });

  it('names the file and the field when an answer index is out of range', () => {
    const error = contentErrorOf(FILE, build(FRONT.replace('answer: 2', 'answer: 3')));
    expect(error.message).toContain(FILE);
    expect(error.message).toContain('questions.1.answer');
    expect(error.message).toMatch(/index of one of the choices/);
  });

  it('names the file and the slug when the slug does not match the file name', () => {
    const error = contentErrorOf('other-name.md', build());
    expect(error.message).toContain('other-name.md');
    expect(error.message).toMatch(/slug "test-article" must match the file name/);
  });

  it.each([
    ['a script tag', 'Hello.\n\n<script>alert(1)</script>'],
    ['an inline element', 'Stretch <b>gently</b> today.'],
    ['an image tag', 'Look: <img src=x onerror=alert(1)>'],
  ])('names the file and the problem when the body contains raw HTML (%s)', (_name, body) => {
    const error = contentErrorOf(FILE, build(FRONT, body));
    expect(error.message).toContain(FILE);
    expect(error.message).toMatch(/raw HTML/);
  });

  it('names the file when the front matter has an unknown key or too few questions', () => {
    const extra = contentErrorOf(FILE, build(`${FRONT}\nauthor: "Someone"`));
    expect(extra.message).toContain(FILE);
    expect(extra.message).toMatch(/author/);
    const oneQuestion = FRONT.split('\n').slice(0, 13).join('\n');
    const few = contentErrorOf(FILE, build(oneQuestion));
    expect(few.message).toContain(FILE);
    expect(few.message).toMatch(/at least 2 check questions/);
  });
});

describe('originality against ../shared/source/soft-tissue-and-back-pain.txt', () => {
  function readSource(): string {
    if (!existsSync(SOURCE_PATH)) {
      throw new Error(`The originality source text is missing: expected it at ${SOURCE_PATH} (resolved from ${process.cwd()}). It is always present in CI; check out the shared folder beside the repository.`);
    }
    return readFileSync(SOURCE_PATH, 'utf8');
  }

  const articleTexts = (a: LoadedArticle): string[] => [
    a.title,
    a.summary,
    ...a.takeaways,
    ...a.questions.flatMap((q) => [q.prompt, ...q.choices, q.explanation]),
    plainTextFromMarkdown(a.body),
  ];
  const exerciseTexts = (e: LoadedExercise): string[] => [e.name, ...e.targets, ...e.steps, e.feel, ...e.cautions, ...e.stopIf, e.illustrationAlt, plainTextFromMarkdown(e.about)];

  it('can read the source text', () => {
    expect(readSource().split(/\s+/).length).toBeGreaterThan(100);
  });

  it('detects a planted copy (the check is not vacuous)', () => {
    const source = readSource();
    const words = source.split(/\s+/).filter(Boolean);
    const planted = `Our own words first. ${words.slice(20, 32).join(' ')} And our own words after.`;
    expect(findCopiedRuns(planted, source).length).toBeGreaterThan(0);
  });

  it.each(loadArticles().map((a) => [a.slug, a] as const))('article %s shares no run of 8+ words and no sentence with the source', (_slug, article) => {
    const source = readSource();
    // Each field on its own, then all fields together (as scripts/check-articles.ts checks them).
    for (const text of articleTexts(article)) {
      expect(findCopiedRuns(text, source).map((r) => r.text)).toEqual([]);
      expect(findCopiedSentences(text, source)).toEqual([]);
    }
    const all = articleTexts(article).join('\n\n');
    expect(findCopiedRuns(all, source).map((r) => r.text)).toEqual([]);
    expect(findCopiedSentences(all, source)).toEqual([]);
  });

  it.each(loadExercises().map((e) => [e.slug, e] as const))('exercise %s shares no run of 8+ words and no sentence with the source', (_slug, exercise) => {
    const source = readSource();
    for (const text of exerciseTexts(exercise)) {
      expect(findCopiedRuns(text, source).map((r) => r.text)).toEqual([]);
      expect(findCopiedSentences(text, source)).toEqual([]);
    }
  });

  it('no template name or purpose shares a run of 8+ words with the source', () => {
    const source = readSource();
    for (const t of library.templates) {
      expect(findCopiedRuns(`${t.name}\n\n${t.purpose}`, source).map((r) => r.text)).toEqual([]);
    }
  });
});
