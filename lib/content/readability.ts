/**
 * Readability helpers for patient-education articles.
 *
 * Flesch-Kincaid grade = 0.39 · (words / sentences) + 11.8 · (syllables / words) − 15.59.
 * Pure functions only: no I/O, safe to use on the server, in scripts and in tests.
 */

export type ReadabilityStats = {
  words: number;
  sentences: number;
  syllables: number;
  grade: number;
  minutes: number;
};

const WORDS_PER_MINUTE = 200;

/** Abbreviations whose trailing period never ends a sentence. */
const ABBREVIATIONS: readonly string[] = [
  'e.g.',
  'i.e.',
  'etc.',
  'vs.',
  'approx.',
  'dr.',
  'mr.',
  'mrs.',
  'ms.',
  'prof.',
  'st.',
  'no.',
  'min.',
  'max.',
  'a.m.',
  'p.m.',
  'u.s.',
  'fig.',
];

/** Words the rules below get wrong that are common in our articles. */
const SYLLABLE_EXCEPTIONS: Readonly<Record<string, number>> = {
  pilates: 3,
  create: 2,
  creates: 2,
  sciatica: 4,
  myofascial: 4,
  every: 3,
  everyone: 4,
  everything: 4,
  business: 2,
  different: 3,
  several: 3,
};

const ONES: readonly string[] = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine',
  'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen',
  'eighteen', 'nineteen',
];
const TENS: readonly string[] = [
  '', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety',
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const ABBREVIATION_PATTERN = new RegExp(
  `(^|[\\s(])(${ABBREVIATIONS.map(escapeRegExp).join('|')})(?=\\s|$)`,
  'gi',
);

/** Spells a whole number in words so its syllables can be counted ("30" → "thirty"). */
function spellNumber(value: number): string {
  if (!Number.isFinite(value) || value < 0) return '';
  if (value < 20) return ONES[value] ?? '';
  if (value < 100) {
    const tens = TENS[Math.floor(value / 10)] ?? '';
    const rest = value % 10;
    return rest === 0 ? tens : `${tens} ${ONES[rest] ?? ''}`;
  }
  if (value < 1000) {
    const rest = value % 100;
    const head = `${ONES[Math.floor(value / 100)] ?? ''} hundred`;
    return rest === 0 ? head : `${head} ${spellNumber(rest)}`;
  }
  if (value < 1_000_000) {
    const rest = value % 1000;
    const head = `${spellNumber(Math.floor(value / 1000))} thousand`;
    return rest === 0 ? head : `${head} ${spellNumber(rest)}`;
  }
  return 'a big number';
}

function countNumberSyllables(token: string): number {
  const [whole = '', fraction = ''] = token.replace(/,/g, '').split('.');
  let spoken = whole === '' ? '' : spellNumber(Number.parseInt(whole, 10));
  if (fraction !== '') {
    const digits = [...fraction].map((digit) => ONES[Number(digit)] ?? '').join(' ');
    spoken = `${spoken} point ${digits}`;
  }
  const parts = spoken.split(/\s+/).filter((part) => part !== '');
  return parts.reduce((sum, part) => sum + countLetterWordSyllables(part), 0);
}

/** Heuristic syllable count for one run of letters (no digits, no hyphens). */
function countLetterWordSyllables(raw: string): number {
  // Short all-consonant acronyms are spelled out letter by letter ("PT" = 2).
  if (/^[B-DF-HJ-NP-TV-XZ]{2,4}$/.test(raw)) return raw.length;

  let word = raw.toLowerCase().replace(/[^a-z]/g, '');
  if (word === '') return 0;
  const known = SYLLABLE_EXCEPTIONS[word];
  if (known !== undefined) return known;
  if (word.length <= 3) return 1;

  let extra = 0;

  // Plurals and verb endings: "muscles" → "muscle", but "boxes", "places" keep their -es.
  if (/(?:[sxzcg]|ch|sh)es$/.test(word)) {
    extra += 1;
    word = word.slice(0, -2);
  } else if (/[^s]s$/.test(word) && !/(?:us|is|ss)$/.test(word)) {
    word = word.slice(0, -1);
  }

  if (/[^td]ed$/.test(word) && word.length > 3) {
    // "-ed" is silent unless it follows t or d ("stretched" = 1, "rested" = 2).
    word = word.slice(0, -2);
  } else if (/e$/.test(word) && !/[^aeiouy]le$/.test(word) && word.length > 2) {
    // A final silent e ("move", "tissue"), but not a syllabic "-le" ("muscle", "gentle").
    word = word.slice(0, -1);
  }

  // "y" before a vowel is a consonant at the start ("yoga") and after a vowel ("layer").
  word = word.replace(/^y(?=[aeiou])/, '').replace(/([aeiou])y(?=[aeou])/g, '$1-');

  let count = (word.match(/[aeiouy]+/g) ?? []).length;

  // Vowel pairs that are usually said as two syllables.
  if (/[^ct]ia/.test(word) || /ia$/.test(word)) count += 1; // trial, media, fascia
  if (/[^aeiou]ea$/.test(word)) count += 1; // area, idea
  if (/ium$/.test(word)) count += 1; // calcium
  if (/[^qg]ua/.test(word)) count += 1; // usual, gradual
  if (/[^tcsf]ie[nt]/.test(word) && !word.includes('friend')) count += 1; // client, quiet
  if (/[aeiouy]ing$/.test(word) && !/(?:qu|gu)ing$/.test(word)) count += 1; // doing, lying
  if (/sm$/.test(word)) count += 1; // spasm
  // A silent e inside a suffixed word ("movement", "safely", "useful").
  if (/(?:^|[^aeiou])[aeiou][^aeiouy]e(?:ly|ful|less|ness|ment)$/.test(word)) count -= 1;

  return Math.max(1, count + extra);
}

/**
 * Estimated syllables in one word. Hyphenated and slash-joined words are the sum of
 * their parts ("low-back" = 2), numbers are counted as spoken ("30" = 2, "0–10" = 3).
 */
export function countSyllables(word: string): number {
  const parts = word
    .replace(/[\u2019']/g, '')
    .split(/[-\u2010-\u2015/]+/)
    .map((part) => part.replace(/^[^a-z0-9]+|[^a-z0-9]+$/gi, ''))
    .filter((part) => part !== '');
  let total = 0;
  for (const part of parts) {
    if (/^\d[\d,]*(?:\.\d+)?%?$/.test(part)) {
      total += countNumberSyllables(part.replace('%', ''));
      if (part.endsWith('%')) total += 2;
    } else {
      total += countLetterWordSyllables(part.replace(/\d/g, ''));
    }
  }
  return parts.length === 0 ? 0 : Math.max(1, total);
}

/** Splits text into word tokens, keeping hyphenated words and number ranges whole. */
export function tokenizeWords(text: string): string[] {
  return text
    .replace(/\s[\u2013\u2014-]+\s/g, ' ')
    .replace(/\u2014/g, ' ')
    .split(/\s+/)
    .map((token) => token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}%]+$/gu, ''))
    .filter((token) => /[\p{L}\p{N}]/u.test(token));
}

export function countWords(text: string): number {
  return tokenizeWords(text).length;
}

/**
 * Splits text into sentences. A blank line always ends a sentence (so headings and
 * list items from `plainTextFromMarkdown` count on their own); inside a block, `.`, `!`
 * and `?` end a sentence unless they belong to an abbreviation or a decimal number.
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  const blocks = text.split(/\n[ \t]*\n/);
  for (const block of blocks) {
    const guarded = block
      .replace(/\s+/g, ' ')
      .replace(ABBREVIATION_PATTERN, (_match, lead: string, abbreviation: string) =>
        `${lead}${abbreviation.replace(/\./g, '\u2024')}`,
      )
      .replace(/(\d)\.(\d)/g, '$1\u2024$2')
      .replace(/\b([A-Z])\.(?=\s+[A-Z])/g, '$1\u2024');
    const pieces = guarded.match(/[^.!?]+(?:[.!?]+["'\u201d\u2019)\]]*|$)/g) ?? [];
    for (const piece of pieces) {
      const sentence = piece.replace(/\u2024/g, '.').trim();
      if (/[\p{L}\p{N}]/u.test(sentence)) sentences.push(sentence);
    }
  }
  return sentences;
}

export function countSentences(text: string): number {
  return splitSentences(text).length;
}

export function countTextSyllables(text: string): number {
  return tokenizeWords(text).reduce((sum, word) => sum + countSyllables(word), 0);
}

/** Flesch-Kincaid grade level, rounded to one decimal. Empty text scores 0. */
export function fleschKincaidGrade(text: string): number {
  const words = countWords(text);
  if (words === 0) return 0;
  const sentences = Math.max(1, countSentences(text));
  const syllables = countTextSyllables(text);
  const grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59;
  return Math.round(grade * 10) / 10;
}

/** Minutes to read at 200 words per minute, rounded up, never less than 1. */
export function readingMinutes(text: string): number {
  return Math.max(1, Math.ceil(countWords(text) / WORDS_PER_MINUTE));
}

function stripInline(line: string): string {
  return line
    .replace(/<[^>]*>/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*/g, '$1$2')
    .replace(/(^|\W)_(?=\S)([^_]*?\S)_(?=\W|$)/g, '$1$2')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Markdown → plain prose for readability scoring. Front matter, code fences, HTML,
 * rules and table pipes are dropped; links and images keep their text; emphasis
 * markers go. Each heading, list item and paragraph becomes its own block, and blocks
 * are separated by a blank line so each one ends a sentence.
 */
export function plainTextFromMarkdown(md: string): string {
  const source = md.replace(/\r\n?/g, '\n').replace(/^---\n[\s\S]*?\n---(?:\n|$)/, '');
  const blocks: string[] = [];
  let current: string[] = [];
  let inFence = false;

  const flush = (): void => {
    const text = stripInline(current.join(' '));
    if (text !== '') blocks.push(text);
    current = [];
  };

  for (const rawLine of source.split('\n')) {
    if (/^\s*(```|~~~)/.test(rawLine)) {
      flush();
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;

    const line = rawLine.replace(/^\s*(?:>\s?)+/, '');
    if (line.trim() === '' || /^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) {
      flush();
      continue;
    }
    if (/^\s*\|?\s*:?-{3,}/.test(line) && line.includes('|')) continue;

    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      flush();
      current.push(heading[1] ?? '');
      flush();
      continue;
    }
    const listItem = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(.*)$/.exec(line);
    if (listItem) {
      flush();
      current.push(listItem[1] ?? '');
      continue;
    }
    current.push(line.replace(/\|/g, ' '));
  }
  flush();
  return blocks.join('\n\n');
}

/** All readability numbers for a Markdown body, computed on its prose. */
export function analyzeMarkdown(md: string): ReadabilityStats {
  const text = plainTextFromMarkdown(md);
  const words = countWords(text);
  return {
    words,
    sentences: countSentences(text),
    syllables: countTextSyllables(text),
    grade: fleschKincaidGrade(text),
    minutes: readingMinutes(text),
  };
}
