/// <reference types="node" />
// Runs in Node; the console's tsconfig (browser types) also checks test/.
/**
 * The knowledge screens as an editor uses them, in headless Chromium against the built API with
 * its demo FAQs: write and publish a FAQ, ask it with "try a question", turn an unanswered
 * question from the question log into another phrasing of it, and every knowledge screen at
 * 1366×768 (screenshots for a person to look at, git-ignored).
 *
 * Needs apps/api/dist, apps/admin/dist and /usr/bin/chromium, as console.e2e-spec.ts.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '@/locales/messages';
import { E2E_ADMIN, requireBuilds, startApi, type RunningApi } from './support/api-server';
import { hasChromium, launchChromium } from './support/chromium';
import {
  choose,
  ConsolePages,
  FOREIGN_BROWSER,
  screenshot,
  signIn,
  tableRows as rows,
  unlabelledControls,
} from './support/console-pages';

const text = messages['vi-VN'];
const k = text.knowledge;
const admin = E2E_ADMIN;

/** The FAQ the editor writes, a question asked the same way without diacritics, and one
 * asked differently before the FAQ existed (unanswered then, in the question log). */
const FAQ = {
  question: 'Đổi giấy phép lái xe quốc tế khi làm việc ở Đài Loan thế nào?',
  answer:
    'Mang theo **hộ chiếu** và giấy phép lái xe Việt Nam đến cơ quan quản lý giao thông nơi bạn ở.',
  alternate: 'thủ tục đổi giấy phép lái xe quốc tế ở Đài Loan',
};
const ASKED_WITHOUT_DIACRITICS = 'doi giay phep lai xe quoc te o dai loan';
const UNANSWERED = 'bằng lái bên Đài dùng được không';
/** Text without diacritics, in lower case. */
const fold = (value: string) =>
  value.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();

describe.skipIf(!hasChromium)('knowledge screens in Chromium', () => {
  let api: RunningApi | undefined;
  let browser: Browser | undefined;
  const pages = new ConsolePages(() => ({ browser, baseUrl: api?.baseUrl }), FOREIGN_BROWSER);

  beforeAll(async () => {
    requireBuilds();
    [api, browser] = await Promise.all([
      startApi({ adminEmail: admin.email, adminPassword: admin.password }),
      launchChromium(),
    ]);
    // A person asks something no FAQ answers yet: the bot offers choices or says it has no
    // answer, and the question goes to the question log.
    const res = await fetch(`${api.baseUrl}/api/v1/assistant/ask`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: UNANSWERED }),
    });
    expect((await res.json()).status).not.toBe('answered');
  });

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  afterEach(() => pages.closeAll());

  const heading = (page: Page) => page.getByRole('heading', { level: 1 });
  const nav = (page: Page) => page.getByRole('navigation', { name: text.nav.label });
  const tabs = (page: Page) => page.getByRole('navigation', { name: k.tabs.label });
  const flash = (page: Page) => page.locator('.alert--success');

  /** Confirms the dialog that asks before an action, with its button `name`. */
  async function confirmWith(page: Page, name: string) {
    await page.locator('.el-message-box').getByRole('button', { name, exact: true }).click();
  }

  /** Tries `question` on the "try a question" page and waits for the result. */
  async function tryQuestion(page: Page, question: string): Promise<Locator> {
    await page.goto('/knowledge/try');
    await page.getByLabel(k.try.question).fill(question);
    await page.getByRole('button', { name: k.try.submit, exact: true }).click();
    const result = page.locator('.try__result');
    await result.getByText(k.try.resultFor.replace('{text}', question)).waitFor();
    return result;
  }

  it('writes, edits and publishes a FAQ, then "try a question" gets it as the answer', async () => {
    const page = await pages.open();
    await signIn(page, admin);
    await nav(page).getByRole('link', { name: k.nav, exact: true }).click();
    await expect.poll(() => heading(page).innerText()).toBe(k.title);
    await rows(page).first().waitFor();

    // Searching without diacritics finds the demo FAQs about "hộ chiếu" (in the question or
    // another phrasing), and only a few of the 77.
    const total = () => page.locator('.pagination__total').innerText();
    const everything = await total();
    await page.getByLabel(k.faqs.filters.search).fill('ho chieu');
    await page.getByRole('button', { name: text.common.search, exact: true }).click();
    await expect.poll(total).not.toBe(everything);
    for (const row of await rows(page).all()) {
      expect(fold(await row.innerText())).toContain('ho chieu');
    }
    await screenshot(page, '20-knowledge-faqs-search');

    await page.getByRole('link', { name: k.faqs.add }).click();
    await expect.poll(() => heading(page).innerText()).toBe(k.faqForm.createTitle);

    // Nothing is sent while the form is incomplete: Vietnamese messages beside the fields.
    await page.getByRole('button', { name: text.common.save, exact: true }).click();
    await page.getByText(k.faqForm.errors.topic).waitFor();
    await page.getByText(k.faqForm.errors.questionRequired).waitFor();
    await page.getByText(k.faqForm.errors.answerRequired).waitFor();

    await choose(page, k.faqForm.topic, 'Bảo hộ công dân');
    await page.getByLabel(k.faqForm.question, { exact: true }).fill(FAQ.question);
    await page.getByLabel(k.faqForm.answer, { exact: true }).fill(FAQ.answer);
    // The preview is the bot's own rendering of the Markdown.
    const preview = page.getByRole('region', { name: k.faqForm.preview }).first();
    expect(await preview.locator('strong').innerText()).toBe('hộ chiếu');
    const alternates = page.getByLabel(k.faqForm.alternates, { exact: true });
    await alternates.fill(FAQ.alternate);
    await alternates.press('Enter');
    expect(await unlabelledControls(page)).toEqual([]);
    await screenshot(page, '21-knowledge-faq-new');

    await page.getByRole('button', { name: text.common.save, exact: true }).click();
    await page.waitForURL(/\/knowledge\/faqs\/[0-9a-f-]{36}$/);
    expect(await flash(page).innerText()).toBe(k.faqForm.createdDone);
    await page.getByText(text.knowledge.status.draft, { exact: true }).first().waitFor();

    // An edit makes version 2, whose changes the history shows word by word.
    await page
      .getByLabel(k.faqForm.answer, { exact: true })
      .fill(`${FAQ.answer}\n\nMang thêm ảnh thẻ.`);
    await page.getByRole('button', { name: text.common.save, exact: true }).click();
    await expect.poll(() => flash(page).innerText()).toBe(k.faqForm.savedDone);
    const history = page.locator('.faq-history');
    await history.getByText(k.history.version.replace('{version}', '2')).waitFor();
    await history.getByRole('button', { name: k.history.showDiff }).first().click();
    expect(await history.locator('ins').first().innerText()).toContain('Mang thêm ảnh thẻ.');

    // A review day (dd/mm/yyyy) already past: the FAQ is listed as overdue for review.
    const reviewDue = page.getByLabel(k.faqForm.reviewDueOn, { exact: true });
    await reviewDue.fill('31/01/2020');
    await reviewDue.press('Enter');
    await page.getByRole('button', { name: text.common.save, exact: true }).click();
    await history.getByText(k.history.version.replace('{version}', '3')).waitFor();
    expect(await reviewDue.inputValue()).toBe('31/01/2020');

    // Publish, after confirming.
    await page.getByRole('button', { name: k.faqForm.publish, exact: true }).click();
    await page.locator('.el-message-box').getByText(k.faqForm.confirmPublish).waitFor();
    await confirmWith(page, k.faqForm.publish);
    await expect.poll(() => flash(page).innerText()).toBe(k.faqForm.publishedDone);
    await page.getByText(text.knowledge.status.published, { exact: true }).first().waitFor();
    await screenshot(page, '22-knowledge-faq-published');

    await page.goto('/knowledge/faqs');
    await page.getByText(k.faqs.filters.reviewOverdueOnly).click();
    await expect.poll(() => rows(page).count()).toBe(1);
    expect(await rows(page).first().innerText()).toContain(k.faqs.reviewOverdue);
    await screenshot(page, '20-knowledge-faqs-overdue');

    // The bot now answers it, even typed without diacritics.
    const result = await tryQuestion(page, ASKED_WITHOUT_DIACRITICS);
    await result.getByText(k.try.outcome.answered).waitFor();
    expect(await result.getByRole('link', { name: FAQ.question }).count()).toBeGreaterThan(0);
    expect(await result.locator('.markdown-preview strong').innerText()).toBe('hộ chiếu');
    // With the chance that it is the right FAQ, as a percentage staff can read.
    const chance = new RegExp(k.try.chance.replace('{value}', '(\\d+)%'));
    const said = chance.exec(await result.locator('.try__facts').innerText());
    expect(Number(said?.[1])).toBeGreaterThanOrEqual(80);
    await screenshot(page, '23-knowledge-try-answered');
  });

  it('turns an unanswered question from the log into another phrasing, answered from then on', async () => {
    const page = await pages.open();
    await signIn(page, admin);
    const before = await tryQuestion(page, UNANSWERED);
    await before.locator('.el-alert__title').waitFor();
    expect(await before.locator('.el-alert__title').innerText()).not.toBe(k.try.outcome.answered);

    await page.goto('/questions');
    await expect.poll(() => heading(page).innerText()).toBe(text.questions.title);
    const row = rows(page).filter({ hasText: UNANSWERED }).first();
    await row.getByRole('button', { name: k.fromLog.action }).click();
    const dialog = page.getByRole('dialog', { name: k.fromLog.title });
    // The matcher's nearest FAQs come first: the one just published among them.
    const nearest = dialog.locator('.make-faq__item').filter({ hasText: FAQ.question });
    await nearest.waitFor();
    expect(
      await dialog.getByRole('link', { name: k.fromLog.newFaq }).getAttribute('href'),
    ).toContain('/knowledge/faqs/new?question=');
    await screenshot(page, '24-question-log-to-knowledge');
    await nearest.getByRole('button', { name: k.fromLog.addAsAlternate }).click();
    await expect
      .poll(() => flash(page).innerText())
      .toBe(k.fromLog.addedDone.replace('{text}', UNANSWERED).replace('{question}', FAQ.question));

    const after = await tryQuestion(page, UNANSWERED);
    await after.getByText(k.try.outcome.answered).waitFor();
    expect(await after.getByRole('link', { name: FAQ.question }).count()).toBeGreaterThan(0);
  });

  it('starts a new FAQ prefilled from the address', async () => {
    const page = await pages.open();
    await signIn(page, admin);
    await page.goto(`/knowledge/faqs/new?question=${encodeURIComponent(UNANSWERED)}`);
    await page.getByText(k.faqForm.prefilled).waitFor();
    expect(await page.getByLabel(k.faqForm.question, { exact: true }).inputValue()).toBe(
      UNANSWERED,
    );
  });

  it('lets a viewer read the knowledge base without any button that writes', async () => {
    const viewer = { email: 'lanh.dao.e2e@example.gov.vn', password: 'Mat-khau-lanh-dao-2026' };
    const page = await pages.open();
    // The admin creates the viewer, who sets a password of their own (through the API).
    await page.request.post('/api/v1/auth/login', { data: admin });
    const created = await page.request.post('/api/v1/users', {
      data: {
        email: viewer.email,
        fullName: 'Lãnh đạo Xem',
        role: 'viewer',
        password: 'Tam-thoi-2026-xyz',
      },
    });
    expect(created.status()).toBe(201);
    await page.request.post('/api/v1/auth/logout');
    await page.request.post('/api/v1/auth/login', {
      data: { email: viewer.email, password: 'Tam-thoi-2026-xyz' },
    });
    const changed = await page.request.post('/api/v1/auth/change-password', {
      data: { currentPassword: 'Tam-thoi-2026-xyz', newPassword: viewer.password },
    });
    expect(changed.ok()).toBe(true);
    await page.request.post('/api/v1/auth/logout');

    await signIn(page, viewer);

    await page.goto('/knowledge/faqs');
    await rows(page).first().waitFor();
    expect(await page.getByRole('link', { name: k.faqs.add }).count()).toBe(0);
    expect(await tabs(page).getByRole('link').allInnerTexts()).not.toContain(k.tabs.transfer);
    await rows(page).first().getByRole('link').click();
    await page.getByText(k.faqForm.readOnly).waitFor();
    expect(await page.getByRole('button', { name: text.common.save, exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: k.faqForm.archive }).count()).toBe(0);
    await screenshot(page, '33-knowledge-faq-viewer');
    await page.goto('/questions');
    await rows(page).first().waitFor();
    expect(await page.getByRole('button', { name: k.fromLog.action }).count()).toBe(0);
  });

  it('shows every knowledge screen, each control labelled (screenshots at 1366×768)', async () => {
    const page = await pages.open();
    await signIn(page, admin);
    const screens: [string, string, string][] = [
      ['/knowledge/faqs', k.title, '25-knowledge-faqs'],
      ['/knowledge/proposals', k.title, '26-knowledge-proposals'],
      ['/knowledge/topics', k.title, '27-knowledge-topics'],
      ['/knowledge/dictionary', k.title, '28-knowledge-dictionary'],
      ['/knowledge/articles', k.title, '29-knowledge-articles'],
      ['/knowledge/articles/new', k.articles.createTitle, '30-knowledge-article-new'],
      ['/knowledge/transfer', k.title, '31-knowledge-transfer'],
    ];
    for (const [path_, title, name] of screens) {
      await page.goto(path_);
      await expect.poll(() => heading(page).innerText(), { message: path_ }).toBe(title);
      await page.waitForLoadState('networkidle');
      expect(await unlabelledControls(page), path_).toEqual([]);
      await screenshot(page, name);
    }
    expect(await tabs(page).getByRole('link').count()).toBe(7);

    // A dry run of an import shows the report row by row and writes nothing.
    await page.goto('/knowledge/transfer');
    const rowsJson = JSON.stringify([
      {
        topic: 'Bảo hộ công dân',
        question: 'Câu hỏi nhập thử số một?',
        answer: 'Câu trả lời nhập thử đủ dài.',
      },
      { topic: 'Bảo hộ công dân', question: 'Ngắn', answer: 'x' },
    ]);
    await page.getByLabel(k.transfer.file).setInputFiles({
      name: 'faqs.json',
      mimeType: 'application/json',
      buffer: Buffer.from(rowsJson),
    });
    await page.getByRole('button', { name: k.transfer.dryRun, exact: true }).click();
    await page.getByText(k.transfer.dryRunNote).waitFor();
    await expect.poll(() => page.locator('.transfer__report tbody tr').count()).toBe(2);
    const rejected = await page.locator('.transfer__report tbody tr').nth(1).innerText();
    expect(rejected).toContain(k.transfer.outcomes.rejected);
    // The API's reasons, said in Vietnamese.
    expect(rejected).toContain('Câu hỏi phải có ít nhất 5 ký tự.');
    expect(rejected).toContain('Câu trả lời phải có ít nhất 10 ký tự.');
    await screenshot(page, '32-knowledge-import-dry-run');
  });
});
