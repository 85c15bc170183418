/**
 * "Tìm nơi hỗ trợ" end to end: the built API (demo data: the sample support directory of Bắc
 * Kạn city) and the built bot as real processes, real telegraf against the fake Bot API and
 * the real Zalo client against the fake OA API, in one bot process.
 *
 * Build first (turbo run test does): the API and the bot.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTelegramServer, telegramUpdates } from '../support/fake-telegram-server';
import {
  startFakeZaloServer,
  zaloTextEvent,
  type FakeZaloServer,
} from '../support/fake-zalo-server';
import { startHelpdeskApi, type HelpdeskApi } from '../support/helpdesk-api';
import { BRISK_PACING, type RunningBotProcess } from '../support/run-built-bot';
import { LICENCE_QUESTION } from '../support/starter-content';
import { postTelegramWebhook, sentTo, startWebhookBot } from '../support/telegram-chat';
import { waitFor } from '../support/wait-for';

const WARD_POLICE = 'Công an phường Đức Xuân (dữ liệu mẫu)';
const CITY_LABOUR = 'Phòng Lao động – Thương binh và Xã hội thành phố (dữ liệu mẫu)';

describe('find help nearby, on Telegram and Zalo', { timeout: 60_000 }, () => {
  let telegram: FakeTelegramServer;
  let zalo: FakeZaloServer;
  let api: HelpdeskApi;
  let bot: RunningBotProcess;
  let updateId = 15_000;

  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'gcm-e2e-nearby-'));
    api = await startHelpdeskApi({ DATA_DIR: dataDir }, async () =>
      rmSync(dataDir, { recursive: true, force: true }),
    );
    telegram = await FakeTelegramServer.start();
    zalo = await startFakeZaloServer();
    bot = await startWebhookBot(telegram, api, {
      ZALO_APP_ID: zalo.options.appId,
      ZALO_OA_SECRET_KEY: zalo.options.oaSecretKey,
      ZALO_OA_ACCESS_TOKEN: zalo.options.accessToken,
      ZALO_API_BASE: zalo.url,
      ...BRISK_PACING,
    });
  }, 120_000);

  afterAll(async () => {
    await bot?.stop();
    await telegram?.close();
    await zalo?.close();
    await api?.close();
  });

  /** What the person reads on Telegram after an update. */
  async function telegramSays(chat: number, update: object) {
    const before = sentTo(telegram, chat).length;
    const res = await postTelegramWebhook(bot, { update_id: updateId++, ...update });
    // The webhook is answered once the replies went out: they are all there.
    expect(res.status).toBe(200);
    return sentTo(telegram, chat).slice(before);
  }

  const unitId = async (search: string) => {
    const page = await api.staffJson<{ items: { id: string }[] }>(
      `/units?search=${encodeURIComponent(search)}`,
    );
    return page.items[0].id;
  };

  it('finds the ward typed without diacritics and lists its contacts, nearest first, with 113', async () => {
    const chat = 1501;
    const [menu] = await telegramSays(chat, telegramUpdates.text(chat, '/menu'));
    const button = menu.buttons.find((b) => b.text === 'Tìm nơi hỗ trợ');
    expect(button?.callback_data).toBe('near');

    const [ask] = await telegramSays(chat, telegramUpdates.callback(chat, 'near'));
    expect(ask.text).toMatch(/xã, phường nào/);
    const [contacts] = await telegramSays(chat, telegramUpdates.text(chat, 'duc xuan'));
    expect(contacts.text).toContain('Nơi hỗ trợ cho UBND phường Đức Xuân');
    expect(contacts.text.indexOf(WARD_POLICE)).toBeGreaterThan(0);
    expect(contacts.text.indexOf(WARD_POLICE)).toBeLessThan(contacts.text.indexOf(CITY_LABOUR));
    // The number as text, which Telegram makes tappable; no raw Markdown left.
    expect(contacts.text).toContain('☎ 0000 000 001');
    expect(contacts.text).not.toContain('tel:');
    expect(contacts.text).toContain('dữ liệu để dùng thử, chưa phải thông tin thật');
    expect(contacts.text).toContain('gọi ngay 113');
  });

  it('gives another ward only the contacts that serve it', async () => {
    const chat = 1502;
    await telegramSays(chat, telegramUpdates.text(chat, '/hotro'));
    const [contacts] = await telegramSays(chat, telegramUpdates.text(chat, 'Nguyễn Thị Minh Khai'));
    expect(contacts.text).toContain('Nơi hỗ trợ cho UBND phường Nguyễn Thị Minh Khai');
    expect(contacts.text).toContain(CITY_LABOUR);
    expect(contacts.text).not.toContain(WARD_POLICE);
  });

  it('asks again politely for a name it cannot find, and still finds the next one', async () => {
    const chat = 1503;
    await telegramSays(chat, telegramUpdates.text(chat, 'tìm nơi hỗ trợ'));
    const [missing] = await telegramSays(chat, telegramUpdates.text(chat, 'Xuan Hoa Binh'));
    expect(missing.text).toContain('Chưa tìm thấy xã, phường nào tên “Xuan Hoa Binh”');
    expect(missing.buttons.map((b) => b.callback_data)).toEqual(['cancel']);
    const [contacts] = await telegramSays(chat, telegramUpdates.text(chat, 'P. Đức Xuân'));
    expect(contacts.text).toContain(WARD_POLICE);
  });

  it('does not ask a subscriber for the area again', async () => {
    const chat = 1504;
    const ward = await unitId('Đức Xuân');
    for (const update of [
      telegramUpdates.text(chat, '/dangky'),
      telegramUpdates.callback(chat, 'sub:t:all'),
      telegramUpdates.callback(chat, `sub:l:${ward}`),
      telegramUpdates.callback(chat, 'sub:ok'),
    ]) {
      await telegramSays(chat, update);
    }
    const [contacts] = await telegramSays(chat, telegramUpdates.callback(chat, 'near'));
    expect(contacts.text).toContain('Nơi hỗ trợ cho UBND phường Đức Xuân');
    expect(contacts.buttons.map((b) => b.callback_data)).toContain('near:again');
  });

  it('offers "Tìm nơi hỗ trợ" under an answer whose topic has contacts', async () => {
    const chat = 1505;
    const { faq } = await api.ask(LICENCE_QUESTION);
    const {
      topic: { id: topicId },
    } = await api.staffJson<{ topic: { id: string } }>(`/knowledge/faqs/${faq!.id}`);
    const [before] = await telegramSays(chat, telegramUpdates.text(chat, LICENCE_QUESTION));
    expect(before.buttons.some((b) => b.callback_data?.startsWith('near'))).toBe(false);

    await api.staffJson(
      '/directory/contacts',
      {
        body: {
          name: 'Sở Lao động tỉnh (dữ liệu mẫu)',
          kind: 'labour_office',
          topicIds: [topicId],
          unitIds: [await unitId('TINH-BK')],
          phone: '0000 000 099',
          sample: true,
        },
      },
      201,
    );
    const [answer] = await telegramSays(chat, telegramUpdates.text(chat, LICENCE_QUESTION));
    const find = answer.buttons.find((b) => b.text === 'Tìm nơi hỗ trợ');
    expect(find?.callback_data).toBe(`near:t:${topicId}`);
    await telegramSays(chat, telegramUpdates.callback(chat, find!.callback_data!));
    const [contacts] = await telegramSays(chat, telegramUpdates.text(chat, 'duc xuan'));
    expect(contacts.text).toContain('Sở Lao động tỉnh (dữ liệu mẫu)');
    expect(contacts.text.indexOf(WARD_POLICE)).toBeLessThan(
      contacts.text.indexOf('Sở Lao động tỉnh'),
    );
  });

  it('works on Zalo, the number in plain text', async () => {
    const user = '15006';
    const deliveredTo = () => zalo.delivered.filter((m) => m.userId === user);
    await fetch(`${bot.url}/webhooks/zalo`, {
      method: 'POST',
      ...zalo.signedEvent(zaloTextEvent({ userId: user, text: 'tim noi ho tro' })),
    });
    await waitFor(() => deliveredTo().length >= 1, 10_000, 'the question for the area');
    expect(deliveredTo()[0].message.text).toMatch(/xã, phường nào/);
    await fetch(`${bot.url}/webhooks/zalo`, {
      method: 'POST',
      ...zalo.signedEvent(zaloTextEvent({ userId: user, text: 'duc xuan' })),
    });
    await waitFor(() => deliveredTo().length >= 2, 10_000, 'the contacts on Zalo');
    const text = deliveredTo()[1].message.text ?? '';
    expect(text).toContain(WARD_POLICE);
    expect(text).toContain('☎ 0000 000 001');
    expect(text).not.toContain('tel:');
  });

  it('links the numbers for a tap to call in the web chat', async () => {
    const sessionId = randomUUID();
    const say = async (text: string) => {
      const res = await fetch(`${bot.url}/web/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ sessionId, clientMessageId: randomUUID(), text }),
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { replies: { text: string }[] }).replies;
    };
    await say('/hotro');
    const [contacts] = await say('Đức Xuân');
    expect(contacts.text).toContain('[0000 000 001](tel:0000000001)');
    expect(contacts.text).toContain('[113](tel:113)');
  });

  it('finds a licensed company asked about without diacritics, with the list’s date and advice', async () => {
    const chat = 1510;
    const [reply] = await telegramSays(
      chat,
      telegramUpdates.text(
        chat,
        'cong ty tnhh nhan luc anh duong co duoc phep dua nguoi di nhat khong',
      ),
    );
    expect(reply.text).toContain(
      'Công ty TNHH Nhân lực Ánh Dương (mẫu) có trong danh sách doanh nghiệp được cấp phép',
    );
    expect(reply.text).toContain('Tình trạng: Đang được phép hoạt động.');
    expect(reply.text).toContain('không nộp tiền cho người môi giới');
    expect(reply.text).toMatch(/Theo danh sách đưa lên hệ thống ngày \d{2}\/\d{2}\/\d{4}/);
    expect(reply.text).toContain('dữ liệu mẫu');
  });

  it('answers an unknown company carefully, with where to get help', async () => {
    const chat = 1511;
    const [menu] = await telegramSays(chat, telegramUpdates.text(chat, '/menu'));
    expect(menu.buttons.find((b) => b.text === 'Kiểm tra doanh nghiệp')?.callback_data).toBe('co');
    const [ask] = await telegramSays(chat, telegramUpdates.callback(chat, 'co'));
    expect(ask.text).toContain('tên doanh nghiệp');
    const [reply] = await telegramSays(chat, telegramUpdates.text(chat, 'Công ty XYZ Toàn Cầu'));
    expect(reply.text).toContain('Không tìm thấy doanh nghiệp “Công ty XYZ Toàn Cầu”');
    expect(reply.text).toContain('chưa có nghĩa là doanh nghiệp lừa đảo');
    expect(reply.buttons.map((b) => b.callback_data)).toEqual(['near', 'handoff']);
  });

  it('says plainly that a company whose licence was revoked may not send workers, on Zalo too', async () => {
    const chat = 1512;
    await telegramSays(chat, telegramUpdates.text(chat, '/kiemtra'));
    const [byLicence] = await telegramSays(chat, telegramUpdates.text(chat, 'mau-003/gp'));
    expect(byLicence.text).toContain('Công ty TNHH Cung ứng Nhân lực Hoàng Gia (mẫu)');
    expect(byLicence.text).toContain('Đã bị thu hồi giấy phép');
    expect(byLicence.text).toContain('không được phép đưa người đi làm việc ở nước ngoài');

    const user = '15013';
    await fetch(`${bot.url}/webhooks/zalo`, {
      method: 'POST',
      ...zalo.signedEvent(zaloTextEvent({ userId: user, text: 'kiem tra cong ty hoang gia' })),
    });
    await waitFor(
      () => zalo.delivered.some((m) => m.userId === user),
      10_000,
      'the answer on Zalo',
    );
    const text = zalo.delivered.find((m) => m.userId === user)?.message.text ?? '';
    expect(text).toContain('Đã bị thu hồi giấy phép');
    expect(text).not.toContain('**');
  });
});
