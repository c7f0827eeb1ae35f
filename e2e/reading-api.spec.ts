import { expect, test } from './fixtures';

test.describe('reading API', () => {
  test('bad bodies get 422 naming the field; unknown assignments and questions get 404', async ({ page, signedInAs }) => {
    await signedInAs('patient');
    await page.goto('/read');
    const href = await page.getByTestId('reading-item').first().getByRole('link').getAttribute('href');
    const assignmentId = href?.split('/').pop() ?? '';
    const cases: [string, string, unknown, string][] = [
      ['progress: unknown event', 'progress', { event: 'skim', seconds: 5 }, 'event'],
      ['progress: negative seconds', 'progress', { event: 'heartbeat', seconds: -1 }, 'seconds'],
      ['progress: too many seconds', 'progress', { event: 'heartbeat', seconds: 100000 }, 'seconds'],
      ['answers: not a list', 'answers', { answers: 'a' }, 'answers'],
      ['answers: empty', 'answers', { answers: [] }, 'answers'],
      ['answers: bad question id', 'answers', { answers: [{ questionId: 'q1', choice: 0 }] }, 'answers.0.questionId'],
      ['answers: fractional choice', 'answers', { answers: [{ questionId: crypto.randomUUID(), choice: 1.5 }] }, 'answers.0.choice'],
    ];
    for (const [name, endpoint, body, field] of cases) {
      const response = await page.request.post(`/api/reading/${assignmentId}/${endpoint}`, { data: body });
      expect(response.status(), name).toBe(422);
      expect(Object.keys((await response.json()).error.fields), name).toContain(field);
    }
    const unknownQuestion = await page.request.post(`/api/reading/${assignmentId}/answers`, { data: { answers: [{ questionId: crypto.randomUUID(), choice: 0 }] } });
    expect(unknownQuestion.status()).toBe(404);
    const unknownAssignment = await page.request.post(`/api/reading/${crypto.randomUUID()}/progress`, { data: { event: 'open', seconds: 0 } });
    expect(unknownAssignment.status()).toBe(404);
    const malformed = await page.request.post('/api/reading/not-an-id/progress', { data: { event: 'open', seconds: 0 } });
    expect(malformed.status()).toBe(404);
  });

  test("a therapist cannot post a patient's reading progress", async ({ page, signedInAs }) => {
    await signedInAs('therapist');
    const response = await page.request.post(`/api/reading/${crypto.randomUUID()}/progress`, { data: { event: 'read', seconds: 0 } });
    expect(response.status()).toBe(404);
  });
});
