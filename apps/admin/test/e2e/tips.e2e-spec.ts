/// <reference types="node" />
// Runs in Node; the console's tsconfig (browser types) also checks test/.
/**
 * The screen of confidential reports in headless Chromium against the built API (demo data, a
 * key for the reports): a report sent through the bot's route is listed to the administrator
 * without its content, and read and answered by the officer of the ward's police; the read is in
 * the audit log. Of its three photos, one was fetched by the bot (its bytes uploaded through the
 * bot's route, as the bot does) and shows as an image, one is still being fetched, one failed.
 *
 * Needs apps/api/dist, apps/admin/dist and /usr/bin/chromium, as console.e2e-spec.ts.
 */
import type { OutboxItem } from '@gcm/domain';
import type { APIRequestContext, Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '@/locales/messages';
import { E2E_ADMIN, requireBuilds, startApi, type RunningApi } from './support/api-server';
import { hasChromium, launchChromium } from './support/chromium';
import { ConsolePages, signIn, tableRows as rows } from './support/console-pages';

const text = messages['vi-VN'];
const tt = text.tips;
const admin = E2E_ADMIN;
const officer = { email: 'ca.ducxuan@example.gov.vn', password: 'Mat-khau-Cong-an-2026' };
const BOT_TOKEN = 'console-e2e-bot-token-0123456789abcdef';
const SECRET = 'Bà Hoa ở tổ 7 nhận tiền đặt cọc để đưa người sang Đài Loan';
/** A real 4×4 PNG: the photo the bot fetched from Telegram. */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGM4IacBRwzEcQDBAxDhtIruDgAAAABJRU5ErkJggg==',
  'base64',
);

describe.skipIf(!hasChromium)('reports to the police in Chromium', () => {
  let api: RunningApi | undefined;
  let browser: Browser | undefined;
  const pages = new ConsolePages(() => ({ browser, baseUrl: api?.baseUrl }));
  let code = '';

  beforeAll(async () => {
    requireBuilds();
    [api, browser] = await Promise.all([
      startApi({
        adminEmail: admin.email,
        adminPassword: admin.password,
        vars: {
          BOT_SERVICE_TOKEN: BOT_TOKEN,
          TIPS_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 3).toString('base64')}`,
        },
      }),
      launchChromium(),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  afterEach(() => pages.closeAll());

  /** The report of a person on Telegram, through the bot's route, as the bot sends it. */
  async function report(request: APIRequestContext) {
    let n = 0;
    const send = async (fields: Record<string, unknown>) => {
      const res = await request.post('/api/v1/bot/events', {
        headers: { authorization: `Bearer ${BOT_TOKEN}` },
        data: {
          channel: 'telegram',
          updateId: `tip-${n++}`,
          chatId: '777',
          user: { id: '777' },
          ...fields,
        },
      });
      expect(res.status()).toBe(200);
      return (await res.json()) as { replies: { text: string }[] };
    };
    await send({ type: 'command', command: 'baotin' });
    await send({ type: 'text', text: SECRET });
    for (const fileRef of ['ph-stored', 'ph-pending', 'ph-gone'])
      await send({ type: 'file', fileRef, mimeType: 'image/jpeg' });
    await send({ type: 'action', action: 'tip:next' });
    await send({ type: 'action', action: 'tip:anon' });
    await send({ type: 'text', text: 'duc xuan' });
    const sent = await send({ type: 'action', action: 'tip:send' });
    await fetchPhotos(request);
    return /\*\*([A-Z0-9-]{12})\*\*/.exec(sent.replies[0].text)![1].replace(/-/g, '');
  }

  /** What bot instances do with the photos: the first uploaded, the last gone from Telegram. */
  async function fetchPhotos(request: APIRequestContext) {
    const headers = { authorization: `Bearer ${BOT_TOKEN}` };
    const claim = await request.post('/api/v1/bot/outbox/claim', {
      headers,
      data: { channels: ['telegram'], limit: 10, leaseSeconds: 60 },
    });
    const items = ((await claim.json()) as { items: OutboxItem[] }).items;
    expect(items.map((i) => i.kind)).toEqual(['fetch_file', 'fetch_file', 'fetch_file']);
    const [stored, pending, gone] = items;
    const upload = await request.put(`/api/v1/bot/files/${stored.chatId}`, {
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      data: PHOTO,
    });
    expect(upload.status()).toBe(204);
    const report = (item: OutboxItem, outcome: string) =>
      request.post(`/api/v1/bot/outbox/${item.id}/result`, {
        headers,
        data: { claimId: item.claimId, outcome, error: 'Bad Request: wrong file_id' },
      });
    expect((await report(stored, 'sent')).status()).toBe(204);
    expect((await report(gone, 'rejected')).status()).toBe(204);
    expect(pending.kind).toBe('fetch_file');
  }

  it('shows the administrator that a report exists, never its content', async () => {
    const page = await pages.open();
    const request = page.request;
    await request.post('/api/v1/auth/login', { data: admin });
    const ward = await (await request.get('/api/v1/units?search=Đức Xuân')).json();
    const police = await request.post('/api/v1/units', {
      data: {
        code: 'CA-DX',
        name: 'Công an phường Đức Xuân',
        kind: 'police',
        parentId: ward.items[0].id,
      },
    });
    expect(police.status()).toBe(201);
    const created = await request.post('/api/v1/users', {
      data: {
        email: officer.email,
        fullName: 'Trung úy Nguyễn Văn An',
        role: 'unit_reporter',
        unitId: (await police.json()).id,
        password: 'Tam-thoi-2026-abc',
      },
    });
    expect(created.status()).toBe(201);
    code = await report(request);

    // Signed in by the requests above (they share the page's cookies).
    await page.goto('/');
    await page
      .getByRole('navigation', { name: text.nav.label })
      .getByRole('link', { name: tt.nav })
      .click();
    const row = rows(page).filter({ hasText: code });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('UBND phường Đức Xuân');
    expect(await row.textContent()).toContain(tt.list.notYours);
    expect(await row.getByRole('link', { name: tt.list.read }).count()).toBe(0);
    expect(await page.content()).not.toContain('Bà Hoa');
  });

  it('lets the ward police officer read the report (audited) and answer it', async () => {
    const page = await pages.open();
    await page.request.post('/api/v1/auth/login', {
      data: { email: officer.email, password: 'Tam-thoi-2026-abc' },
    });
    const changed = await page.request.post('/api/v1/auth/change-password', {
      data: { currentPassword: 'Tam-thoi-2026-abc', newPassword: officer.password },
    });
    expect(changed.ok()).toBe(true);
    await page.request.post('/api/v1/auth/logout');

    await signIn(page, officer);
    await page.goto('/tips');
    const row = rows(page).filter({ hasText: code });
    await row.getByRole('link', { name: tt.list.read }).click();
    await page.getByText(SECRET).waitFor();
    await page.getByText(tt.detail.audited).waitFor();
    await page.getByText(tt.detail.anonymous).waitFor();

    // The stored photo shows (fetched with the session into an object URL) and opens large;
    // the others say where they are.
    const thumb = page.locator('.tip-photo__thumb img');
    await thumb.waitFor();
    const loaded = (img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0);
    await expect.poll(() => thumb.evaluate(loaded)).toBe(4);
    expect(await thumb.getAttribute('src')).toMatch(/^blob:/);
    await page.getByText(tt.detail.photoPending).waitFor();
    await page.getByText(tt.detail.photoFailed.replace('{channel}', 'Telegram')).waitFor();
    await thumb.click();
    const large = page.locator('.el-image-viewer__img');
    await large.waitFor();
    await expect.poll(() => large.evaluate(loaded)).toBe(4);
    await page.keyboard.press('Escape');
    await large.waitFor({ state: 'detached' });

    await page.getByLabel(tt.detail.replyLabel).fill('Công an phường đã tiếp nhận, cảm ơn bạn.');
    await page.getByRole('button', { name: tt.detail.send }).click();
    await page.getByText(tt.detail.sent).waitFor();
    await page.getByText('Công an phường đã tiếp nhận, cảm ơn bạn.').waitFor();
    expect(await page.getByText(tt.detail.kinds.reply).count()).toBe(1);

    await page.request.post('/api/v1/auth/logout');
    await page.request.post('/api/v1/auth/login', { data: admin });
    const audit = await (await page.request.get('/api/v1/audit?entityType=tip')).json();
    const actions = audit.items.map((e: { action: string; actorEmail: string }) => [
      e.action,
      e.actorEmail,
    ]);
    expect(actions).toContainEqual(['tip.read', officer.email]);
    expect(actions).toContainEqual(['tip.reply', officer.email]);
    expect(actions).toContainEqual(['tip.photo_viewed', officer.email]);
    expect(JSON.stringify(audit)).not.toContain('Bà Hoa');
  });
});
