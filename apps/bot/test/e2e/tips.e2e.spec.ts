/**
 * "Báo tin" end to end: the built API (demo data, a key for confidential reports) and the built
 * bot as real processes, real telegraf against the fake Bot API. An anonymous report reaches
 * the police officer of the ward chosen and nobody else, its photo fetched from Telegram by the
 * bot and shown to the police; the reporter adds a photo with the reference code; the police's
 * reply reaches the chat through the outbox.
 *
 * Build first (turbo run test does): the API and the bot.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTelegramServer, telegramUpdates } from '../support/fake-telegram-server';
import { startHelpdeskApi, type HelpdeskApi } from '../support/helpdesk-api';
import type { RunningBotProcess } from '../support/run-built-bot';
import {
  postTelegramWebhook,
  sentTo,
  startWebhookBot,
  waitForChat,
} from '../support/telegram-chat';
import { quiet, waitFor } from '../support/wait-for';

const SECRET = 'Một người tên Tùng ở tổ 3 tuyển con gái đi làm ở Trung Quốc, giữ giấy tờ';
const TIP_KEYS = `e2e:${Buffer.alloc(32, 9).toString('base64')}`;
/** A real 4×4 PNG, the photo the person sends (Telegram's file server has it). */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGM4IacBRwzEcQDBAxDhtIruDgAAAABJRU5ErkJggg==',
  'base64',
);

type Staff = (path: string, body?: unknown) => Promise<Response>;
interface TipRead {
  anonymous: boolean;
  contact: string | null;
  entries: { id: string; kind: string; text: string | null; photo: { state: string } | null }[];
}

describe('a confidential report to the police, on Telegram', { timeout: 90_000 }, () => {
  let telegram: FakeTelegramServer;
  let api: HelpdeskApi;
  let bot: RunningBotProcess;
  let updateId = 16_000;
  let wardOfficer: Staff;
  let otherOfficer: Staff;

  /** A staff account of `unitId`, signed in with its own password (set after the first one). */
  async function officer(unitId: string, email: string): Promise<Staff> {
    const first = 'Mat-khau-tam-Cong-an-2026';
    await api.staffJson(
      '/users',
      {
        body: { email, fullName: 'Cán bộ Công an', role: 'unit_reporter', unitId, password: first },
      },
      201,
    );
    const login = await fetch(`${api.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: first }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const staff: Staff = (p, body) =>
      fetch(`${api.baseUrl}/api/v1${p}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const changed = await staff('/auth/change-password', {
      currentPassword: first,
      newPassword: 'Mat-khau-rieng-Cong-an-2026',
    });
    expect(changed.status).toBeLessThan(300);
    return staff;
  }

  const unitId = async (search: string) =>
    (
      await api.staffJson<{ items: { id: string }[] }>(
        `/units?search=${encodeURIComponent(search)}`,
      )
    ).items[0].id;

  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'gcm-e2e-tips-'));
    api = await startHelpdeskApi({ DATA_DIR: dataDir, TIPS_ENCRYPTION_KEYS: TIP_KEYS }, async () =>
      rmSync(dataDir, { recursive: true, force: true }),
    );
    telegram = await FakeTelegramServer.start();
    telegram.addFile('ph-1280', PHOTO);
    bot = await startWebhookBot(telegram, api);
    const police = async (code: string, ward: string) =>
      (
        await api.staffJson<{ id: string }>(
          '/units',
          { body: { code, name: `Công an ${ward}`, kind: 'police', parentId: await unitId(ward) } },
          201,
        )
      ).id;
    wardOfficer = await officer(await police('CA-DXUAN', 'Đức Xuân'), 'ca.ducxuan@e2e.gcm.vn');
    otherOfficer = await officer(await police('CA-SCAU', 'Sông Cầu'), 'ca.songcau@e2e.gcm.vn');
  }, 120_000);

  afterAll(async () => {
    await bot?.stop();
    await telegram?.close();
    await api?.close();
  });

  async function telegramSays(chat: number, update: object) {
    const before = sentTo(telegram, chat).length;
    const res = await postTelegramWebhook(bot, { update_id: updateId++, ...update });
    expect(res.status).toBe(200);
    await quiet(300);
    return sentTo(telegram, chat).slice(before);
  }

  it('reaches the police of the ward chosen and nobody else; the reporter adds a photo with the code and gets the reply', async () => {
    const chat = 1601;
    const [menu] = await telegramSays(chat, telegramUpdates.text(chat, '/menu'));
    const button = menu.buttons.find((b) => b.text === 'Báo tin cho Công an');
    expect(button?.callback_data).toBe('tip');

    const [intro] = await telegramSays(chat, telegramUpdates.callback(chat, 'tip'));
    expect(intro.text).toContain('hãy gọi 113 trước');
    expect(intro.text).toContain('Chỉ Công an phụ trách xã, phường bạn chọn đọc được nội dung');
    const [noted] = await telegramSays(chat, telegramUpdates.text(chat, SECRET));
    expect(noted.buttons.map((b) => b.callback_data)).toEqual(['tip:next', 'cancel']);
    const [photo] = await telegramSays(chat, telegramUpdates.photo(chat, 'Ảnh giấy hẹn'));
    expect(photo.text).toContain('Đã nhận ảnh');
    await telegramSays(chat, telegramUpdates.callback(chat, 'tip:next'));
    const [area] = await telegramSays(chat, telegramUpdates.callback(chat, 'tip:anon'));
    expect(area.text).toContain('xã, phường nào');
    const [confirm] = await telegramSays(chat, telegramUpdates.text(chat, 'duc xuan'));
    expect(confirm.text).toContain('1 tin nhắn, 1 ảnh');
    expect(confirm.text).toContain('ẩn danh');
    const [sent] = await telegramSays(chat, telegramUpdates.callback(chat, 'tip:send'));
    const shownCode = /Mã tin báo của bạn: ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2})/.exec(
      sent.text,
    )![1];

    // The police of Đức Xuân read it; the police of another ward and the administrator only
    // see that it exists.
    const listed = (await (await wardOfficer('/tips')).json()) as {
      items: { id: string; code: string; canRead: boolean; status: string }[];
    };
    const tip = listed.items.find((i) => i.code === shownCode.replace(/-/g, ''))!;
    expect(tip).toMatchObject({ canRead: true, status: 'new' });
    const read = (await (await wardOfficer(`/tips/${tip.id}`)).json()) as TipRead;
    expect(read).toMatchObject({ anonymous: true, contact: null });
    expect(read.entries.map((e) => e.text)).toEqual([SECRET, 'Ảnh giấy hẹn']);

    // The bot fetched the photo from Telegram's file server; the police see the same bytes.
    const states = async () =>
      ((await (await wardOfficer(`/tips/${tip.id}`)).json()) as TipRead).entries.map(
        (e) => e.photo?.state ?? null,
      );
    // Polled slowly: every read of the content is audited.
    const settled = (check: (s: (string | null)[]) => boolean, what: string) =>
      waitFor(async () => (await quiet(250), check(await states())), 20_000, what);
    await settled((s) => s[1] === 'stored', 'the photo stored');
    expect(telegram.callsTo('getFile')[0].params.file_id).toBe('ph-1280');
    expect(telegram.downloads).toHaveLength(1);
    const photoUrl = `/tips/${tip.id}/photos/${read.entries[1].id}`;
    const shown = await wardOfficer(photoUrl);
    expect(shown.status).toBe(200);
    expect(shown.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await shown.arrayBuffer()).equals(PHOTO)).toBe(true);
    expect((await otherOfficer(photoUrl)).status).toBe(403);
    expect((await api.staff(photoUrl)).status).toBe(403);
    const other = await otherOfficer(`/tips/${tip.id}`);
    expect(other.status).toBe(403);
    expect(await other.text()).not.toContain('Tùng');
    const admin = await api.staff(`/tips/${tip.id}`);
    expect(admin.status).toBe(403);
    const adminList = await api.staffJson<{ items: { id: string; canRead: boolean }[] }>('/tips');
    expect(adminList.items.find((i) => i.id === tip.id)?.canRead).toBe(false);
    expect(JSON.stringify(adminList)).not.toContain('Tùng');
    // Not in the general inbox either.
    const inbox = await api.staffJson<{ items: unknown[] }>('/assistant/handoffs');
    expect(JSON.stringify(inbox)).not.toContain('Tùng');

    // The reporter adds a photo with the code, from the button of the confirmation.
    const addButton = sent.buttons.find((b) => b.text === 'Gửi thêm thông tin')!;
    const [adding] = await telegramSays(
      chat,
      telegramUpdates.callback(chat, addButton.callback_data!),
    );
    expect(adding.text).toContain(`tin báo ${shownCode}`);
    const [added] = await telegramSays(chat, telegramUpdates.photo(chat, 'Ảnh xe của Tùng'));
    expect(added.text).toContain(`Đã thêm vào tin báo ${shownCode}`);
    // A file Telegram no longer has: the entry says it could not be fetched.
    await telegramSays(chat, telegramUpdates.document(chat, 'giay-to.jpg', 'image/jpeg'));
    await telegramSays(chat, telegramUpdates.callback(chat, 'tip:done'));
    const again = (await (await wardOfficer(`/tips/${tip.id}`)).json()) as TipRead;
    expect(again.entries.map((e) => e.kind)).toEqual(['description', 'photo', 'photo', 'photo']);
    await settled((s) => !s.includes('pending'), 'every photo fetched or failed');
    expect(await states()).toEqual([null, 'stored', 'stored', 'failed']);

    // The police reply; the bot delivers it from the outbox.
    const before = sentTo(telegram, chat).length;
    const reply = await wardOfficer(`/tips/${tip.id}/replies`, {
      text: 'Công an phường Đức Xuân đã nhận tin. Cảm ơn bạn.',
    });
    expect(reply.status).toBe(201);
    const messages = await waitForChat(telegram, chat, before + 1, 20_000);
    const answer = messages.at(-1)!;
    expect(answer.text).toContain(`Công an trả lời về tin báo ${shownCode}`);
    expect(answer.text).toContain('Công an phường Đức Xuân đã nhận tin. Cảm ơn bạn.');
    const refused = await otherOfficer(`/tips/${tip.id}/replies`, { text: 'Không được phép' });
    expect(refused.status).toBe(403);
  });
});
