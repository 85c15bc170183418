/// <reference types="node" />
// Runs in Node; the console's tsconfig (browser types) also checks test/.
/**
 * The console's Hỏi đáp screens with the built API and the built bot (support/helpdesk.ts):
 * answering the inbox, sending a broadcast and following its counts, and trying the bot in the
 * simulator. A Telegram chat is played through the bot's side of the API (events, outbox).
 *
 * Needs apps/api/dist, apps/bot/dist, apps/admin/dist and /usr/bin/chromium.
 */
import { auditActionLabelsVi, type BotEvent } from '@gcm/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems } from '@gcm/testing';
import { messages } from '@/locales/messages';
import { E2E_ADMIN, requireBuilds } from './support/api-server';
import { CHROMIUM_PATH, hasChromium, launchChromium } from './support/chromium';
import {
  ConsolePages,
  FOREIGN_BROWSER,
  openSelect,
  screenshot,
  signIn,
  tableRows,
} from './support/console-pages';
import { startHelpdesk, type Helpdesk } from './support/helpdesk';

const text = messages['vi-VN'];
const admin = E2E_ADMIN;

/** A migration question no starter FAQ answers: it goes to staff. */
const UNANSWERED = 'Gia hạn thẻ tạm trú cho vợ thế nào?';
/** A starter FAQ question typed without diacritics, and the end of its answer. */
const LICENCE_QUESTION = 'lam sao biet cong ty xuat khau lao dong co giay phep khong';
const LICENCE_ANSWER_END = 'Nếu còn nghi ngờ, hãy hỏi Sở Nội vụ trước khi nộp hồ sơ.';

if (!hasChromium) {
  console.warn(`Hỏi đáp browser tests SKIPPED: ${CHROMIUM_PATH} not found.`);
}

let updates = 0;
const chat = (chatId: string) => ({
  text: (value: string): BotEvent => ({
    channel: 'telegram',
    updateId: `e2e-${++updates}`,
    chatId,
    user: { id: chatId, displayName: 'Người dân' },
    type: 'text',
    text: value,
  }),
  action: (action: string): BotEvent => ({
    channel: 'telegram',
    updateId: `e2e-${++updates}`,
    chatId,
    user: { id: chatId },
    type: 'action',
    action,
  }),
  command: (command: string): BotEvent => ({
    channel: 'telegram',
    updateId: `e2e-${++updates}`,
    chatId,
    user: { id: chatId },
    type: 'command',
    command,
  }),
});

describe.skipIf(!hasChromium)('Hỏi đáp screens in Chromium', () => {
  let helpdesk: Helpdesk | undefined;
  let browser: Browser | undefined;
  const pages = new ConsolePages(
    () => ({ browser, baseUrl: helpdesk?.api.baseUrl }),
    FOREIGN_BROWSER,
  );

  beforeAll(async () => {
    requireBuilds();
    [helpdesk, browser] = await Promise.all([startHelpdesk(admin), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await helpdesk?.stop();
  });

  afterEach(() => pages.closeAll());

  async function signedIn(viewport = { width: 1366, height: 768 }): Promise<Page> {
    const page = await pages.open({ viewport });
    await signIn(page, admin);
    return page;
  }

  const heading = (page: Page) => page.getByRole('heading', { level: 1 });
  async function open(page: Page, label: string, title: string) {
    await page
      .getByRole('navigation', { name: text.nav.label })
      .getByRole('link', { name: label, exact: true })
      .click();
    await expect.poll(() => heading(page).innerText()).toBe(title);
  }

  it('answers an inbox item: the reply waits in the outbox for the person’s Telegram chat', async () => {
    const person = chat('inbox-e2e-1');
    await helpdesk!.event(person.text(UNANSWERED));
    await helpdesk!.event(person.action('handoff'));

    const page = await signedIn();
    await open(page, text.nav.inbox, text.inbox.title);
    const item = page.getByRole('button', { name: new RegExp(UNANSWERED) });
    await item.click();
    const transcript = page.getByRole('list', { name: text.inbox.transcript });
    await expect.poll(() => transcript.innerText()).toContain(UNANSWERED);
    expect(await page.getByText(`${text.inbox.channel}: Telegram`).count()).toBe(1);
    // The press on the button to staff reads as what the person did, with the label they saw
    // ("Không phải, gặp cán bộ" under the choices offered), not as the button's payload.
    const said = await transcript.innerText();
    expect(said).toMatch(/Bấm nút: (Không phải, g|G)ặp cán bộ/);
    expect(said).not.toContain('[handoff]');

    // Taking the item: the assignee shows the signed-in administrator.
    await page.getByRole('button', { name: text.inbox.assignToMe }).click();
    await expect
      .poll(() =>
        page
          .getByRole('combobox', { name: text.inbox.assignee })
          .evaluate((el) => el.closest('.el-select')?.textContent ?? ''),
      )
      .toContain(`(${text.inbox.me})`);
    expect(await page.getByRole('button', { name: text.inbox.assignToMe }).count()).toBe(0);
    const myName = (
      await page
        .getByRole('combobox', { name: text.inbox.assignee })
        .evaluate((el) => el.closest('.el-select')?.textContent ?? '')
    )
      .replace(`(${text.inbox.me})`, '')
      .trim();

    const reply = 'Chào bạn, bạn mang thẻ tạm trú và hộ chiếu đến Phòng Quản lý xuất nhập cảnh.';
    await page.getByLabel(text.inbox.replyLabel).fill(reply);
    await page.getByRole('button', { name: text.inbox.send }).click();
    await expect
      .poll(() => page.locator('.alert--success').innerText())
      .toMatch(/^Đã xếp trả lời vào hàng gửi lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    await expect.poll(() => transcript.innerText()).toContain(reply);

    const queued = await helpdesk!.claimTelegram();
    const delivery = queued.find((i) => i.kind === 'staff_reply' && i.chatId === 'inbox-e2e-1');
    expect(delivery, 'the reply is in the outbox for the chat').toBeDefined();
    expect(JSON.stringify(delivery!.replies)).toContain(reply);
    const shownDelivery = page.locator('[data-test="reply-delivery"]').last();
    expect(await shownDelivery.innerText()).toBe(text.inbox.delivery.pending);
    await helpdesk!.reportSent(delivery!);
    // The transcript asks again by itself and says when the reply went out.
    await expect
      .poll(() => shownDelivery.innerText(), { timeout: 25_000 })
      .toMatch(/^✓ Đã gửi đến người hỏi lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    await screenshot(page, '20-inbox');

    // Closing asks first, then the item says it is closed.
    await page.getByRole('button', { name: text.inbox.close, exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.innerText()).toContain(text.inbox.confirmClose);
    await dialog.getByRole('button', { name: text.inbox.close }).click();
    await expect.poll(() => page.getByText(text.inbox.closedHint).count()).toBe(1);

    // The audit log names who took the item, not their account's id.
    await page.goto('/audit');
    const taken = page
      .locator('.el-table__body tr', { hasText: auditActionLabelsVi['handoff.update'] })
      .last();
    await taken.locator('.el-table__expand-icon').click();
    const assignee = page
      .locator('.audit-fields tbody tr', {
        has: page.getByRole('rowheader', { name: text.audit.fields.assigneeId }),
      })
      .first();
    await expect.poll(() => assignee.locator('td').last().innerText()).toBe(myName);
  });

  it('marks the item of someone in danger urgent and lists it first; staff may clear the mark', async () => {
    const calm = chat('inbox-e2e-calm');
    await helpdesk!.event(
      calm.text('Hộ khẩu của chồng tôi ở tỉnh khác thì đăng ký kết hôn ở đâu?'),
    );
    await helpdesk!.event(calm.action('handoff'));
    const danger = 'Em bị chủ giữ hộ chiếu và nhốt trong nhà, cứu em';
    await helpdesk!.event(chat('inbox-e2e-danger').text(danger));
    // A newer ordinary item still comes after the urgent one.
    const later = chat('inbox-e2e-later');
    await helpdesk!.event(
      later.text('Con tôi sinh ở Hàn Quốc, về Việt Nam làm giấy khai sinh thế nào?'),
    );
    await helpdesk!.event(later.action('handoff'));
    await helpdesk!.event(later.text('Cháu được hai tuổi rồi'));

    const page = await signedIn();
    await page.goto('/');
    // On every page the navigation's inbox link says how many items wait, in red when one is
    // urgent; its name stays "Hộp thư hỏi đáp", the counts are its description.
    const inboxLink = page
      .getByRole('navigation', { name: text.nav.label })
      .getByRole('link', { name: text.nav.inbox, exact: true });
    const badge = inboxLink.locator('[data-test="inbox-badge"]');
    await expect.poll(() => badge.getAttribute('class')).toContain('is-urgent');
    const waiting = Number((await badge.innerText()).split(' ')[0]);
    expect(waiting).toBeGreaterThanOrEqual(3);
    // So does the browser tab's title, for a console left in a background tab.
    expect(await page.title()).toBe(
      `(${waiting}!) ${text.dashboard.title} · ${text.common.appName}`,
    );
    expect(await inboxLink.getAttribute('aria-describedby')).toBeTruthy();
    const description = await page
      .locator(`[id="${await inboxLink.getAttribute('aria-describedby')}"]`)
      .innerText();
    expect(description).toBe(
      text.nav.inboxWaitingUrgent.replace('{open}', String(waiting)).replace('{urgent}', '1'),
    );
    // On a phone the navigation is folded away: its button carries the alert.
    const phone = await signedIn({ width: 390, height: 844 });
    const menu = phone.getByRole('button', {
      name: text.nav.openMenuUrgent.replace('{urgent}', '1'),
      exact: true,
    });
    await menu.waitFor();
    expect(await menu.locator('[data-test="menu-alert"]').isVisible()).toBe(true);
    await phone.close();
    // The dashboard says how many open items are urgent, linking to the inbox.
    const urgentLink = page.getByRole('link', { name: /mục khẩn cấp$/ });
    await urgentLink.waitFor();
    expect(await accessibilityProblems(page), 'the dashboard with an urgent item').toEqual([]);
    await urgentLink.click();
    await expect.poll(() => heading(page).innerText()).toBe(text.inbox.title);
    const items = page.locator('.inbox__item');
    await expect.poll(() => items.first().innerText()).toContain(danger);
    expect(await items.first().innerText()).toContain(text.inbox.urgent);
    const laterItem = items.filter({ hasText: 'Con tôi sinh ở Hàn Quốc' });
    expect(await laterItem.innerText()).not.toContain(text.inbox.urgent);
    // What the person added since is under the question.
    expect(await laterItem.locator('[data-test="inbox-latest"]').innerText()).toBe(
      text.inbox.latest.replace('{text}', 'Cháu được hai tuổi rồi'),
    );

    await page.getByRole('button', { name: new RegExp(danger) }).click();
    await page.getByText(text.inbox.urgentNote).waitFor();
    await screenshot(page, '22-inbox-urgent');
    expect(await accessibilityProblems(page), 'an urgent item').toEqual([]);
    await page.getByRole('button', { name: text.inbox.notUrgent, exact: true }).click();
    await page.getByRole('button', { name: text.inbox.markUrgent, exact: true }).waitFor();
    expect(await page.getByText(text.inbox.urgentNote).count()).toBe(0);
    await expect
      .poll(() => items.filter({ hasText: danger }).innerText())
      .not.toContain(text.inbox.urgent);
    // The badge follows at once: items still wait, none is urgent.
    await expect.poll(() => badge.getAttribute('class')).not.toContain('is-urgent');
    expect(await badge.innerText()).toBe(String(waiting));
    expect(await page.title()).toBe(`(${waiting}) ${text.inbox.title} · ${text.common.appName}`);

    // The link in the notice sent to staff phones opens the item itself.
    const listed = await page.request.get('/api/v1/assistant/handoffs?status=open&pageSize=100');
    const { items: open } = (await listed.json()) as { items: { id: string; question: string }[] };
    const item = open.find((i) => i.question === danger)!;
    await page.goto(`/inbox?item=${item.id}`);
    const detail = page.getByRole('region', { name: text.inbox.detailLabel });
    await expect.poll(() => detail.innerText()).toContain(danger);
  });

  it('fits a phone: the list, then the conversation with a way back', async () => {
    const person = chat('inbox-e2e-2');
    await helpdesk!.event(person.text('Thẻ tạm trú của vợ hết hạn thì làm gì?'));
    await helpdesk!.event(person.action('handoff'));
    const page = await signedIn({ width: 390, height: 844 });
    await page.goto('/inbox');
    await expect.poll(() => heading(page).innerText()).toBe(text.inbox.title);
    await page.getByRole('button', { name: /Thẻ tạm trú của vợ hết hạn/ }).click();
    const back = page.getByRole('button', { name: new RegExp(text.inbox.backToList) });
    await back.waitFor();
    expect(await page.getByRole('region', { name: text.inbox.listLabel }).isVisible()).toBe(false);
    await screenshot(page, '21-inbox-phone');
    await back.click();
    await page.getByRole('region', { name: text.inbox.listLabel }).waitFor();
  });

  it('sends a broadcast to one topic, shows whom it reaches, then follows its counts', async () => {
    const subscriber = chat('broadcast-e2e-1');
    await helpdesk!.event(subscriber.command('dangky'));
    await helpdesk!.event(subscriber.action('sub:t:all'));
    await helpdesk!.event(subscriber.action('sub:l:all'));
    await helpdesk!.event(subscriber.action('sub:ok'));

    const page = await signedIn();
    await open(page, text.nav.broadcasts, text.broadcasts.title);
    await page.getByRole('button', { name: text.broadcasts.compose }).click();
    await page.getByText(text.broadcasts.freeText).click();
    await page
      .getByLabel(text.broadcasts.titleLabel, { exact: true })
      .fill('Cảnh báo tuyển lao động trái phép');
    await page
      .getByLabel(text.broadcasts.bodyLabel, { exact: true })
      .fill(
        'Không nộp tiền cho **người môi giới tự do**. Xem [hướng dẫn](https://dichvucong.gov.vn).',
      );

    // One topic: the first one offered.
    await (await openSelect(page, text.broadcasts.topic)).nth(1).click();

    await expect
      .poll(() => page.getByRole('status').allInnerTexts())
      .toContainEqual(expect.stringContaining('Sẽ gửi đến 1 người'));
    const previews = page.locator('.preview__bubble');
    await expect
      .poll(() => previews.first().innerHTML())
      .toContain('<strong>người môi giới tự do</strong>');
    expect(await previews.nth(1).innerText()).toContain('hướng dẫn: https://dichvucong.gov.vn');
    await screenshot(page, '22-broadcast-compose');

    await page.getByRole('button', { name: text.broadcasts.send }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.innerText()).toContain('đến 1 người đăng ký');
    await dialog.getByRole('button', { name: text.broadcasts.send }).click();
    const counts = page.locator('[data-test="broadcast-counts"]').first();
    await expect.poll(() => counts.innerText()).toContain('Đang chờ: 1');

    const queued = await helpdesk!.claimTelegram();
    const delivery = queued.find((i) => i.kind === 'broadcast' && i.chatId === 'broadcast-e2e-1');
    expect(delivery).toBeDefined();
    await helpdesk!.reportSent(delivery!);
    // The list asks again by itself while something is being sent.
    await expect.poll(() => counts.innerText(), { timeout: 25_000 }).toContain('Đã gửi: 1');
    await screenshot(page, '23-broadcasts');
  });

  it('accepts a phrasing a person picked among the choices: the FAQ has it from then on', async () => {
    // Vague questions a person might type; the first the bot meets with choices is used (each
    // in a chat of its own: a question without an answer hands that chat to staff).
    const VAGUE = [
      'ho chieu',
      'visa',
      'lam giay to di nuoc ngoai',
      'xuat khau lao dong',
      'lua dao',
    ];
    const k = text.knowledge;
    let asked: string | undefined;
    for (const [i, question] of VAGUE.entries()) {
      const person = chat(`proposal-e2e-${i}`);
      const res = (await helpdesk!.event(person.text(question))) as {
        replies: { buttons?: { label: string; action: string }[][] }[];
      };
      const pick = res.replies
        .flatMap((r) => (r.buttons ?? []).flat())
        .find((b) => b.action.startsWith('pick:'));
      if (pick) {
        await helpdesk!.event(person.action(pick.action));
        asked = question;
        break;
      }
    }
    expect(asked, `one of ${VAGUE.join(', ')} gets choices`).toBeDefined();

    const page = await signedIn();
    await page.goto('/knowledge/proposals');
    await expect.poll(() => heading(page).innerText()).toBe(k.title);
    const rows = tableRows(page);
    const row = rows.filter({ hasText: asked! }).first();
    const faqLink = row.getByRole('link');
    await faqLink.waitFor();
    const faqQuestion = await faqLink.innerText();
    const faqPath = await faqLink.getAttribute('href');
    await screenshot(page, '25-knowledge-proposals');

    await row.getByRole('button', { name: k.proposals.accept, exact: true }).click();
    await expect
      .poll(() => page.locator('.alert--success').innerText())
      .toBe(k.proposals.acceptedDone.replace('{text}', asked!));
    // No longer waiting; the FAQ the person chose has the phrasing, and the bot weighs it.
    await expect.poll(() => rows.filter({ hasText: asked! }).count()).toBe(0);
    await page.goto(faqPath!);
    await expect
      .poll(() => page.locator('.el-select__tags-text, .el-tag').allInnerTexts())
      .toContain(asked);
    await page.goto('/knowledge/try');
    await page.getByLabel(k.try.question).fill(asked!);
    await page.getByRole('button', { name: k.try.submit, exact: true }).click();
    const result = page.locator('.try__result');
    await result.getByText(k.try.resultFor.replace('{text}', asked!)).waitFor();
    expect(await result.getByRole('link', { name: faqQuestion }).count()).toBeGreaterThan(0);
  });

  it('tries the bot in the simulator: a question gets its answer, and starting over clears it', async () => {
    const page = await signedIn();
    await open(page, text.nav.simulator, text.simulator.title);
    const frame = page.frameLocator('[data-test="simulator-frame"]');
    await frame.locator('textarea').fill(LICENCE_QUESTION);
    await frame.getByRole('button', { name: 'Gửi', exact: true }).click();
    // A long answer comes in two parts: the first, then the rest on "Xem thêm".
    const more = frame.getByRole('button', { name: 'Xem thêm', exact: true });
    await more.waitFor({ timeout: 20_000 });
    expect(await frame.getByRole('log').innerText()).not.toContain(LICENCE_ANSWER_END);
    await more.click();
    await expect
      .poll(() => frame.getByRole('log').innerText(), { timeout: 20_000 })
      .toContain(LICENCE_ANSWER_END);
    await screenshot(page, '24-simulator');

    await page.getByRole('button', { name: text.simulator.restart }).click();
    await expect.poll(() => frame.getByRole('log').innerText()).not.toContain(LICENCE_ANSWER_END);
  });
});
