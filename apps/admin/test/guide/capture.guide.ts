/// <reference types="node" />
// Runs in Node; the console's tsconfig (browser types) also checks test/.
/**
 * The staff guide's screenshots: `pnpm --filter @gcm/admin screenshots` (after a build) starts
 * the built API on a fresh embedded database with the demo data, the built console and the
 * built bot (support/helpdesk.ts, as the browser tests), adds a little of what a day brings
 * (questions, an inbox item from a subscriber in a ward, a broadcast partly delivered), signs in
 * as the first administrator and saves each screen of screens.ts at 1280×800 into
 * docs/guides/images/, as small PNGs (256 colours). Run by its own config, not by `test`.
 */
import type { BotEvent } from '@gcm/domain';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '@/locales/messages';
import { REPO_ROOT } from '../../../api/test/support/run-built-api';
import { requireBuilds } from '../e2e/support/api-server';
import { CHROMIUM_PATH, hasChromium, launchChromium } from '../e2e/support/chromium';
import { startHelpdesk, type Helpdesk } from '../e2e/support/helpdesk';
import { GUIDE_SCREENS, type GuideData } from './screens';

const text = messages['vi-VN'];
const IMAGES = path.join(REPO_ROOT, 'docs/guides/images');
/** An image above this is a sign of a screen gone wrong (or of a photo in it). */
const MAX_BYTES = 150 * 1024;
const admin = { email: 'admin@gcm.local', password: 'Mat-khau-huong-dan-2026' };
const INBOX_QUESTION = 'Gia hạn thẻ tạm trú cho vợ ở Đài Loan thế nào?';

let updates = 0;
const event = (chatId: string, fields: Partial<BotEvent>): BotEvent =>
  ({
    channel: 'telegram',
    updateId: `guide-${++updates}`,
    chatId,
    user: { id: chatId, displayName: 'Nguyễn Văn An' },
    ...fields,
  }) as BotEvent;

describe('staff guide screenshots', () => {
  let helpdesk: Helpdesk | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`The screenshots need Chromium at ${CHROMIUM_PATH}`);
    requireBuilds();
    [helpdesk, browser] = await Promise.all([startHelpdesk(admin), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await helpdesk?.stop();
  });

  /** Questions, a subscriber's inbox item, a broadcast with its counts: a day's work to show. */
  async function setUp(api: (route: string, init?: RequestInit) => Promise<unknown>) {
    const h = helpdesk!;
    for (const question of [
      'lam ho chieu o dau',
      'di xuat khau lao dong nhat can bao nhieu tien',
      'Bị giữ hộ chiếu ở nước ngoài thì làm gì?',
      'giá vé máy bay đi Hàn Quốc',
      'bằng lái bên Đài dùng được không',
    ]) {
      await fetch(`${h.api.baseUrl}/api/v1/assistant/ask`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text: question }),
      });
    }
    const wards = (await api('/units?kind=commune&pageSize=1')) as { items: { id: string }[] };
    const subscribe = async (chatId: string, localityId: string | null) => {
      await h.event(event(chatId, { type: 'command', command: 'dangky' } as Partial<BotEvent>));
      await h.event(event(chatId, { type: 'action', action: 'sub:t:all' } as Partial<BotEvent>));
      const locality = localityId ? `sub:l:${localityId}` : 'sub:l:all';
      await h.event(event(chatId, { type: 'action', action: locality } as Partial<BotEvent>));
      await h.event(event(chatId, { type: 'action', action: 'sub:ok' } as Partial<BotEvent>));
    };
    await subscribe('guide-1', wards.items[0]?.id ?? null);
    await subscribe('guide-2', null);
    await subscribe('guide-3', null);
    await h.event(event('guide-1', { type: 'text', text: INBOX_QUESTION } as Partial<BotEvent>));
    await h.event(event('guide-1', { type: 'action', action: 'handoff' } as Partial<BotEvent>));

    const warning = (await api('/knowledge/articles', {
      method: 'POST',
      body: JSON.stringify({
        kind: 'warning',
        title: 'Cảnh báo tuyển lao động đi Đài Loan trái phép',
        body: 'Không nộp tiền cho **người môi giới tự do**. Chỉ đăng ký qua doanh nghiệp có giấy phép.',
        status: 'published',
      }),
    })) as { id: string };
    await api('/broadcasts', { method: 'POST', body: JSON.stringify({ articleId: warning.id }) });
    const queued = (await h.claimTelegram()).filter((item) => item.kind === 'broadcast');
    // One delivered, one to a person who blocked the bot, one still waiting.
    await h.reportSent(queued[0]);
    await h.reportBlocked(queued[1]);

    const faqs = (await api('/knowledge/faqs?status=published&pageSize=1&sort=question')) as {
      items: { id: string }[];
    };
    // The demo data's reports: the first template, and a ward's report that was submitted.
    const templates = (await api('/reporting/templates')) as { id: string }[];
    const reports = (await api('/reporting/submissions?pageSize=50')) as {
      items: { id: string | null; status: string }[];
    };
    const report =
      reports.items.find((s) => s.id && s.status === 'accepted') ??
      reports.items.find((s) => s.id && s.status !== 'draft');
    return {
      inboxQuestion: INBOX_QUESTION,
      faqId: faqs.items[0].id,
      templateId: templates[0].id,
      submissionId: report!.id!,
    } satisfies GuideData;
  }

  it('saves every screen of the guide', { timeout: 300_000 }, async () => {
    const context = await browser!.newContext({
      baseURL: helpdesk!.api.baseUrl,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 1280, height: 800 },
      deviceScaleFactor: 1,
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    await page.goto('/login');
    await page.getByLabel(text.auth.login.email).fill(admin.email);
    await page.getByLabel(text.auth.login.password).fill(admin.password);
    await page.getByRole('button', { name: text.auth.login.submit }).click();
    await page.waitForURL((url) => url.pathname !== '/login');
    // The session cookie of the form's sign-in serves the set-up's API calls too.
    const api = async (route: string, init: RequestInit = {}) => {
      const res = await page.request.fetch(`/api/v1${route}`, {
        method: init.method ?? 'GET',
        data: init.body ? JSON.parse(init.body as string) : undefined,
      });
      if (!res.ok())
        throw new Error(`${init.method ?? 'GET'} ${route}: ${res.status()} ${await res.text()}`);
      return res.json();
    };
    const data = await setUp(api);

    mkdirSync(IMAGES, { recursive: true });
    const sizes: string[] = [];
    for (const screen of GUIDE_SCREENS) {
      await page.goto(screen.path.replace(/\{(\w+)\}/g, (_, key: keyof GuideData) => data[key]));
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      await screen.show?.(page, data);
      await page
        .locator('.el-loading-mask')
        .first()
        .waitFor({ state: 'detached' })
        .catch(() => {});
      // Charts and transitions settle.
      await page.waitForTimeout(400);
      const file = path.join(IMAGES, `${screen.file}.png`);
      const shot = await page.screenshot();
      writeFileSync(
        file,
        await sharp(shot).png({ palette: true, colours: 256, compressionLevel: 9 }).toBuffer(),
      );
      const bytes = statSync(file).size;
      sizes.push(`${screen.file}.png ${Math.round(bytes / 1024)} KB`);
      expect(bytes, `${screen.file}.png`).toBeLessThan(MAX_BYTES);
    }
    console.log(`Saved in docs/guides/images:\n  ${sizes.join('\n  ')}`);
    expect(errors, 'uncaught errors in the page').toEqual([]);
    await context.close();
  });
});
