/**
 * "Báo tin" end to end: the built API (demo data, a key for confidential reports) and the built
 * bot as real processes, real telegraf against the fake Bot API and the real Zalo client against
 * the fake OA API. An anonymous report reaches the police officer of the ward chosen and nobody
 * else, and the officer's linked chats are told (without the content); its photo is fetched from
 * Telegram by the bot and shown to the police; the reporter adds more with the reference code;
 * the police's reply reaches the chat through the outbox.
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
  zaloImageEvent,
  zaloTextEvent,
  type FakeZaloServer,
  type RecordedMessage,
} from '../support/fake-zalo-server';
import { startHelpdeskApi, type HelpdeskApi } from '../support/helpdesk-api';
import { BRISK_PACING, type RunningBotProcess } from '../support/run-built-bot';
import {
  postTelegramWebhook,
  sentTo,
  startWebhookBot,
  waitForChat,
} from '../support/telegram-chat';
import { openSse } from '../support/sse-client';
import { quiet, waitFor } from '../support/wait-for';

const SECRET = 'Một người tên Tùng ở tổ 3 tuyển con gái đi làm ở Trung Quốc, giữ giấy tờ';
const TIP_KEYS = `e2e:${Buffer.alloc(32, 9).toString('base64')}`;
const CONSOLE = 'http://canbo.gcm.test';
/** The officers' own chats: the ward's police on Telegram and Zalo, another ward's on Telegram. */
const WARD_OFFICER_TELEGRAM = 1690;
const WARD_OFFICER_ZALO = '7319001';
const OTHER_OFFICER_TELEGRAM = 1691;
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

describe('a confidential report to the police, on Telegram and Zalo', { timeout: 90_000 }, () => {
  let telegram: FakeTelegramServer;
  let zalo: FakeZaloServer;
  let api: HelpdeskApi;
  let bot: RunningBotProcess;
  let updateId = 16_000;
  let wardOfficer: Staff;
  let otherOfficer: Staff;
  let wardCommittee: Staff;

  /** A staff account of `unitId`, signed in with its own password (set after the first one). */
  async function officer(
    unitId: string,
    email: string,
    link: { telegram?: number; zalo?: string } = {},
  ): Promise<Staff> {
    const first = 'Mat-khau-tam-Cong-an-2026';
    const created = await api.staffJson<{ user: { id: string } }>(
      '/users',
      {
        body: { email, fullName: 'Cán bộ Công an', role: 'unit_reporter', unitId, password: first },
      },
      201,
    );
    // The officer links their own chats with /lienket and a code the administrator gives.
    const linkCode = async () =>
      (
        await api.staffJson<{ code: string }>(
          `/units/${unitId}/link-codes`,
          { body: { userId: created.user.id } },
          201,
        )
      ).code;
    if (link.telegram) {
      const chat = link.telegram;
      const [linked] = await telegramSays(
        chat,
        telegramUpdates.text(chat, `/lienket ${await linkCode()}`),
      );
      expect(linked.text).toContain('Đã liên kết tài khoản này với cán bộ');
    }
    if (link.zalo) {
      const linked = await zaloSays(link.zalo, `/lienket ${await linkCode()}`, (m) =>
        text(m).includes('Đã liên kết'),
      );
      expect(text(linked[0])).toContain('Đã liên kết tài khoản này với cán bộ');
    }
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
    api = await startHelpdeskApi(
      {
        DATA_DIR: dataDir,
        TIPS_ENCRYPTION_KEYS: TIP_KEYS,
        PUBLIC_URL: CONSOLE,
      },
      async () => rmSync(dataDir, { recursive: true, force: true }),
    );
    telegram = await FakeTelegramServer.start();
    telegram.addFile('ph-1280', PHOTO);
    zalo = await startFakeZaloServer();
    bot = await startWebhookBot(telegram, api, {
      ZALO_APP_ID: zalo.options.appId,
      ZALO_OA_SECRET_KEY: zalo.options.oaSecretKey,
      ZALO_OA_ACCESS_TOKEN: zalo.options.accessToken,
      ZALO_API_BASE: zalo.url,
      ...BRISK_PACING,
    });
    // The ward itself (looked up before its police, whose name holds the ward's).
    const wardId = await unitId('Đức Xuân');
    const police = async (code: string, ward: string) =>
      (
        await api.staffJson<{ id: string }>(
          '/units',
          { body: { code, name: `Công an ${ward}`, kind: 'police', parentId: await unitId(ward) } },
          201,
        )
      ).id;
    wardOfficer = await officer(await police('CA-DXUAN', 'Đức Xuân'), 'ca.ducxuan@e2e.gcm.vn', {
      telegram: WARD_OFFICER_TELEGRAM,
      zalo: WARD_OFFICER_ZALO,
    });
    otherOfficer = await officer(await police('CA-SCAU', 'Sông Cầu'), 'ca.songcau@e2e.gcm.vn', {
      telegram: OTHER_OFFICER_TELEGRAM,
    });
    // Staff of the ward's people's committee: not the police.
    wardCommittee = await officer(wardId, 'ubnd.ducxuan@e2e.gcm.vn');
  }, 120_000);

  afterAll(async () => {
    await bot?.stop();
    await telegram?.close();
    await zalo?.close();
    await api?.close();
  });

  async function telegramSays(chat: number, update: object) {
    const before = sentTo(telegram, chat).length;
    const res = await postTelegramWebhook(bot, { update_id: updateId++, ...update });
    // The webhook is answered once the replies went out: they are all there.
    expect(res.status).toBe(200);
    return sentTo(telegram, chat).slice(before);
  }

  const text = (m: RecordedMessage) => m.message.text ?? '';
  const zaloTo = (user: string) => zalo.delivered.filter((m) => m.userId === user);

  /** A Zalo user's message to the OA; the bot's new messages once one satisfies `until`. */
  /** Sends a text (or another event, such as a picture) from `user` on Zalo. */
  async function zaloSays(
    user: string,
    message: string | Record<string, unknown>,
    until: (m: RecordedMessage) => boolean = () => true,
  ): Promise<RecordedMessage[]> {
    const before = zaloTo(user).length;
    const request = zalo.signedEvent(
      typeof message === 'string' ? zaloTextEvent({ userId: user, text: message }) : message,
    );
    const res = await fetch(`${bot.url}/webhooks/zalo`, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
    });
    expect(res.status).toBe(200);
    const mine = () => zaloTo(user).slice(before);
    await waitFor(() => mine().some(until), 15_000, `the bot's answer to ${user} on Zalo`);
    return mine();
  }

  /** The actions of the buttons under Zalo messages (their payloads without the prefix). */
  const zaloActions = (messages: RecordedMessage[]) =>
    [...JSON.stringify(messages.map((m) => m.message.attachment)).matchAll(/#gcm:([^"\\]+)/g)].map(
      (match) => match[1],
    );

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
    const officerBefore = sentTo(telegram, WARD_OFFICER_TELEGRAM).length;
    const otherBefore = sentTo(telegram, OTHER_OFFICER_TELEGRAM).length;
    const [sent] = await telegramSays(chat, telegramUpdates.callback(chat, 'tip:send'));
    const shownCode = /Mã tin báo của bạn: ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2})/.exec(
      sent.text,
    )![1];

    // The ward officer's own Telegram is told: the code, the area, where to read it; not what
    // was reported. The other ward's officer is told nothing.
    const notice = (await waitForChat(telegram, WARD_OFFICER_TELEGRAM, officerBefore + 1, 20_000))[
      officerBefore
    ];
    expect(notice.text).toContain(`Có tin báo mới gửi Công an: mã ${shownCode}, địa bàn`);
    expect(notice.text).toContain('Đức Xuân');
    expect(notice.text).toMatch(
      new RegExp(`Xem trong trang quản trị: ${CONSOLE}/tips/[0-9a-f-]{36}$`),
    );
    expect(notice.text).not.toContain('Tùng');
    expect(notice.text).not.toContain(String(chat));

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
    expect(notice.text).toContain(`${CONSOLE}/tips/${tip.id}`);
    // Only the link message, nothing since: no notice for a report of another ward.
    expect(sentTo(telegram, OTHER_OFFICER_TELEGRAM)).toHaveLength(otherBefore);
  });

  it('works on Zalo: reported anonymously, added to with the code, read by the ward police only, answered on Zalo', async () => {
    const user = '7310101';
    const report = 'Có người ở xóm 2 hứa việc làm lương cao ở Campuchia, đã đưa đi ba cô gái';
    const more = 'Người đó đi xe máy màu đỏ, hay đến vào buổi tối';
    const intro = await zaloSays(user, '/baotin', (m) => text(m).includes('113'));
    expect(intro.map(text).join('\n')).toContain('Báo tin cho Công an');
    const noted = await zaloSays(user, report);
    expect(zaloActions(noted)).toContain('tip:next');
    await zaloSays(user, '#gcm:tip:next', (m) => text(m).includes('ẩn danh'));
    const area = await zaloSays(user, '#gcm:tip:anon', (m) => text(m).includes('xã, phường nào'));
    expect(zaloActions(area)).toContain('cancel');
    // Several places may share a name: the person chooses Đức Xuân from the list if asked.
    let confirm = await zaloSays(user, 'duc xuan');
    const place = zaloActions(confirm).find((a) => a.startsWith('tip:place:'));
    if (place) confirm = await zaloSays(user, `#gcm:${place}`);
    expect(confirm.map(text).join('\n')).toContain('ẩn danh');
    expect(zaloActions(confirm)).toContain('tip:send');
    const before = zaloTo(WARD_OFFICER_ZALO).length;
    const sent = await zaloSays(user, '#gcm:tip:send', (m) => text(m).includes('Mã tin báo'));
    const shownCode = /Mã tin báo của bạn: \*{0,2}([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2})/.exec(
      sent.map(text).join('\n'),
    )![1];

    // The ward officer's Zalo is told, without the content.
    await waitFor(
      () => zaloTo(WARD_OFFICER_ZALO).length > before,
      20_000,
      "the notice on the officer's Zalo",
    );
    const notice = text(zaloTo(WARD_OFFICER_ZALO)[before]);
    expect(notice).toContain(`Có tin báo mới gửi Công an: mã ${shownCode}`);
    expect(notice).toContain(`Xem trong trang quản trị: ${CONSOLE}/tips/`);
    expect(notice).not.toContain('Campuchia');
    expect(notice).not.toContain(user);

    // More with the code.
    const adding = await zaloSays(user, `/baotin ${shownCode}`, (m) => text(m).includes(shownCode));
    expect(text(adding[0])).toContain('gửi thêm thông tin');
    const added = await zaloSays(user, more, (m) => text(m).includes('Đã thêm vào tin báo'));
    expect(text(added[0])).toContain(shownCode);
    // A picture: Zalo's event carries its URL, which the bot fetches for the police.
    const picture = zaloImageEvent({ userId: user, url: zalo.imageUrl(PHOTO) });
    await zaloSays(user, picture, (m) => text(m).includes('Đã thêm vào tin báo'));
    await zaloSays(user, '#gcm:tip:done');
    // The addition is told too (once), still without the content.
    await waitFor(
      () =>
        zaloTo(WARD_OFFICER_ZALO).some((m) =>
          text(m).includes(`thêm thông tin cho tin báo mã ${shownCode}`),
        ),
      20_000,
      "the addition's notice on the officer's Zalo",
    );
    const addition = zaloTo(WARD_OFFICER_ZALO).filter((m) =>
      text(m).includes(`thêm thông tin cho tin báo mã ${shownCode}`),
    );
    expect(addition).toHaveLength(1);
    expect(text(addition[0])).not.toContain('xe máy');

    // The ward's police read it; another ward's police, the ward's committee and the
    // administrator may not.
    const tipId = /\/tips\/([0-9a-f-]{36})/.exec(notice)![1];
    const read = await wardOfficer(`/tips/${tipId}`);
    expect(read.status).toBe(200);
    const tip = (await read.json()) as TipRead & { channel: string; code: string };
    expect(tip).toMatchObject({ anonymous: true, contact: null, channel: 'zalo' });
    expect(tip.code).toBe(shownCode.replace(/-/g, ''));
    expect(tip.entries.map((e) => [e.kind, e.text])).toEqual([
      ['description', report],
      ['addition', more],
      ['photo', null],
    ]);
    // The picture came from Zalo's link into the API: the police download the same bytes.
    const photoUrl = `/tips/${tipId}/photos/${tip.entries[2].id}`;
    await waitFor(
      async () => (await quiet(250), (await wardOfficer(photoUrl)).status === 200),
      20_000,
      'the Zalo picture stored',
    );
    expect(zalo.downloads).toHaveLength(1);
    const shown = await wardOfficer(photoUrl);
    expect(Buffer.from(await shown.arrayBuffer()).equals(PHOTO)).toBe(true);
    expect((await otherOfficer(photoUrl)).status).toBe(403);
    for (const [who, staff] of [
      ['another ward', otherOfficer],
      ['committee', wardCommittee],
    ] as const) {
      const refused = await staff(`/tips/${tipId}`);
      expect(refused.status, who).toBe(403);
      expect(await refused.text(), who).not.toContain('Campuchia');
    }
    expect((await api.staff(`/tips/${tipId}`)).status).toBe(403);

    // The police reply reaches the person on Zalo.
    const replied = await wardOfficer(`/tips/${tipId}/replies`, {
      text: 'Công an phường Đức Xuân đã nhận tin và đang xác minh.',
    });
    expect(replied.status).toBe(201);
    await waitFor(
      () => zaloTo(user).some((m) => text(m).includes('đang xác minh')),
      20_000,
      'the police reply on Zalo',
    );
    const answer = zaloTo(user).find((m) => text(m).includes('đang xác minh'))!;
    expect(text(answer)).toContain(`Công an trả lời về tin báo ${shownCode}`);
    expect(zaloActions([answer])).toContain(`tip:add:${tip.code}`);
    // The officer's Telegram got the notices as well, never the content.
    const onTelegram = sentTo(telegram, WARD_OFFICER_TELEGRAM)
      .map((m) => m.text)
      .join('\n');
    expect(onTelegram).toContain(shownCode);
    expect(onTelegram).not.toContain('Campuchia');
  });
  it('works in the web chat: reported anonymously, read by the ward police, answered in the chat', async () => {
    const sessionId = randomUUID();
    const report = 'Có nhóm người lạ thuê nhà ở tổ 5, hứa đưa thanh niên sang Lào làm việc';
    /** The person types or presses a button in the portal's chat; the bot's answer. */
    const says = async (input: { text: string } | { action: string }) => {
      const res = await fetch(`${bot.url}/web/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: bot.url },
        body: JSON.stringify({ sessionId, clientMessageId: randomUUID(), ...input }),
      });
      expect(res.status).toBe(200);
      const { replies } = (await res.json()) as {
        replies: { text?: string; buttons?: { action: string }[][] }[];
      };
      return {
        text: replies.map((r) => r.text ?? '').join('\n'),
        actions: replies.flatMap((r) => (r.buttons ?? []).flat().map((b) => b.action)),
      };
    };

    expect((await says({ text: '/baotin' })).text).toContain('113');
    expect((await says({ text: report })).actions).toContain('tip:next');
    await says({ action: 'tip:next' });
    expect((await says({ action: 'tip:anon' })).text).toMatch(/xã, phường\*{0,2} nào/);
    let confirm = await says({ text: 'duc xuan' });
    const place = confirm.actions.find((a) => a.startsWith('tip:place:'));
    if (place) confirm = await says({ action: place });
    expect(confirm.actions).toContain('tip:send');
    const sent = await says({ action: 'tip:send' });
    const code = /Mã tin báo của bạn: \*{0,2}([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2})/.exec(
      sent.text,
    )![1];

    // The ward officer is told on Zalo; the notice names the report, not what it says.
    await waitFor(
      () => zaloTo(WARD_OFFICER_ZALO).some((m) => text(m).includes(code)),
      20_000,
      "the web chat report's notice",
    );
    const notice = text(zaloTo(WARD_OFFICER_ZALO).find((m) => text(m).includes(code))!);
    expect(notice).not.toContain('Lào');
    const tipId = /\/tips\/([0-9a-f-]{36})/.exec(notice)![1];
    const tip = (await (await wardOfficer(`/tips/${tipId}`)).json()) as TipRead & {
      channel: string;
    };
    expect(tip).toMatchObject({ anonymous: true, contact: null, channel: 'web' });
    expect(tip.entries.map((e) => [e.kind, e.text])).toEqual([['description', report]]);
    expect((await otherOfficer(`/tips/${tipId}`)).status).toBe(403);

    // The police reply comes into the open chat page.
    const events = await openSse(`${bot.url}/web/sessions/${sessionId}/events`, {
      origin: bot.url,
    });
    try {
      const replied = await wardOfficer(`/tips/${tipId}/replies`, {
        text: 'Công an phường đã nhận tin, cảm ơn bạn.',
      });
      expect(replied.status).toBe(201);
      await waitFor(
        () => events.events.some((e) => e.data.includes('Công an phường đã nhận tin')),
        20_000,
        'the police reply in the web chat',
      );
      const reply = events.events.find((e) => e.data.includes('Công an phường đã nhận tin'))!;
      expect(reply.data).toContain(`Công an trả lời về tin báo ${code}`);
    } finally {
      events.close();
    }
  });
});
