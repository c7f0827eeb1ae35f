import { describe, it, expect } from 'vitest';
import {
  analyzeMarkdown,
  countSentences,
  countSyllables,
  countWords,
  fleschKincaidGrade,
  plainTextFromMarkdown,
  readingMinutes,
  splitSentences,
} from './readability';

describe('countSyllables', () => {
  it.each([
    ['the', 1],
    ['muscle', 2],
    ['muscles', 2],
    ['ligament', 3],
    ['stretching', 2],
    ['stretched', 1],
    ['fascia', 3],
    ['tendon', 2],
    ['spine', 1],
    ['gentle', 2],
    ['therapist', 3],
    ['surgery', 3],
    ['hamstrings', 2],
    ['piriformis', 4],
    ['synovial', 4],
    ['emergency', 4],
  ])('counts common word %s as %i', (word, expected) => {
    expect(countSyllables(word)).toBe(expected);
  });

  it.each([
    ['yoga', 2], // leading y is a consonant
    ['layers', 2], // y between vowels
    ['tissue', 2], // silent final e after a vowel
    ['places', 2], // -es after c is said
    ['rested', 2], // -ed after t is said
    ['used', 1], // -ed after s is silent
    ['movement', 2], // silent e inside a suffixed word
    ['doing', 2], // vowel + ing
    ['gradual', 3], // split "ua"
    ['area', 3], // final "ea"
    ['spasm', 2], // final "sm"
    ['Pilates', 3], // exception list
  ])('handles tricky word %s as %i', (word, expected) => {
    expect(countSyllables(word)).toBe(expected);
  });

  it('sums hyphenated and slash-joined parts', () => {
    expect(countSyllables('low-back')).toBe(2);
    expect(countSyllables('and/or')).toBe(2);
  });

  it('counts numbers as they are spoken', () => {
    expect(countSyllables('30')).toBe(2); // thirty
    expect(countSyllables('7')).toBe(2); // seven
    expect(countSyllables('0–10')).toBe(3); // zero, ten
    expect(countSyllables('1.5')).toBe(3); // one point five
  });

  it('ignores surrounding punctuation', () => {
    expect(countSyllables('"muscle,"')).toBe(2);
  });
});

describe('countWords', () => {
  it('counts hyphenated words and number ranges as one word', () => {
    expect(countWords('Rate your low-back pain from 0–10.')).toBe(6);
  });

  it('does not count spaced dashes or stray punctuation as words', () => {
    expect(countWords('Rest — then move. ... !')).toBe(3);
  });

  it('returns 0 for empty text', () => {
    expect(countWords('   ')).toBe(0);
  });
});

describe('countSentences', () => {
  it('splits on . ! and ?', () => {
    expect(countSentences('Stand up. Walk around! Does it help? Yes.')).toBe(4);
  });

  it('does not split on abbreviations or decimals', () => {
    const text = 'Dr. Lee said to rest, e.g. lie down for 1.5 hours. Then walk.';
    expect(splitSentences(text)).toEqual([
      'Dr. Lee said to rest, e.g. lie down for 1.5 hours.',
      'Then walk.',
    ]);
  });

  it('ends a sentence at a blank line even without a period', () => {
    expect(countSentences('A heading\n\nA list item\n\nA sentence.')).toBe(3);
  });

  it('counts trailing text without a period as a sentence', () => {
    expect(countSentences('One. Two')).toBe(2);
  });
});

describe('fleschKincaidGrade', () => {
  it('gives a simple sentence a low grade', () => {
    expect(fleschKincaidGrade('The cat sat on the mat. The dog ran to the cat.')).toBeLessThan(2);
  });

  it('gives a dense academic sentence a grade above 12', () => {
    const dense =
      'The epidemiological characterization of musculoskeletal dysfunction necessitates comprehensive ' +
      'interdisciplinary investigation of biomechanical, psychosocial, and occupational determinants.';
    expect(fleschKincaidGrade(dense)).toBeGreaterThan(12);
  });

  it('matches the formula and rounds to one decimal', () => {
    // 6 words, 1 sentence, 6 syllables: 0.39·6 + 11.8·1 − 15.59 ≈ −1.45, shown as −1.4
    expect(fleschKincaidGrade('The cat sat on the mat.')).toBe(-1.4);
  });

  it('returns 0 for empty text', () => {
    expect(fleschKincaidGrade('')).toBe(0);
  });
});

describe('readingMinutes', () => {
  it('rounds up at 200 words a minute with a minimum of 1', () => {
    expect(readingMinutes('')).toBe(1);
    expect(readingMinutes('word '.repeat(200))).toBe(1);
    expect(readingMinutes('word '.repeat(201))).toBe(2);
    expect(readingMinutes('word '.repeat(401))).toBe(3);
  });
});

describe('plainTextFromMarkdown', () => {
  const md = [
    '---',
    'slug: sample',
    '---',
    '## Why it matters',
    '',
    'Your **fascia** is like a *wrapper*. See [this guide](https://example.com) for more.',
    'It glides',
    'over muscle.',
    '',
    '- Rest a bit',
    '- Move __gently__.',
    '1. Step one',
    '2. Step two',
    '',
    'Text with `code`, <b>html</b> and ![a picture](a.png).',
  ].join('\n');

  it('strips markers, keeps link text and joins wrapped lines', () => {
    expect(plainTextFromMarkdown(md)).toBe(
      [
        'Why it matters',
        'Your fascia is like a wrapper. See this guide for more. It glides over muscle.',
        'Rest a bit',
        'Move gently.',
        'Step one',
        'Step two',
        'Text with code, html and a picture.',
      ].join('\n\n'),
    );
  });

  it('treats each heading and list item as its own sentence', () => {
    expect(countSentences(plainTextFromMarkdown(md))).toBe(9);
  });

  it('leaves snake_case words alone', () => {
    expect(plainTextFromMarkdown('Use the file_name field.')).toBe('Use the file_name field.');
  });

  it('computes all stats on the prose only', () => {
    const stats = analyzeMarkdown('## Stretch\n\n- Hold it\n- Breathe slowly');
    expect(stats).toMatchObject({ words: 5, sentences: 3, minutes: 1 });
  });
});
