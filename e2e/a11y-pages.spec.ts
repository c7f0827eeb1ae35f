import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { DEMO_ACCOUNTS, expect, signIn, test, type DemoRole } from './fixtures';
import { signInAsSecondTherapist } from './second-therapist';

// axe (WCAG 2.2 AA) on every page of the app, for every role that can reach it, at desktop size and
// at phone size. The pages come from the file system: a new app/**/page.tsx without an entry in
// PAGES fails the first test, so no page goes unchecked.

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PHONE = { width: 390, height: 844 };
const APP_DIR = fileURLToPath(new URL('../app/', import.meta.url));

type Role = 'signedOut' | 'patient' | 'therapist' | 'admin';
const ROLES: Role[] = ['signedOut', 'patient', 'therapist', 'admin'];
const ACCOUNT: Record<Exclude<Role, 'signedOut'>, DemoRole> = { patient: 'patient', therapist: 'therapist', admin: 'admin' };

/** Ids of seeded rows (read from the e2e database) and of rows this spec creates first. */
type Ids = {
  patientId: string;
  assignmentId: string;
  articleSlug: string;
  clinicArticleSlug: string;
  exerciseSlug: string;
  builtInTemplateId: string;
  clinicTemplateId: string;
  inviteToken: string;
};

/** An interaction that puts the page in a state worth checking too (a form with errors, an open player…). */
type State = { name: string; act: (page: Page) => Promise<void> };
/** `redirectsTo`: the page only redirects; the visit checks where it lands (that page has its own entry). */
type Visit = { url: string; redirectsTo?: RegExp; ready?: (page: Page) => Promise<void>; states?: State[] };
type Entry = Partial<Record<Role, (ids: Ids) => Visit[]>>;

const openTables = (page: Page) => page.locator('details.chart-table').evaluateAll((els) => els.forEach((el) => ((el as HTMLDetailsElement).open = true)));
const chartsDrawn = async (page: Page) => {
  // Charts draw when they come on screen (lib/charts/lazy.tsx): scroll to the first one.
  await page.locator('.chart-box').first().scrollIntoViewIfNeeded();
  await expect(page.locator('.chart-box svg').first()).toBeVisible();
};

const NEW_ARTICLE: Visit = {
  url: '/library/articles/new',
  states: [
    {
      name: 'save with errors',
      act: async (page) => {
        await page.getByRole('button', { name: 'Save draft' }).click();
        await expect(page.locator('.field-error').first()).toBeVisible();
      },
    },
    {
      name: 'preview',
      act: async (page) => {
        await page.getByRole('button', { name: 'Preview' }).click();
        await expect(page.getByTestId('article-preview')).toBeVisible();
      },
    },
  ],
};

const ADD_PATIENT: Visit = {
  url: '/patients/new',
  states: [
    {
      name: 'errors',
      act: async (page) => {
        await page.getByRole('button', { name: 'Add patient and send invitation' }).click();
        await expect(page.getByText('Enter a name.')).toBeVisible();
      },
    },
  ],
};

/** Therapists and admins see the same pages; the states (same components) are checked once, as the therapist. */
const clinician = (visits: (ids: Ids) => Visit[]): Entry => ({ therapist: visits, admin: (ids) => visits(ids).map((visit) => ({ ...visit, states: [] })) });

/** Every page file under app/, with the concrete URL(s) each role visits. */
const PAGES: Record<string, Entry> = {
  'page.tsx': {
    signedOut: () => [{ url: '/', redirectsTo: /\/login$/ }],
    patient: () => [{ url: '/', redirectsTo: /\/today$/ }],
    therapist: () => [{ url: '/', redirectsTo: /\/caseload$/ }],
    admin: () => [{ url: '/', redirectsTo: /\/caseload$/ }],
  },
  '(auth)/login/page.tsx': {
    signedOut: () => [
      {
        url: '/login',
        states: [
          {
            name: 'wrong password',
            act: async (page) => {
              await page.getByLabel('Email').fill(DEMO_ACCOUNTS.patient.email);
              await page.getByLabel('Password').fill('not-the-password-1');
              await page.getByRole('button', { name: 'Sign in' }).click();
              await expect(page.getByTestId('sign-in-error')).toBeVisible();
            },
          },
        ],
      },
      { url: '/login?signed-out=1' },
    ],
  },
  '(auth)/invite/[token]/page.tsx': {
    signedOut: (ids) => [
      {
        url: `/invite/${ids.inviteToken}`,
        states: [
          {
            name: 'errors',
            act: async (page) => {
              await page.getByRole('button', { name: 'Set password and sign in' }).click();
              await expect(page.getByText('Use at least 12 characters.')).toBeVisible();
            },
          },
        ],
      },
      { url: `/invite/${'A'.repeat(43)}`, ready: (page) => expect(page.getByTestId('invitation-closed')).toBeVisible() },
    ],
  },
  '(patient)/today/page.tsx': {
    patient: () => [
      {
        url: '/today',
        states: [
          {
            name: 'log form open',
            act: async (page) => {
              await page.getByTestId('today-item').first().getByRole('button', { name: /Mark done|Log an extra session/ }).click();
              await expect(page.getByRole('button', { name: 'Save session' })).toBeVisible();
              await page.getByRole('button', { name: 'Cancel' }).first().click();
            },
          },
          {
            name: 'exercise player open',
            act: async (page) => {
              await page.getByTestId('today-item').first().getByRole('button', { name: /^(Start|Do it again)$/ }).click();
              await expect(page.getByTestId('player')).toBeVisible();
            },
          },
        ],
      },
    ],
  },
  '(patient)/read/page.tsx': { patient: () => [{ url: '/read' }] },
  '(patient)/read/[assignmentId]/page.tsx': {
    patient: (ids) => [{ url: `/read/${ids.assignmentId}`, ready: (page) => expect(page.getByRole('heading', { name: 'Check your understanding' })).toBeVisible() }],
  },
  '(patient)/progress/page.tsx': {
    patient: () => [
      {
        url: '/progress',
        ready: chartsDrawn,
        states: [{ name: 'tables shown', act: openTables }],
      },
    ],
  },
  '(account)/account/password/page.tsx': {
    patient: () => [{ url: '/account/password' }],
    therapist: () => [
      {
        url: '/account/password',
        states: [
          {
            name: 'errors',
            act: async (page) => {
              await page.getByRole('button', { name: 'Change password' }).click();
              await expect(page.locator('.field-error').first()).toBeVisible();
            },
          },
        ],
      },
    ],
    admin: () => [{ url: '/account/password' }],
  },
  '(therapist)/caseload/page.tsx': clinician(() => [{ url: '/caseload', ready: chartsDrawn, states: [{ name: 'tables shown', act: openTables }] }]),
  '(therapist)/patients/[patientId]/page.tsx': clinician((ids) => [{ url: `/patients/${ids.patientId}`, ready: (page) => expect(page.getByTestId('plan-items')).toBeVisible() }]),
  '(therapist)/patients/[patientId]/charts/page.tsx': clinician((ids) => [
    { url: `/patients/${ids.patientId}/charts`, ready: chartsDrawn, states: [{ name: 'tables shown', act: openTables }] },
    { url: `/patients/${ids.patientId}/charts?range=all`, ready: chartsDrawn },
  ]),
  '(therapist)/patients/[patientId]/plan/page.tsx': clinician((ids) => [
    {
      url: `/patients/${ids.patientId}/plan`,
      states: [
        {
          name: 'save-as-template errors',
          act: async (page) => {
            await page.getByText('Save these exercises as a clinic template').click();
            const form = page.getByRole('form', { name: 'Save as template' });
            await form.getByRole('button', { name: 'Save template' }).click();
            await expect(form.getByText('Template name is required.')).toBeVisible();
          },
        },
      ],
    },
  ]),
  '(therapist)/patients/new/page.tsx': clinician(() => [ADD_PATIENT]),
  '(therapist)/library/page.tsx': clinician(() => [{ url: '/library' }, { url: '/library?tab=exercises' }, { url: '/library?tab=articles&q=zzzz-nothing' }]),
  '(therapist)/library/articles/[slug]/page.tsx': clinician((ids) => [
    {
      url: `/library/articles/${ids.articleSlug}`,
      states: [
        {
          name: 'assign with errors',
          act: async (page) => {
            const form = page.getByRole('form', { name: 'Assign reading' });
            await form.getByRole('button').last().click();
            await expect(form.locator('.field-error').first()).toBeVisible();
          },
        },
      ],
    },
    { url: `/library/articles/${ids.clinicArticleSlug}` },
  ]),
  '(therapist)/library/articles/[slug]/edit/page.tsx': clinician((ids) => [{ url: `/library/articles/${ids.clinicArticleSlug}/edit` }]),
  '(therapist)/library/articles/new/page.tsx': clinician(() => [NEW_ARTICLE]),
  '(therapist)/library/exercises/[slug]/page.tsx': clinician((ids) => [{ url: `/library/exercises/${ids.exerciseSlug}` }]),
  '(therapist)/templates/page.tsx': clinician(() => [{ url: '/templates' }]),
  '(therapist)/templates/[templateId]/page.tsx': clinician((ids) => [{ url: `/templates/${ids.builtInTemplateId}` }, { url: `/templates/${ids.clinicTemplateId}` }]),
  '(therapist)/outbox/page.tsx': clinician(() => [{ url: '/outbox' }]),
  '(therapist)/admin/page.tsx': { admin: () => [{ url: '/admin', redirectsTo: /\/admin\/therapists$/ }] },
  '(therapist)/admin/therapists/page.tsx': {
    admin: () => [
      {
        url: '/admin/therapists',
        states: [
          {
            name: 'invite errors',
            act: async (page) => {
              const invite = page.getByRole('region', { name: 'Invite a therapist' });
              await invite.getByRole('button').last().click();
              await expect(invite.locator('.field-error').first()).toBeVisible();
            },
          },
        ],
      },
    ],
  },
  '(therapist)/admin/patients/page.tsx': { admin: () => [{ url: '/admin/patients' }] },
  '(therapist)/admin/audit/page.tsx': { admin: () => [{ url: '/admin/audit' }, { url: '/admin/audit?from=2026-03-02&to=2026-03-01' }, { url: '/admin/audit?action=zzzz-nothing' }] },
};

/**
 * The 404 page has no page file of its own; every role gets it. Signed out, only the public paths
 * reach it (the proxy sends everything else to sign-in).
 */
const notFound = (role: Role): Visit => ({ url: role === 'signedOut' ? '/invite/no-such/page' : '/no-such-page' });

function pageFiles(dir = APP_DIR): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => path.basename(f) === 'page.tsx')
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

function visitsFor(role: Role, ids: Ids): Visit[] {
  return [...Object.values(PAGES).flatMap((entry) => entry[role]?.(ids) ?? []), notFound(role)];
}

async function violations(page: Page, label: string): Promise<string[]> {
  const { violations: found } = await new AxeBuilder({ page }).withTags(TAGS).options({ resultTypes: ['violations'] }).analyze();
  return found.map((v) => `${label}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')} ${v.help}`);
}

/** axe at desktop size, then at phone size, on the page as it is now. */
async function checkBothSizes(page: Page, label: string, desktop: { width: number; height: number }): Promise<string[]> {
  const found = await violations(page, `${label} [desktop]`);
  await page.setViewportSize(PHONE);
  found.push(...(await violations(page, `${label} [phone]`)));
  await page.setViewportSize(desktop);
  return found;
}

// ——— Ids: seeded rows from the e2e database; a clinic article, a clinic template and an open invitation created here ———

const E2E_DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${process.env.E2E_PG_PORT ?? '54331'}/limber`;

async function seededIds(): Promise<Omit<Ids, 'clinicArticleSlug' | 'clinicTemplateId' | 'inviteToken'>> {
  const client = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<Record<string, string | null>>(
      `select
         (select p.id from patients p join users u on u.id = p.id join users t on t.id = p.primary_therapist_id
           where t.email = $2 and u.name = 'Morgan Brooks') as "patientId",
         (select ra.id from reading_assignments ra join users u on u.id = ra.patient_id
           where u.email = $1 and ra.removed_at is null order by ra.assigned_at desc limit 1) as "assignmentId",
         (select slug from articles where clinic_id is null and archived_at is null order by slug limit 1) as "articleSlug",
         (select slug from exercises where clinic_id is null order by slug limit 1) as "exerciseSlug",
         (select id from plan_templates where clinic_id is null order by slug limit 1) as "builtInTemplateId"`,
      [DEMO_ACCOUNTS.patient.email, DEMO_ACCOUNTS.therapist.email],
    );
    const row = rows[0] ?? {};
    const need = (key: string) => {
      const value = row[key];
      if (!value) throw new Error(`the e2e database has no ${key}`);
      return value;
    };
    return {
      patientId: need('patientId'),
      assignmentId: need('assignmentId'),
      articleSlug: need('articleSlug'),
      exerciseSlug: need('exerciseSlug'),
      builtInTemplateId: need('builtInTemplateId'),
    };
  } finally {
    await client.end();
  }
}

/**
 * The demo data has no clinic article, no clinic template and no open invitation; the clinic's second
 * therapist makes one of each (as the onboarding specs do), so Maya's seeded caseload never changes.
 */
async function createdIds(browser: Browser): Promise<Pick<Ids, 'clinicArticleSlug' | 'clinicTemplateId' | 'inviteToken'>> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await signInAsSecondTherapist(page);
    const stamp = Date.now().toString(36);

    await page.goto('/library/articles/new');
    const editor = page.getByRole('form', { name: 'Article editor' });
    await editor.getByLabel('Title', { exact: true }).fill(`Axe check draft ${stamp}`);
    await editor.getByLabel('Summary', { exact: true }).fill('A short draft to check the editor pages.');
    await editor.getByLabel('Article text').fill('Move a little each hour. Walk when you can.');
    await editor.getByLabel('Key points', { exact: true }).fill('Move a little each hour.');
    await editor.getByRole('button', { name: 'Save draft' }).click();
    await expect(page).toHaveURL((url) => /^\/library\/articles\/[a-z0-9-]+$/.test(url.pathname) && !url.pathname.endsWith('/new'));
    const clinicArticleSlug = new URL(page.url()).pathname.split('/').pop() ?? '';

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload' }).click();
    await page.getByRole('link', { name: 'Casey Williams' }).click();
    await page.getByRole('link', { name: 'Edit plan' }).click();
    await page.getByText('Save these exercises as a clinic template').click();
    const form = page.getByRole('form', { name: 'Save as template' });
    const templateName = `Axe check template ${stamp}`;
    await form.getByLabel('Template name').fill(templateName);
    await form.getByLabel('Purpose (one line)').fill('Checks the template editor page.');
    await form.getByRole('button', { name: 'Save template' }).click();
    await expect(form.getByRole('status')).toContainText('Saved');
    await page.goto('/templates');
    const templateHref = await page.getByTestId('clinic-templates').getByRole('link', { name: templateName }).getAttribute('href');

    await page.goto('/patients/new');
    const email = `axe-pages-${stamp}@e2e.example`;
    await page.getByLabel('Name').fill('Ari Pages');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Time zone').selectOption('Europe/London');
    await page.getByRole('button', { name: 'Add patient and send invitation' }).click();
    await expect(page.getByTestId('account-panel')).toBeVisible();
    await page.goto('/outbox');
    const inviteHref = await page.getByTestId('outbox-message').filter({ hasText: email }).getByTestId('outbox-link').getAttribute('href');

    const clinicTemplateId = templateHref?.split('/').pop();
    const inviteToken = inviteHref ? new URL(inviteHref).pathname.split('/').pop() : undefined;
    if (!clinicArticleSlug || !clinicTemplateId || !inviteToken) throw new Error('could not create the clinic article, template or invitation');
    return { clinicArticleSlug, clinicTemplateId, inviteToken };
  } finally {
    await context.close();
  }
}

test('every app/**/page.tsx has an entry in the page map, and every entry is a page', () => {
  const files = pageFiles();
  expect(files.length).toBeGreaterThan(0);
  expect(files.filter((f) => !(f in PAGES))).toEqual([]);
  expect(Object.keys(PAGES).filter((k) => !files.includes(k))).toEqual([]);
  for (const [file, entry] of Object.entries(PAGES)) expect(Object.keys(entry).length, `${file} is visited by no role`).toBeGreaterThan(0);
});

test.describe('axe on every page, for every role, at desktop and phone size', () => {
  let ids: Ids;

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(60_000);
    const [seeded, created] = await Promise.all([seededIds(), createdIds(browser)]);
    ids = { ...seeded, ...created };
  });

  for (const role of ROLES) {
    test(`${role}: 0 violations`, async ({ page }) => {
      test.setTimeout(300_000);
      if (role !== 'signedOut') {
        await signIn(page, ACCOUNT[role]);
        await expect(page).toHaveURL(role === 'patient' ? /\/today$/ : /\/caseload$/);
      }
      const desktop = page.viewportSize() ?? { width: 1280, height: 720 };
      const found: string[] = [];
      let checks = 0;
      const visits = visitsFor(role, ids);
      for (const visit of visits) {
        const response = await page.goto(visit.url);
        if (visit.redirectsTo) {
          await expect(page).toHaveURL(visit.redirectsTo);
          continue;
        }
        // Each visit lands on the page it names (the 404 visit on the 404 page), not on a redirect to sign-in.
        expect.soft(response?.status(), visit.url).toBe(visit === visits.at(-1) ? 404 : 200);
        expect.soft(new URL(page.url()).pathname + new URL(page.url()).search, visit.url).toBe(visit.url);
        await visit.ready?.(page);
        found.push(...(await checkBothSizes(page, visit.url, desktop)));
        checks += 2;
        for (const state of visit.states ?? []) {
          await state.act(page);
          found.push(...(await checkBothSizes(page, `${visit.url} (${state.name})`, desktop)));
          checks += 2;
        }
      }
      test.info().annotations.push({ type: 'axe checks', description: `${role}: ${checks} page×viewport checks` });
      expect(found).toEqual([]);
    });
  }
});
