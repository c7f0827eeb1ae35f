import { describe, expect, it } from 'vitest';
import { isReadingDue, readingCompletion, readingTally } from './reading';
import type { ReadingFact } from './types';

const TODAY = '2025-11-10';
const a = (state: ReadingFact['state'], dueDate: string | null, assignedDate?: string): ReadingFact => ({ state, dueDate, ...(assignedDate ? { assignedDate } : {}) });

describe('readingCompletion', () => {
  it('is (read or understood) / (assigned and due); a due date of today is due', () => {
    const list = [a('read', '2025-11-01'), a('understood', TODAY), a('opened', '2025-11-09'), a('assigned', '2025-11-02')];
    expect(readingCompletion(list, TODAY)).toBe(0.5);
  });

  it('counts an assignment without a due date as due from the day it was assigned', () => {
    expect(isReadingDue(a('assigned', null, '2025-11-10'), TODAY)).toBe(true);
    expect(isReadingDue(a('assigned', null), TODAY)).toBe(true);
    expect(isReadingDue(a('assigned', null, '2025-11-11'), TODAY)).toBe(false);
    expect(readingCompletion([a('read', null, '2025-11-01'), a('assigned', null, '2025-11-09')], TODAY)).toBe(0.5);
  });

  it('keeps articles not yet due out of both counts, so reading early never exceeds 100 %', () => {
    const list = [a('read', '2025-11-01'), a('read', '2025-11-20'), a('assigned', '2025-11-20')];
    expect(readingTally(list, TODAY)).toEqual({ due: 1, done: 1, value: 1, notYetDue: 2, doneEarly: 1 });
  });

  it('is null ("no data") when nothing is due', () => {
    expect(readingCompletion([], TODAY)).toBeNull();
    expect(readingCompletion([a('understood', '2025-12-01')], TODAY)).toBeNull();
  });

  it('is a real 0 when due articles are unread', () => {
    expect(readingCompletion([a('opened', '2025-11-01')], TODAY)).toBe(0);
  });
});
