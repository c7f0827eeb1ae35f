import { describe, it, expect } from 'vitest';
import { findCopiedRuns, findCopiedSentences, normalizeWords } from './originality';

const SOURCE = [
  'Fascia is a thin covering that wraps every muscle in the body, from single fibres to whole groups.',
  'When the layers stop gliding after an injury, the result often feels like a tight muscle.',
  'Short note.',
].join(' ');

describe('normalizeWords', () => {
  it('lowercases, drops apostrophes and splits on punctuation', () => {
    expect(normalizeWords("You're SORE — low-back, (again)!")).toEqual(['youre', 'sore', 'low', 'back', 'again']);
  });
});

describe('findCopiedRuns', () => {
  it('finds a planted copy, ignoring case and punctuation', () => {
    const text =
      'Here is some new text. FASCIA is a thin covering that wraps every muscle, in the body! Then more new words.';
    const runs = findCopiedRuns(text, SOURCE);
    expect(runs).toHaveLength(1);
    expect(runs[0]?.text).toBe('fascia is a thin covering that wraps every muscle in the body');
    expect(runs[0]?.length).toBe(12);
    expect(runs[0]?.sourceIndex).toBe(0);
  });

  it('reports a run of exactly n words but not n − 1', () => {
    const eight = 'when the layers stop gliding after an injury';
    expect(findCopiedRuns(`Note: ${eight}, rest.`, SOURCE)).toHaveLength(1);
    const seven = 'when the layers stop gliding after an';
    expect(findCopiedRuns(`Note: ${seven} accident.`, SOURCE)).toHaveLength(0);
  });

  it('honours a custom n', () => {
    expect(findCopiedRuns('a thin covering that wraps', SOURCE, 5)).toHaveLength(1);
    expect(findCopiedRuns('a thin covering that wraps', SOURCE, 6)).toHaveLength(0);
  });

  it('passes a paraphrase of the same facts', () => {
    const paraphrase =
      'Fascia is a fine wrap around each muscle, down to the smallest fibre. ' +
      'If its layers stick after you get hurt, it can seem as if the muscle itself is tight.';
    expect(findCopiedRuns(paraphrase, SOURCE)).toEqual([]);
    expect(findCopiedSentences(paraphrase, SOURCE)).toEqual([]);
  });

  it('reports two separate copies once each', () => {
    const text =
      'Fascia is a thin covering that wraps every muscle in the body. Something else entirely here. ' +
      'When the layers stop gliding after an injury the result often feels bad.';
    expect(findCopiedRuns(text, SOURCE).map((run) => run.length)).toEqual([12, 12]);
  });

  it('rejects a run length below 1', () => {
    expect(() => findCopiedRuns('text', SOURCE, 0)).toThrow(RangeError);
  });
});

describe('findCopiedSentences', () => {
  it('finds a whole source sentence inside the text', () => {
    const text = 'Intro words. When the layers stop gliding after an injury, the result often feels like a tight muscle.';
    expect(findCopiedSentences(text, SOURCE)).toEqual([
      'When the layers stop gliding after an injury, the result often feels like a tight muscle.',
    ]);
  });

  it('ignores source sentences shorter than 6 words', () => {
    expect(findCopiedSentences('This is a short note. Nothing more.', SOURCE)).toEqual([]);
  });
});
