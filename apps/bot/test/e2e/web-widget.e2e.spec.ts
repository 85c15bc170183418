/**
 * The portal widget in headless Chromium, on the bot's demo page, against the API double: a
 * question and its answer, safe Markdown, buttons, a staff reply arriving through the stream,
 * no reply shown twice, and the conversation surviving a reload.
 * Needs /usr/bin/chromium (`apt-get install -y chromium`); without it the suite is skipped.
 */
import type { BotEvent } from '@gcm/domain';
import { accessibilityProblems } from '@gcm/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startApiDouble, type ApiDouble } from '../support/api-double';
import { CHROMIUM_PATH, hasChromium, launchChromium } from '../support/chromium';
import { startBot, type RunningBot } from '../support/start-bot';

if (!hasChromium) {
  console.warn(`Widget browser tests SKIPPED: ${CHROMIUM_PATH} not found.`);
}

const ANSWER =
  '**Chào bạn!** Xem [Cổng thông tin](https://portal.example.gov.vn/di-cu) hoặc ' +
  '[đừng bấm](javascript:alert(1)). <img src=x onerror="window.__xss=1">\n- _Hợp đồng_ lao động\n- Hộ chiếu';

let browser: Browser;
let api: ApiDouble;
let bot: RunningBot;
let page: Page;

describe.skipIf(!hasChromium)('web chat widget', { timeout: 30_000 }, () => {
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    api = await startApiDouble();
    api.answerEvent = (event: BotEvent) =>
      event.type === 'action'
        ? [{ type: 'text', text: 'Đã chuyển câu hỏi của bạn cho cán bộ.' }]
        : [
            {
              type: 'text',
              format: 'markdown',
              text: ANSWER,
              buttons: [[{ label: 'Gặp cán bộ ngay', action: 'handoff' }]],
            },
          ];
    bot = await startBot(api.url, { web: { pollMs: 100 } });
    page = await browser.newPage();
    page.setDefaultTimeout(5_000);
    page.on('pageerror', (error) => console.error(`widget page error: ${error.message}`));
    await page.goto(`${bot.url}/`);
  });

  afterEach(async () => {
    await page.close();
    await bot.close();
    await api.close();
  });

  const log = () => page.locator('[role="log"]');
  const botMessages = () => page.locator('.message.bot');
  const userMessages = () => page.locator('.message.user');

  async function ask(question: string) {
    await page.getByRole('button', { name: 'Mở hộp hỏi đáp' }).click();
    const input = page.getByRole('textbox', { name: 'Câu hỏi của bạn' });
    await expect.poll(() => input.evaluate((el) => el.matches(':focus'))).toBe(true);
    await input.fill(question);
    await input.press('Enter');
  }

  it('answers a question, rendering the Markdown subset safely', async () => {
    await ask('Đi làm việc ở Hàn Quốc cần gì?');

    await botMessages().first().waitFor();
    const answer = botMessages().first();
    expect(await page.getByRole('dialog', { name: 'Hỏi đáp về di cư an toàn' }).isVisible()).toBe(
      true,
    );
    // The greeting says, before any answer, that answers are general guidance.
    expect(await log().locator('.intro').innerText()).toContain('không thay cho tư vấn pháp lý');
    expect(await userMessages().first().innerText()).toContain('Đi làm việc ở Hàn Quốc cần gì?');
    expect(await answer.locator('strong').innerText()).toBe('Chào bạn!');
    expect(await answer.locator('em').innerText()).toBe('Hợp đồng');
    expect(await answer.locator('li').count()).toBe(2);
    const link = answer.getByRole('link', { name: 'Cổng thông tin' });
    expect(await link.getAttribute('href')).toBe('https://portal.example.gov.vn/di-cu');
    expect(await link.getAttribute('rel')).toContain('noopener');
    expect(await answer.getByRole('link', { name: 'đừng bấm' }).count()).toBe(0);
    expect(await answer.innerText()).toContain('<img src=x onerror="window.__xss=1">');
    expect(await answer.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as { __xss?: number }).__xss)).toBeUndefined();
    expect(api.events[0]).toMatchObject({ type: 'text', channel: 'web' });
  });

  it('passes the automated WCAG 2.1 AA checks (axe-core): the page, then an answer with a button', async () => {
    expect(await accessibilityProblems(page), 'closed').toEqual([]);
    await ask('Đi làm việc ở Hàn Quốc cần gì?');
    await page.getByRole('button', { name: 'Gặp cán bộ ngay' }).waitFor();
    expect(await accessibilityProblems(page), 'answered').toEqual([]);
  });

  it('turns telephone numbers into links a phone calls with a tap, and not money or years', async () => {
    api.answerEvent = () => [
      {
        type: 'text',
        format: 'markdown',
        text:
          'Ở Việt Nam gọi ngay **113**; ở nước ngoài gọi **+84 981 84 84 84** hoặc 0981-848-484.\n' +
          '- Mất 50.000.000 đồng, kế hoạch giai đoạn 2021-2030, Văn bản số 2544/BNG-LS ngày ' +
          '17/7/2015, Điều 113, phòng 0113.',
      },
    ];
    await ask('gặp nguy hiểm gọi số nào');
    await botMessages().first().waitFor();
    const answer = botMessages().first();
    const links = await answer
      .getByRole('link')
      .evaluateAll((all) => all.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(links).toEqual([
      ['113', 'tel:113'],
      ['+84 981 84 84 84', 'tel:+84981848484'],
      ['0981-848-484', 'tel:0981848484'],
    ]);
    // Still shown as written, in bold where the answer made it bold.
    expect(await answer.locator('strong').allInnerTexts()).toEqual(['113', '+84 981 84 84 84']);
    expect(await answer.innerText()).toContain('Mất 50.000.000 đồng, kế hoạch giai đoạn 2021-2030');
  });

  it('shows each message once although the stream brings them again', async () => {
    await ask('Câu hỏi thứ nhất');
    await botMessages().first().waitFor();

    // The stream polls every 100 ms: give it several rounds to bring the stored copies.
    await page.waitForTimeout(600);

    expect(await userMessages().count()).toBe(1);
    expect(await botMessages().count()).toBe(1);
  });

  it('sends a button press as an action, and shows a staff reply from the stream', async () => {
    await ask('Tôi cần hỗ trợ');
    await page.getByRole('button', { name: 'Gặp cán bộ ngay' }).click();
    await page.getByText('Đã chuyển câu hỏi của bạn cho cán bộ.').waitFor();

    const sessionId = api.events[0].chatId;
    const messages = api.conversations.get(`web/${sessionId}`) ?? [];
    messages.push({
      seq: messages.length + 1,
      direction: 'out',
      reply: { type: 'text', text: 'Chào bạn, cán bộ Phòng LĐ-TB&XH xin trả lời: …' },
      createdAt: new Date().toISOString(),
    });
    await page.getByText('cán bộ Phòng LĐ-TB&XH xin trả lời').waitFor();

    expect(api.events[1]).toMatchObject({ type: 'action', action: 'handoff', chatId: sessionId });
    expect(await userMessages().nth(1).innerText()).toContain('Gặp cán bộ ngay');
    expect(await botMessages().count()).toBe(3);
  });

  it('keeps the conversation across a reload, and counts unread replies while closed', async () => {
    await ask('Hỏi trước khi tải lại');
    await botMessages().first().waitFor();

    await page.reload();
    await botMessages().first().waitFor();
    expect(await userMessages().first().innerText()).toContain('Hỏi trước khi tải lại');

    await page.getByRole('button', { name: 'Đóng hộp hỏi đáp' }).click();
    const sessionId = api.events[0].chatId;
    const messages = api.conversations.get(`web/${sessionId}`) ?? [];
    messages.push({
      seq: messages.length + 1,
      direction: 'out',
      reply: { type: 'text', text: 'Tin mới từ cán bộ' },
      createdAt: new Date().toISOString(),
    });

    await page.getByRole('button', { name: /1 tin nhắn mới/ }).waitFor();
    expect(await log().isVisible()).toBe(false);
  });

  it('counts a question typed in decomposed Unicode after composing it, and sends it in NFC', async () => {
    // 1500 × "ạ" typed as a + combining dot below: 3000 UTF-16 units, 1500 characters in NFC.
    const decomposed = 'a\u0323'.repeat(1500);
    await page.getByRole('button', { name: 'Mở hộp hỏi đáp' }).click();
    const input = page.getByRole('textbox', { name: 'Câu hỏi của bạn' });
    await input.evaluate(
      (el, value) => ((el as unknown as { value: string }).value = value),
      decomposed,
    );
    await page.getByRole('button', { name: 'Gửi' }).click();

    await botMessages().first().waitFor();
    expect(api.events[0]).toMatchObject({ type: 'text', text: 'ạ'.repeat(1500) });
  });

  it('tells the person in Vietnamese when the question is empty', async () => {
    await page.getByRole('button', { name: 'Mở hộp hỏi đáp' }).click();
    await page.getByRole('button', { name: 'Gửi' }).click();

    await page.getByText('Vui lòng nhập câu hỏi trước khi gửi.').waitFor();
    expect(api.events).toHaveLength(0);
  });
});
