/// <reference types="node" />
// Runs in Node; the console's tsconfig (browser types) also checks test/.
/**
 * The screens of the staff guide (docs/guides/staff.md), in the guide's order. Each becomes
 * docs/guides/images/<file>.png when `pnpm --filter @gcm/admin screenshots` runs (capture.guide.ts).
 *
 * To add a screen (a reporting page, say): add an entry here, run the command, and show the new
 * image in staff.md with ![…](images/<file>.png). `show` runs after the page has loaded, to
 * fill a field or open an item first; it gets the page and what the data set-up made.
 */
import type { Page } from 'playwright-core';
import { messages } from '@/locales/messages';

const text = messages['vi-VN'];
const r = text.reporting;

/** What capture.guide.ts set up before the screenshots, for the screens that show it. */
export interface GuideData {
  /** An inbox question asked by a person subscribed in a ward. */
  inboxQuestion: string;
  /** A published FAQ (the editor's screenshot). */
  faqId: string;
  /** A report template of the demo data (the builder's screenshot). */
  templateId: string;
  /** A ward's report of the demo data, submitted or reviewed (one report's screenshot). */
  submissionId: string;
}

export interface GuideScreen {
  /** The image's name, without .png: docs/guides/images/<file>.png */
  file: string;
  /** The console address to open. */
  path: string;
  /** Prepares what the picture should show, once the page is loaded. */
  show?: (page: Page, data: GuideData) => Promise<void>;
}

export const GUIDE_SCREENS: GuideScreen[] = [
  { file: 'dashboard', path: '/dashboard' },
  {
    file: 'inbox',
    path: '/inbox',
    show: async (page, data) => {
      await page.getByRole('button', { name: new RegExp(data.inboxQuestion) }).click();
      await page.getByRole('list', { name: text.inbox.transcript }).waitFor();
    },
  },
  { file: 'broadcasts', path: '/broadcasts' },
  {
    file: 'faq-list',
    path: '/knowledge/faqs',
    show: async (page) => {
      // A search without diacritics, the closest FAQs first.
      const total = page.locator('.pagination__total');
      const everything = await total.innerText();
      await page.getByLabel(text.knowledge.faqs.filters.search).fill('ho chieu');
      await page.getByRole('button', { name: text.common.search, exact: true }).click();
      await page.waitForFunction(
        ([selector, before]) => document.querySelector(selector)?.textContent !== before,
        ['.pagination__total', everything] as const,
      );
    },
  },
  { file: 'faq-editor', path: '/knowledge/faqs/{faqId}' },
  {
    file: 'try-question',
    path: '/knowledge/try',
    show: async (page) => {
      const question = 'lam ho chieu o dau';
      await page.getByLabel(text.knowledge.try.question).fill(question);
      await page.getByRole('button', { name: text.knowledge.try.submit, exact: true }).click();
      await page
        .locator('.try__result')
        .getByText(text.knowledge.try.resultFor.replace('{text}', question))
        .waitFor();
    },
  },
  { file: 'articles', path: '/knowledge/articles' },
  { file: 'dictionary', path: '/knowledge/dictionary' },
  { file: 'question-log', path: '/questions' },
  {
    file: 'simulator',
    path: '/simulator',
    show: async (page) => {
      const frame = page.frameLocator('[data-test="simulator-frame"]');
      await frame.locator('textarea').fill('lam sao biet cong ty xuat khau lao dong co giay phep');
      await frame.getByRole('button', { name: 'Gửi', exact: true }).click();
      // The answer's first part, then the rest on "Xem thêm".
      const more = frame.getByRole('button', { name: 'Xem thêm', exact: true });
      await more.waitFor({ timeout: 20_000 });
      await more.click();
      await frame.getByRole('log').getByText('Sở Nội vụ').first().waitFor({ timeout: 20_000 });
    },
  },
  { file: 'units', path: '/units' },
  { file: 'users', path: '/users' },
  // The reporting screens (issue 13), in the order of sections 12 and 13 of the guide.
  {
    file: 'reporting-plan',
    path: '/reporting/plan',
    show: async (page) => {
      await page.locator('.plan__group .el-table__body tbody tr').first().waitFor();
    },
  },
  {
    file: 'reporting-template-builder',
    path: '/reporting/templates/{templateId}',
    show: async (page) => {
      await page.getByRole('button', { name: r.builder.preview }).click();
      await page
        .getByRole('region', { name: r.preview.label })
        .locator('.bot-preview__bubble')
        .first()
        .waitFor();
    },
  },
  { file: 'reporting-periods', path: '/reporting/periods' },
  {
    file: 'reporting-reminders',
    path: '/reporting/periods',
    show: async (page) => {
      const section = page.getByRole('region', { name: r.reminders.title });
      await section.getByRole('button', { name: r.reminders.edit }).click();
      await section.getByRole('button', { name: r.reminders.save }).scrollIntoViewIfNeeded();
    },
  },
  {
    file: 'reporting-submissions',
    path: '/reporting/submissions',
    show: async (page) => {
      await page.locator('.el-table__body tbody tr').first().waitFor();
    },
  },
  {
    file: 'reporting-submission',
    path: '/reporting/submissions/{submissionId}',
    show: async (page) => {
      await page.getByRole('region', { name: r.submission.history }).waitFor();
    },
  },
  {
    file: 'reporting-tracking',
    path: '/reporting/tracking',
    show: async (page) => {
      await page.getByTestId('matrix-table').locator('[data-status]').first().waitFor();
    },
  },
  {
    file: 'reporting-totals',
    path: '/reporting/totals',
    show: async (page) => {
      await page.getByTestId('completeness-table').locator('.el-table__body tr').first().waitFor();
      await page.locator('canvas').first().waitFor();
    },
  },
];
