import type { Locator, Page } from '@playwright/test';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, expect, test } from './fixtures';

// Keyboard-only walks through the main patient and therapist flows: after page.goto for the first
// page, everything is done with page.keyboard (Tab, Shift+Tab, Enter, Space, arrows, Escape) —
// no clicks, no fill. Every element that takes focus on the way must show a focus indicator, and
// actions that should keep focus must not drop it to <body>.
//
// Both walks run in the second demo clinic (Harbour Chiropractic), which no other spec changes:
// Nina Rossi has a plan for every day, and Leo Fischer is her therapist.

const PATIENT_EMAIL = 'nina.rossi@harbour-chiro.example';
const PATIENT_NAME = 'Nina Rossi';
const THERAPIST_EMAIL = DEMO_ACCOUNTS.otherClinicTherapist.email;
const OTHER_PATIENT_NAME = 'Omar Haddad';

type Focus = { atTarget: boolean; onBody: boolean; indicator: boolean; what: string };

/** Where focus is now, and whether it can be seen: an outline or box-shadow on the element or the label/wrapper around it. */
function readFocus(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return { atTarget: false, onBody: true, indicator: false, what: 'body' };
    const shows = (node: Element) => {
      const s = getComputedStyle(node);
      return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
    };
    let indicator = false;
    for (let node: Element | null = el, depth = 0; node && depth < 3 && !indicator; node = node.parentElement, depth++) indicator = shows(node);
    const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    const what = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('type') ? `[type=${el.getAttribute('type')}]` : ''} "${name}" on ${location.pathname}`;
    return { atTarget: Boolean(el.closest('[data-kb-target]')), onBody: false, indicator, what };
  });
}

class Walk {
  /** Focused elements without a visible indicator, and places where focus fell back to <body>. */
  readonly noIndicator = new Set<string>();
  readonly lost: string[] = [];
  presses = 0;

  constructor(readonly page: Page) {}

  /** Presses Tab (or Shift+Tab) until `target` (or something inside it) has focus. */
  async tabTo(target: Locator, { back = false, max = 80 } = {}): Promise<void> {
    await target.waitFor();
    await this.page.evaluate(() => document.querySelectorAll('[data-kb-target]').forEach((el) => el.removeAttribute('data-kb-target')));
    await target.evaluate((el) => el.setAttribute('data-kb-target', ''));
    for (let i = 0; i < max; i++) {
      await this.page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
      this.presses++;
      const focus = await readFocus(this.page);
      if (!focus.onBody && !focus.indicator) this.noIndicator.add(focus.what);
      if (focus.atTarget) return;
    }
    throw new Error(`${back ? 'Shift+Tab' : 'Tab'} did not reach ${target.toString()} in ${max} presses`);
  }

  async press(key: string, times = 1): Promise<void> {
    for (let i = 0; i < times; i++) await this.page.keyboard.press(key);
  }

  /** After an action that should keep focus (a form opening or saving in place): focus is not on <body>. */
  async expectFocusKept(after: string): Promise<void> {
    // Give React a moment to settle (a form replaced by its result) before judging.
    await this.page.waitForTimeout(150);
    const focus = await readFocus(this.page);
    if (focus.onBody) this.lost.push(after);
    else if (!focus.indicator) this.noIndicator.add(focus.what);
  }

  /** Signs in on /login with the keyboard only. */
  async signIn(email: string): Promise<void> {
    await this.page.goto('/login');
    await this.tabTo(this.page.getByLabel('Email'));
    await this.page.keyboard.type(email);
    await this.tabTo(this.page.getByLabel('Password'));
    await this.page.keyboard.type(DEMO_PASSWORD);
    await this.press('Enter');
  }

  report(): void {
    test.info().annotations.push({ type: 'keyboard', description: `${this.presses} Tab presses` });
    expect([...this.noIndicator], 'focused elements without a visible focus indicator').toEqual([]);
    expect(this.lost, 'actions after which focus fell back to <body>').toEqual([]);
  }
}

test('patient, keyboard only: sign in, check in, log a session with pain, read an article and answer its questions, sign out', async ({ page }) => {
  test.setTimeout(90_000);
  const walk = new Walk(page);
  await walk.signIn(PATIENT_EMAIL);
  await expect(page).toHaveURL(/\/today$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Hi ${PATIENT_NAME.split(' ')[0]}`);

  // The skip link is the first stop and takes the next Tab into the page's content.
  await walk.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await walk.press('Enter');
  await walk.press('Tab');
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);

  // Daily check-in: pain 3 on the 0–10 scale with the arrow keys.
  const checkIn = page.getByTestId('check-in');
  if ((await checkIn.getByRole('button', { name: 'Change' }).count()) > 0) {
    await walk.tabTo(checkIn.getByRole('button', { name: 'Change' }), { back: true });
    await walk.press('Enter');
    await walk.expectFocusKept('opening the check-in form with "Change"');
  }
  const checkInForm = checkIn.getByRole('form', { name: 'Daily pain check-in' });
  await walk.tabTo(checkInForm.getByRole('radio').first(), { back: await needsShiftTab(page, checkInForm.getByRole('radio').first()) });
  await walk.press('ArrowRight', 3);
  await expect(checkInForm.getByRole('radio', { name: /^3/ })).toBeChecked();
  await walk.tabTo(checkInForm.getByRole('button', { name: /Save check-in|Update check-in/ }));
  await walk.press('Enter');
  await expect(checkIn.getByRole('status')).toContainText('pain 3 out of 10');
  await walk.expectFocusKept('saving the check-in');

  // Log a session of the first stretch, with pain before and after.
  const item = page.getByTestId('today-item').first();
  await walk.tabTo(item.getByRole('button', { name: /^(Mark done|Log an extra session)$/ }), { back: await needsShiftTab(page, item) });
  await walk.press('Enter');
  await expect(item.getByRole('button', { name: 'Save session' })).toBeVisible();
  await walk.expectFocusKept('opening the log form with "Mark done"');
  const before = item.getByRole('group', { name: /Pain before/ });
  await walk.tabTo(before.getByRole('radio').first(), { back: await needsShiftTab(page, before.getByRole('radio').first()) });
  await walk.press('ArrowRight', 5);
  await expect(before.getByRole('radio', { name: /^5/ })).toBeChecked();
  const after = item.getByRole('group', { name: /Pain after/ });
  await walk.tabTo(after.getByRole('radio').first());
  await walk.press('ArrowRight', 3);
  await expect(after.getByRole('radio', { name: /^3/ })).toBeChecked();
  await walk.tabTo(item.getByRole('button', { name: 'Save session' }));
  await walk.press('Enter');
  await expect(item.getByRole('status')).toContainText('Saved');
  await walk.expectFocusKept('saving the session');

  // Reading: the main navigation's Reading link, then an article not started yet.
  await walk.tabTo(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reading' }), { back: true, max: 120 });
  await walk.press('Enter');
  await expect(page).toHaveURL(/\/read$/);
  const unread = page.getByTestId('reading-item').filter({ hasText: 'Not started' }).first();
  const title = (await unread.getByRole('link').textContent()) ?? '';
  await walk.tabTo(unread.getByRole('link'));
  await walk.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);

  // Answer every check question with the keyboard: Tab into each radio group, arrow to a choice.
  const questions = page.getByRole('group').filter({ has: page.getByRole('radio') });
  const count = await questions.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const first = questions.nth(i).getByRole('radio').first();
    await walk.tabTo(first, { max: 120 });
    await walk.press('Space');
    await expect(first).toBeChecked();
  }
  const check = page.getByRole('button', { name: 'Check my answers' });
  await walk.tabTo(check);
  await walk.press('Enter');
  await expect(page.locator('.answer-note')).toHaveCount(count);
  await walk.expectFocusKept('checking the answers');

  // Sign out from the header, going back up the page.
  await walk.tabTo(page.getByRole('button', { name: 'Sign out' }).first(), { back: true, max: 200 });
  await walk.press('Enter');
  await expect(page).toHaveURL(/\/login/);
  walk.report();
});

test('therapist, keyboard only: open a patient from the caseload, assign reading, edit the plan, open the charts and reach their text equivalent', async ({ page }) => {
  test.setTimeout(90_000);
  const walk = new Walk(page);
  await walk.signIn(THERAPIST_EMAIL);
  await expect(page).toHaveURL(/\/caseload$/);

  await walk.tabTo(page.getByRole('main').getByRole('link', { name: OTHER_PATIENT_NAME }), { max: 120 });
  await walk.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(OTHER_PATIENT_NAME);

  // Assign one article: Enter opens "Assign articles", Space ticks a box, Enter on "Assign" sends the form.
  await walk.tabTo(page.locator('summary', { hasText: 'Assign articles' }), { max: 120 });
  await walk.press('Enter');
  const assign = page.getByRole('form', { name: 'Assign reading' });
  await expect(assign).toBeVisible();
  const box = assign.getByRole('checkbox').first();
  const article = ((await assign.locator('label.choice').first().textContent()) ?? '').split('·')[0]!.trim();
  await walk.tabTo(box);
  await walk.press('Space');
  await expect(box).toBeChecked();
  await walk.tabTo(assign.getByRole('button', { name: 'Assign' }));
  await walk.press('Enter');
  await expect(assign.getByRole('status')).toBeVisible();
  await expect(page.getByTestId('patient-reading')).toContainText(article);
  await walk.expectFocusKept('assigning reading');

  // Edit the plan: a note to the patient, saved as a new revision.
  await walk.tabTo(page.getByRole('link', { name: 'Edit plan' }), { back: true, max: 120 });
  await walk.press('Enter');
  await expect(page).toHaveURL(/\/plan$/);
  const plan = page.getByRole('form', { name: 'Plan' });
  const note = plan.getByLabel('Note to the patient (optional)');
  await walk.tabTo(note, { max: 120 });
  await page.keyboard.type('Keep the holds gentle this week.');
  await walk.tabTo(plan.getByRole('button', { name: 'Save changes' }), { max: 150 });
  await walk.press('Enter');
  await expect(page).toHaveURL(/\/plan\?saved=/);
  await expect(plan.getByRole('status')).toBeVisible();
  await walk.expectFocusKept('saving the plan');

  // Back to the patient, then the charts, and into the first chart's text equivalent.
  await walk.tabTo(page.getByRole('link', { name: `← ${OTHER_PATIENT_NAME}` }), { back: true, max: 150 });
  await walk.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(OTHER_PATIENT_NAME);
  await walk.tabTo(page.getByRole('link', { name: 'Charts' }));
  await walk.press('Enter');
  await expect(page).toHaveURL(/\/charts$/);
  const firstChart = page.locator('section.chart-card').filter({ has: page.locator('details.chart-table') }).first();
  await expect(firstChart.getByTestId('chart-summary')).not.toBeEmpty();
  const disclosure = firstChart.locator('summary', { hasText: 'Show as a table' });
  await walk.tabTo(disclosure, { max: 60 });
  await walk.press('Enter');
  const table = firstChart.locator('details.chart-table table');
  await expect(table).toBeVisible();
  await expect(disclosure).toBeFocused();
  // The table itself can be reached (and scrolled) from the keyboard.
  await walk.tabTo(firstChart.locator('details.chart-table .table-wrap'));
  await expect(table.locator('tbody tr').first()).toBeVisible();
  walk.report();
});

/** Whether `target` comes before the focused element in document order, so Shift+Tab (not Tab) reaches it. */
async function needsShiftTab(page: Page, target: Locator): Promise<boolean> {
  const after = await target.evaluate((el) => {
    const active = document.activeElement;
    if (!active || active === document.body) return true;
    return Boolean(active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  return !after;
}
