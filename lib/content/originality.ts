/**
 * Originality checks: articles teach the source's facts in new words, so no run of
 * n (default 8) consecutive words and no whole source sentence may be copied.
 * Comparison is on normalized words: lowercase, apostrophes dropped, any other
 * punctuation treated as a word break.
 */
import { splitSentences } from './readability';

export type CopiedRun = {
  /** The shared words, normalized and joined by single spaces. */
  text: string;
  length: number;
  /** Word index of the run's start in the checked text. */
  textIndex: number;
  /** Word index of the run's start in the source. */
  sourceIndex: number;
};

export const DEFAULT_RUN_LENGTH = 8;
export const MIN_SENTENCE_WORDS = 6;

export function normalizeWords(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['\u2018\u2019\u02bc]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/**
 * Every maximal run of `n` or more consecutive words that the text shares with the
 * source, in text order. A run that is only the tail of an earlier reported run is
 * not reported again.
 */
export function findCopiedRuns(text: string, source: string, n = DEFAULT_RUN_LENGTH): CopiedRun[] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  const textWords = normalizeWords(text);
  const sourceWords = normalizeWords(source);

  const sourceStarts = new Map<string, number[]>();
  for (let i = 0; i + n <= sourceWords.length; i += 1) {
    const key = sourceWords.slice(i, i + n).join(' ');
    const starts = sourceStarts.get(key);
    if (starts) starts.push(i);
    else sourceStarts.set(key, [i]);
  }

  const runs: CopiedRun[] = [];
  let reportedEnd = 0;
  for (let i = 0; i + n <= textWords.length; i += 1) {
    const starts = sourceStarts.get(textWords.slice(i, i + n).join(' '));
    if (!starts) continue;

    let bestLength = 0;
    let bestStart = 0;
    for (const start of starts) {
      let length = n;
      while (
        i + length < textWords.length &&
        start + length < sourceWords.length &&
        textWords[i + length] === sourceWords[start + length]
      ) {
        length += 1;
      }
      if (length > bestLength) {
        bestLength = length;
        bestStart = start;
      }
    }

    if (i + bestLength > reportedEnd) {
      runs.push({
        text: textWords.slice(i, i + bestLength).join(' '),
        length: bestLength,
        textIndex: i,
        sourceIndex: bestStart,
      });
      reportedEnd = i + bestLength;
    }
  }
  return runs;
}

/** Source sentences of at least 6 words that appear, word for word, in the text. */
export function findCopiedSentences(text: string, source: string): string[] {
  const haystack = ` ${normalizeWords(text).join(' ')} `;
  const found: string[] = [];
  for (const sentence of splitSentences(source)) {
    const words = normalizeWords(sentence);
    if (words.length < MIN_SENTENCE_WORDS) continue;
    if (haystack.includes(` ${words.join(' ')} `) && !found.includes(sentence)) {
      found.push(sentence);
    }
  }
  return found;
}
