/**
 * Units report through the bot (issue 11), end to end: the built API (demo units, the demo plan,
 * the seeded report templates) and the built bot as real processes, the real telegraf client
 * polling the fake Telegram Bot API and the real Zalo client against the fake OA API. Staff act
 * over HTTP as the administrator: they create the officers, issue link codes, accept and return
 * reports.
 *
 * Build first (turbo run test does): the API and the bot.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerDatabase } from '@gcm/testing';
import { FakeTelegramServer, telegramUpdates } from '../support/fake-telegram-server';
import {
  startFakeZaloServer,
  zaloTextEvent,
  type FakeZaloServer,
  type RecordedMessage,
} from '../support/fake-zalo-server';
import { SERVICE_TOKEN, startHelpdeskApi, type HelpdeskApi } from '../support/helpdesk-api';
import {
  BRISK_PACING,
  dumpOnFailure,
  startBuiltBot,
  type RunningBotProcess,
} from '../support/run-built-bot';
import { sentTo, type Sent } from '../support/telegram-chat';
import { waitFor } from '../support/wait-for';

const START_TIMEOUT_MS = 120_000;

interface Unit {
  id: string;
  code: string;
  name: string;
}
interface Submission {
  id: string | null;
  template: { code: string };
  status: string;
  version: number;
}

let api: HelpdeskApi;
let bot: RunningBotProcess;
let telegram: FakeTelegramServer;
let zalo: FakeZaloServer;
let dataDir: string | undefined;

beforeAll(async () => {
  telegram = await FakeTelegramServer.start();
  zalo = await startFakeZaloServer();
  if (process.env.TEST_DATABASE_URL) {
    const database = await createServerDatabase(process.env.TEST_DATABASE_URL);
    api = await startHelpdeskApi({ DATABASE_URL: database.url }, database.drop);
  } else {
    dataDir = mkdtempSync(path.join(tmpdir(), 'gcm-e2e-units-'));
    const dir = dataDir;
    api = await startHelpdeskApi({ DATA_DIR: dir }, async () =>
      rmSync(dir, { recursive: true, force: true }),
    );
  }
  bot = await startBuiltBot({
    API_URL: api.baseUrl,
    BOT_SERVICE_TOKEN: SERVICE_TOKEN,
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.apiRoot,
    ZALO_APP_ID: zalo.options.appId,
    ZALO_OA_SECRET_KEY: zalo.options.oaSecretKey,
    ZALO_OA_ACCESS_TOKEN: zalo.options.accessToken,
    ZALO_API_BASE: zalo.url,
    ...BRISK_PACING,
  });
}, START_TIMEOUT_MS);

afterAll(async () => {
  await bot?.stop();
  await api?.close();
  await telegram?.close();
  await zalo?.close();
}, 30_000);

// --- Staff over HTTP -----------------------------------------------------------------------------

async function unitByCode(code: string): Promise<Unit> {
  const { items } = await api.staffJson<{ items: Unit[] }>(`/units?pageSize=200`);
  const unit = items.find((u) => u.code === code);
  expect(unit, `demo unit ${code}`).toBeDefined();
  return unit!;
}

/** A unit reporter of `unit`, and a fresh link code for them. */
async function officerWithCode(
  unit: Unit,
  fullName: string,
): Promise<{ userId: string; code: string }> {
  const created = await api.staffJson<{ user: { id: string } }>(
    '/users',
    {
      body: {
        email: `${unit.code.toLowerCase()}-${Date.now()}@e2e.gcm.vn`,
        fullName,
        role: 'unit_reporter',
        unitId: unit.id,
      },
    },
    201,
  );
  const issued = await api.staffJson<{ code: string }>(
    `/units/${unit.id}/link-codes`,
    { body: { userId: created.user.id } },
    201,
  );
  return { userId: created.user.id, code: issued.code };
}

/** The unit's report of the template's latest period (the list is newest period first). */
async function currentSubmission(unit: Unit, templateCode: string): Promise<Submission> {
  const { items } = await api.staffJson<{ items: Submission[] }>(
    `/reporting/submissions?unitId=${unit.id}&pageSize=50`,
  );
  const [latest] = items.filter((s) => s.template.code === templateCode && s.id);
  expect(latest, `a ${templateCode} report of ${unit.code}`).toBeDefined();
  return latest;
}

// --- Telegram --------------------------------------------------------------------------------

let nextUpdateId = 5000;

/**
 * Sends an update from the chat and resolves with the bot's new messages once one of them
 * satisfies `until` (by default: any).
 */
async function tg(
  chat: number,
  update: ReturnType<typeof telegramUpdates.text>,
  until: (m: Sent) => boolean = () => true,
): Promise<Sent[]> {
  const before = sentTo(telegram, chat).length;
  telegram.pushUpdate({ ...update, update_id: nextUpdateId++ });
  await waitFor(
    () => sentTo(telegram, chat).slice(before).some(until),
    15_000,
    `the bot's answer in chat ${chat}`,
  );
  return sentTo(telegram, chat).slice(before);
}

const lastOf = (messages: Sent[]) => messages[messages.length - 1];
const button = (message: Sent, prefix: string) =>
  message.buttons.find((b) => b.callback_data?.startsWith(prefix));

// --- Zalo ------------------------------------------------------------------------------------

async function zaloSay(
  user: string,
  text: string,
  until: (m: RecordedMessage) => boolean = () => true,
) {
  const before = zalo.delivered.filter((m) => m.userId === user).length;
  const request = zalo.signedEvent(zaloTextEvent({ userId: user, text }));
  const res = await fetch(`${bot.url}/webhooks/zalo`, {
    method: 'POST',
    headers: request.headers,
    body: request.body,
  });
  expect(res.status).toBe(200);
  const mine = () => zalo.delivered.filter((m) => m.userId === user).slice(before);
  await waitFor(() => mine().some(until), 15_000, `the bot's answer to ${user} on Zalo`);
  return mine();
}

const zaloText = (messages: RecordedMessage[]) =>
  messages.map((m) => m.message.text ?? '').join('\n');
/** The actions of the buttons under Zalo messages (their payloads without the prefix). */
const zaloActions = (messages: RecordedMessage[]) =>
  [...JSON.stringify(messages.map((m) => m.message.attachment)).matchAll(/#gcm:([^"\\]+)/g)].map(
    (match) => match[1],
  );

// --- The tests -------------------------------------------------------------------------------

describe(
  'a police officer reports the half-yearly statistics through Telegram',
  { timeout: 180_000 },
  () => {
    const chat = 4101;
    let police: Unit;

    it('links the account with /lienket and shows the name and unit', async (ctx) => {
      ctx.onTestFailed(dumpOnFailure('bot', () => bot.output()));
      ctx.onTestFailed(dumpOnFailure('api', () => api.output()));
      police = await unitByCode('TP-CA');
      const { code } = await officerWithCode(police, 'Hoàng Văn Minh');

      const wrong = await tg(chat, telegramUpdates.text(chat, '/lienket ABCD-EFGH'));
      expect(lastOf(wrong).text).toMatch(/^Mã liên kết không đúng/);

      const linked = await tg(
        chat,
        telegramUpdates.text(chat, `/lienket ${code.toLowerCase()}`),
        (m) => m.text.includes('Việc của đơn vị'),
      );
      expect(linked[0].text).toContain('cán bộ Hoàng Văn Minh, đơn vị Công an thành phố');
      expect(linked[0].buttons.map((b) => b.callback_data)).toEqual(['unlink']);

      const again = await tg(chat + 1, telegramUpdates.text(chat + 1, `/lienket ${code}`));
      expect(lastOf(again).text).toMatch(/đã được dùng/);
    });

    it('lists the reports owed, walks the fields with one wrong value corrected and a rule broken, and submits', async (ctx) => {
      ctx.onTestFailed(dumpOnFailure('bot', () => bot.output()));
      ctx.onTestFailed(dumpOnFailure('api', () => api.output()));
      // The demo data holds the police's draft of this half-year, its first six fields answered
      // (on the console, say): the bot goes on from the seventh.
      const list = await tg(chat, telegramUpdates.text(chat, '/baocao'));
      expect(list[0].text).toContain('Số liệu liên quan đến di cư 6 tháng');
      expect(list[0].text).toMatch(/hạn nộp \d\d\/\d\d\/\d{4} · Đang soạn/);
      const open = list[0].buttons.find((b) => b.text.includes('Số liệu liên quan đến di cư'));

      const asks = (n: number) => (m: Sent) => m.text.startsWith(`Mục ${n}/19`);
      let replies = await tg(chat, telegramUpdates.callback(chat, open!.callback_data!), asks(7));
      expect(replies[0].text).toContain('Tiếp tục từ mục chưa trả lời');
      expect(lastOf(replies).text).toContain('Số người di cư trái phép được phát hiện');

      // Letters in a number field: a clear message, the same question again, nothing saved.
      replies = await tg(chat, telegramUpdates.text(chat, 'hai mươi lăm'), asks(7));
      expect(replies[0].text).toBe(
        'Vui lòng nhập một số nguyên không âm, ví dụ 12. Bạn vui lòng nhập lại.',
      );

      // Fewer people than the 3 cases saved before: both fields named with their values, and
      // the walk goes back to them; the cases corrected, it goes on.
      replies = await tg(chat, telegramUpdates.text(chat, '2'), asks(6));
      expect(replies[0].text).toContain('Số vụ di cư trái phép không thể nhiều hơn số người');
      expect(replies[0].text).toContain('6. Số vụ di cư trái phép được phát hiện: 3 vụ');
      expect(replies[0].text).toContain('7. Số người di cư trái phép được phát hiện: 2 người');
      replies = await tg(chat, telegramUpdates.text(chat, '2 vụ'), asks(8));

      for (const [index, value] of [
        '1',
        '3',
        '2',
        '1',
        '2',
        '2',
        '0',
        '0',
        '0',
        '6',
        '4',
      ].entries()) {
        replies = await tg(chat, telegramUpdates.text(chat, value), asks(index + 9));
      }
      // The notes are optional: "Bỏ qua", then the summary.
      const skip = button(lastOf(replies), 'rp:s:');
      expect(skip?.text).toBe('Bỏ qua');
      replies = await tg(chat, telegramUpdates.callback(chat, skip!.callback_data!), (m) =>
        m.text.startsWith('Xem lại báo cáo'),
      );
      const summary = lastOf(replies);
      expect(summary.text).toContain('6. Số vụ di cư trái phép được phát hiện: 2 vụ');
      expect(summary.text).toContain('7. Số người di cư trái phép được phát hiện: 2 người');
      expect(summary.text).toContain(
        '18. Số người di cư trở về được hỗ trợ tái hòa nhập cộng đồng: 4 người',
      );
      expect(summary.text).toContain('19. Ghi chú, giải trình số liệu: (bỏ trống)');

      replies = await tg(
        chat,
        telegramUpdates.callback(chat, button(summary, 'rp:ok')!.callback_data!),
      );
      expect(lastOf(replies).text).toMatch(/^Đã gửi báo cáo Số liệu liên quan đến di cư 6 tháng/);

      const submitted = await currentSubmission(police, 'police_migration_statistics');
      expect(submitted.status).toBe('submitted');

      // Submitted, not yet accepted: the officer opens it again, corrects one field and sends
      // the correction; the change is kept with its value before and after.
      const reopened = await tg(chat, telegramUpdates.text(chat, '/baocao'));
      expect(reopened[0].text).toMatch(/Số liệu liên quan đến di cư 6 tháng.*\n.*Đã nộp/);
      const openSubmitted = reopened[0].buttons.find((b) =>
        b.text.includes('Số liệu liên quan đến di cư'),
      );
      replies = await tg(chat, telegramUpdates.callback(chat, openSubmitted!.callback_data!), (m) =>
        m.text.startsWith('Xem lại báo cáo'),
      );
      expect(replies[0].text).toMatch(/^Báo cáo này đã gửi, đang chờ Văn phòng điều phối duyệt/);
      expect(lastOf(replies).text).toContain('7. Số người di cư trái phép được phát hiện: 2 người');
      expect(lastOf(replies).buttons.map((b) => b.text)).toEqual([
        'Gửi lại báo cáo',
        'Sửa một mục',
        'Hủy thay đổi',
      ]);
      replies = await tg(chat, telegramUpdates.text(chat, '18'), asks(18));
      expect(lastOf(replies).text).toContain('Giá trị đang lưu: 4 người');
      replies = await tg(chat, telegramUpdates.text(chat, '5'), (m) =>
        m.text.startsWith('Xem lại báo cáo'),
      );
      expect(lastOf(replies).text).toContain(
        '18. Số người di cư trở về được hỗ trợ tái hòa nhập cộng đồng: 5 người (đã sửa, trước đây: 4 người)',
      );
      // Nothing is written before "Gửi lại báo cáo".
      const held = await api.staffJson<{ version: number }>(
        `/reporting/submissions/${submitted.id}`,
      );
      expect(held.version).toBe(submitted.version);
      replies = await tg(
        chat,
        telegramUpdates.callback(chat, button(lastOf(replies), 'rp:ok')!.callback_data!),
      );
      expect(lastOf(replies).text).toMatch(
        /^Đã gửi lại báo cáo Số liệu liên quan đến di cư 6 tháng.* với 1 mục đã sửa:/,
      );
      expect(lastOf(replies).text).toContain(
        '18. Số người di cư trở về được hỗ trợ tái hòa nhập cộng đồng: 4 người → 5 người',
      );
      const corrected = await api.staffJson<{
        status: string;
        history: {
          action: string;
          channel: string;
          actor: { fullName: string } | null;
          changes: Record<string, { before: unknown; after: unknown }>;
        }[];
      }>(`/reporting/submissions/${submitted.id}`);
      expect(corrected.status).toBe('submitted');
      expect(corrected.history.at(-1)).toMatchObject({
        action: 'correct',
        channel: 'telegram',
        actor: { fullName: 'Hoàng Văn Minh' },
      });
      expect(Object.values(corrected.history.at(-1)!.changes)).toEqual([{ before: 4, after: 5 }]);
      const audit = await api.staffJson<{
        items: { action: string; before: unknown; after: unknown }[];
      }>(`/audit?entityType=report_submission&entityId=${submitted.id}`);
      const entry = audit.items.find((a) => a.action === 'report_submission.correct');
      expect(JSON.stringify(entry?.before)).toContain(':4}');
      expect(JSON.stringify(entry?.after)).toContain(':5}');

      const beforeAccept = sentTo(telegram, chat).length;
      await api.staffJson(`/reporting/submissions/${submitted.id}/accept`, { body: {} });
      // The officer is told through the outbox, at a moment of its own: waited for here, so that
      // the notice cannot land among the replies the steps below look at.
      await waitFor(
        () =>
          sentTo(telegram, chat)
            .slice(beforeAccept)
            .some((m) => m.text.startsWith('✅ Báo cáo') && m.text.endsWith('đã được duyệt.')),
        15_000,
        'the acceptance notice on Telegram',
      );
      expect((await currentSubmission(police, 'police_migration_statistics')).status).toBe(
        'accepted',
      );

      const after = await tg(chat, telegramUpdates.text(chat, '/baocao'));
      expect(after[0].text).toMatch(/Số liệu liên quan đến di cư 6 tháng.*\n.*Đã duyệt/);
      // Accepted: shown, no longer correctable.
      const accepted = after[0].buttons.find((b) => b.text.includes('Số liệu liên quan đến di cư'));
      replies = await tg(chat, telegramUpdates.callback(chat, accepted!.callback_data!), (m) =>
        m.text.startsWith('Xem lại báo cáo'),
      );
      expect(lastOf(replies).buttons).toEqual([]);
      expect(replies[0].text).toMatch(/Đã duyệt, không sửa qua bot được/);
    });

    it('answers multiple-choice fields with toggle buttons and "Xong", or typed numbers', async (ctx) => {
      ctx.onTestFailed(dumpOnFailure('bot', () => bot.output()));
      ctx.onTestFailed(dumpOnFailure('api', () => api.output()));
      const day = (offset: number) =>
        new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
      const choices = [
        { value: 'meeting', label: 'Họp dân' },
        { value: 'radio', label: 'Loa phát thanh' },
        { value: 'leaflet', label: 'Tờ rơi' },
        { value: 'social', label: 'Mạng xã hội' },
      ];
      await api.staffJson(
        '/reporting/templates',
        {
          body: {
            definition: {
              code: 'police_outreach_review',
              title: 'Rà soát công tác tuyên truyền',
              owedBy: ['police'],
              schedule: {
                kind: 'once',
                firstDay: day(-10),
                lastDay: day(10),
                dueDate: day(20),
                label: 'Đợt rà soát',
              },
              sections: [
                {
                  key: 'outreach',
                  title: 'Tuyên truyền',
                  fields: [
                    {
                      key: 'forms',
                      label: 'Hình thức tuyên truyền đã sử dụng',
                      type: 'multiple_choice',
                      required: true,
                      choices,
                    },
                    {
                      key: 'planned',
                      label: 'Hình thức dự kiến năm tới',
                      type: 'multiple_choice',
                      required: true,
                      choices,
                    },
                  ],
                },
              ],
              rules: [],
            },
          },
        },
        201,
      );
      const list = await tg(chat, telegramUpdates.text(chat, '/baocao'), (m) =>
        m.text.includes('Các báo cáo'),
      );
      const open = lastOf(list).buttons.find((b) => b.text.includes('Rà soát công tác'));
      let replies = await tg(chat, telegramUpdates.callback(chat, open!.callback_data!), (m) =>
        m.text.startsWith('Mục 1/2'),
      );
      let question = lastOf(replies);
      expect(question.text).toContain('Bấm vào các lựa chọn để đánh dấu ✅');
      expect(question.buttons.map((b) => b.text).slice(0, 5)).toEqual([
        'Họp dân',
        'Loa phát thanh',
        'Tờ rơi',
        'Mạng xã hội',
        'Xong',
      ]);
      // "Xong" with nothing ticked: asked to choose at least one.
      replies = await tg(
        chat,
        telegramUpdates.callback(chat, button(question, 'rp:d:')!.callback_data!),
        (m) => m.text.startsWith('Mục 1/2'),
      );
      expect(replies[0].text).toMatch(/chọn ít nhất một lựa chọn/);
      // Tick "Tờ rơi" and "Họp dân", tick and untick "Loa phát thanh".
      for (const label of ['Tờ rơi', 'Họp dân', 'Loa phát thanh', '✅ Loa phát thanh']) {
        const press = question.buttons.find((b) => b.text === label);
        expect(
          press,
          `${label} in ${question.buttons.map((b) => b.text).join(' | ')}`,
        ).toBeDefined();
        replies = await tg(chat, telegramUpdates.callback(chat, press!.callback_data!), (m) =>
          m.text.startsWith('Mục 1/2'),
        );
        question = lastOf(replies);
      }
      expect(question.buttons.map((b) => b.text).slice(0, 4)).toEqual([
        '✅ Họp dân',
        'Loa phát thanh',
        '✅ Tờ rơi',
        'Mạng xã hội',
      ]);
      replies = await tg(
        chat,
        telegramUpdates.callback(chat, button(question, 'rp:d:')!.callback_data!),
        (m) => m.text.startsWith('Mục 2/2'),
      );
      // The second one typed: numbers, separated by commas.
      replies = await tg(chat, telegramUpdates.text(chat, '2, 4'), (m) =>
        m.text.startsWith('Xem lại báo cáo'),
      );
      expect(lastOf(replies).text).toContain(
        '1. Hình thức tuyên truyền đã sử dụng: Họp dân, Tờ rơi',
      );
      expect(lastOf(replies).text).toContain(
        '2. Hình thức dự kiến năm tới: Loa phát thanh, Mạng xã hội',
      );
      const saved = await currentSubmission(police, 'police_outreach_review');
      const { values } = await api.staffJson<{ values: Record<string, unknown> }>(
        `/reporting/submissions/${saved.id}`,
      );
      expect(values).toEqual({ forms: ['meeting', 'leaflet'], planned: ['radio', 'social'] });
    });

    it('posts a progress update on a task of the unit, with a photo', async (ctx) => {
      ctx.onTestFailed(dumpOnFailure('bot', () => bot.output()));
      ctx.onTestFailed(dumpOnFailure('api', () => api.output()));
      const tasks = await tg(chat, telegramUpdates.text(chat, '/capnhat'));
      const task = tasks[0].buttons.find((b) => b.text.includes('(chủ trì'));
      expect(task, tasks[0].buttons.map((b) => b.text).join(' | ')).toBeDefined();

      let replies = await tg(chat, telegramUpdates.callback(chat, task!.callback_data!));
      expect(lastOf(replies).text).toMatch(/gõ nội dung cập nhật tiến độ/);
      const text = 'Đã phối hợp kiểm tra 3 cơ sở dịch vụ đưa người đi làm việc ở nước ngoài.';
      replies = await tg(chat, telegramUpdates.text(chat, text));
      expect(lastOf(replies).text).toMatch(/gửi kèm một ảnh hoặc tài liệu/);
      // A real 4×4 PNG on Telegram's file server.
      const photo = Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGM4IacBRwzEcQDBAxDhtIruDgAAAABJRU5ErkJggg==',
        'base64',
      );
      telegram.addFile('ph-1280', photo);
      replies = await tg(chat, telegramUpdates.photo(chat));
      const summary = lastOf(replies);
      expect(summary.text).toContain(`Nội dung: ${text}`);
      expect(summary.text).toContain('Tệp kèm: ảnh');

      replies = await tg(
        chat,
        telegramUpdates.callback(chat, button(summary, 'tu:ok')!.callback_data!),
      );
      expect(lastOf(replies).text).toMatch(/^Đã gửi cập nhật tiến độ nhiệm vụ/);

      type Update = {
        id: string;
        text: string;
        channel: string;
        author: { fullName: string } | null;
        attachment: { kind: string; fileRef: string | null; stored: boolean } | null;
      };
      const latest = async () =>
        (await api.staffJson<{ items: Update[] }>(`/task-updates?unitId=${police.id}`)).items[0];
      expect(await latest()).toMatchObject({
        text,
        channel: 'telegram',
        author: { fullName: 'Hoàng Văn Minh' },
        attachment: { kind: 'photo' },
      });
      // The bot fetches the photo from Telegram into the API: the console shows the photo itself.
      await waitFor(async () => (await latest()).attachment?.stored === true, 20_000, 'stored');
      const update = await latest();
      expect(update.attachment).toMatchObject({ kind: 'photo', fileRef: null, stored: true });
      const file = await api.staff(`/task-updates/${update.id}/attachment`);
      expect(file.status).toBe(200);
      expect(Buffer.from(await file.arrayBuffer()).equals(photo)).toBe(true);
    });

    it('speaks English to an officer who chose it with /lang; Vietnamese stays the default', async (ctx) => {
      ctx.onTestFailed(dumpOnFailure('bot', () => bot.output()));
      ctx.onTestFailed(dumpOnFailure('api', () => api.output()));
      await tg(chat, telegramUpdates.text(chat, '/lang'), (m) =>
        m.text.includes('Choose a language'),
      );
      await tg(chat, telegramUpdates.callback(chat, 'lang:en'), (m) =>
        m.text.includes('Switched to English'),
      );
      const list = await tg(chat, telegramUpdates.text(chat, '/baocao'), (m) =>
        m.text.includes('Reports your unit has to send'),
      );
      expect(lastOf(list).text).toMatch(
        /Số liệu liên quan đến di cư 6 tháng.*\n\s*due \d\d\/\d\d\/\d{4} · Accepted/,
      );
      const open = lastOf(list).buttons.find((b) => b.text.includes('Rà soát công tác'));
      const review = await tg(chat, telegramUpdates.callback(chat, open!.callback_data!), (m) =>
        m.text.startsWith('Review the report'),
      );
      expect(lastOf(review).buttons.map((b) => b.text)).toEqual([
        'Send report',
        'Edit a field',
        '‹ Back',
      ]);
      const tasks = await tg(chat, telegramUpdates.text(chat, '/capnhat'));
      expect(tasks[0].text).toMatch(/^Which task would you like to report progress on/);
      expect(tasks[0].buttons.some((b) => b.text.includes('(lead'))).toBe(true);

      await tg(chat, telegramUpdates.text(chat, '/lang'), (m) =>
        m.text.includes('Choose a language'),
      );
      await tg(chat, telegramUpdates.callback(chat, 'lang:vi'));
      const again = await tg(chat, telegramUpdates.text(chat, '/baocao'), (m) =>
        m.text.includes('Các báo cáo đơn vị cần gửi'),
      );
      expect(lastOf(again).text).toContain('Đã duyệt');
    });
  },
);

describe(
  'a ward reports the yearly report through Zalo, returned with a comment and resubmitted',
  { timeout: 180_000 },
  () => {
    const user = '7310002';
    let ward: Unit;

    it('links, fills in, submits; the office returns it; the ward corrects it and submits again', async (ctx) => {
      ctx.onTestFailed(dumpOnFailure('bot', () => bot.output()));
      ctx.onTestFailed(dumpOnFailure('api', () => api.output()));
      ward = await unitByCode('P-NTMK');
      const { code } = await officerWithCode(ward, 'Lý Thị Hạnh');
      const linked = await zaloSay(user, `/lienket ${code}`, (m) =>
        (m.message.text ?? '').includes('Việc của đơn vị'),
      );
      expect(zaloText(linked)).toContain(
        'cán bộ Lý Thị Hạnh, đơn vị UBND phường Nguyễn Thị Minh Khai',
      );

      const list = await zaloSay(user, '/baocao', (m) =>
        (m.message.text ?? '').includes('Các báo cáo'),
      );
      const open = zaloActions(list).find((a) => a.startsWith('rp:o:'));
      expect(zaloText(list)).toContain(
        'Báo cáo tình hình thực hiện Kế hoạch triển khai Thỏa thuận GCM',
      );

      const asks = (n: number) => (m: RecordedMessage) =>
        (m.message.text ?? '').startsWith(`Mục ${n}/8`);
      let replies = await zaloSay(user, `#gcm:${open}`, asks(1));
      replies = await zaloSay(
        user,
        'Triển khai Kế hoạch tại 7 tổ dân phố; lồng ghép tuyên truyền trong họp tổ.',
        asks(2),
      );
      replies = await zaloSay(user, 'Hoàn thành các nhiệm vụ được giao.', asks(3));
      replies = await zaloSay(user, '6', asks(4));
      // A negative count: refused with a clear message and asked again.
      replies = await zaloSay(user, '-40', asks(4));
      expect(replies[0].message.text).toMatch(/^Số lượng không thể là số âm/);
      replies = await zaloSay(user, '240', asks(5));
      for (const n of [6, 7, 8]) replies = await zaloSay(user, 'bỏ qua', asks(n));
      replies = await zaloSay(user, 'bỏ qua', (m) =>
        (m.message.text ?? '').startsWith('Xem lại báo cáo'),
      );
      expect(zaloText(replies)).toContain(
        '4. Số lượt người tham dự các buổi tuyên truyền: 240 người',
      );
      replies = await zaloSay(user, '#gcm:rp:ok', (m) =>
        /Đã gửi báo cáo/.test(m.message.text ?? ''),
      );

      const submitted = await currentSubmission(ward, 'gcm_plan_yearly_report');
      const comment = 'Đề nghị bổ sung số tin, bài đã đăng tải.';
      const beforeReturn = zalo.delivered.filter((m) => m.userId === user).length;
      await api.staffJson(`/reporting/submissions/${submitted.id}/return`, { body: { comment } });

      // The notice comes through the outbox; its words alone say what to do.
      const notices = () => zalo.delivered.filter((m) => m.userId === user).slice(beforeReturn);
      await waitFor(
        () => notices().some((m) => (m.message.text ?? '').includes('được trả lại')),
        15_000,
        'the return notice on Zalo',
      );
      const notice = zaloText(notices());
      expect(notice).toContain(
        '↩️ Báo cáo “Báo cáo tình hình thực hiện Kế hoạch triển khai Thỏa thuận GCM',
      );
      expect(notice).toContain(
        `của UBND phường Nguyễn Thị Minh Khai được trả lại để chỉnh sửa.\nLý do: ${comment}`,
      );
      expect(notice).toContain('Gõ /baocao rồi chọn báo cáo này để sửa và nộp lại');
      expect(zaloActions(notices())).toEqual([`rp:o:${submitted.id}`]);

      const reopened = await zaloSay(user, '/baocao', (m) =>
        (m.message.text ?? '').includes('Các báo cáo'),
      );
      expect(zaloText(reopened)).toContain('Bị trả lại để chỉnh sửa');
      const ref = zaloActions(reopened).find((a) => a.startsWith('rp:o:'));
      replies = await zaloSay(user, `#gcm:${ref}`, (m) =>
        (m.message.text ?? '').startsWith('Xem lại báo cáo'),
      );
      expect(replies[0].message.text).toContain(`“${comment}”`);
      expect(zaloText(replies)).toContain(
        '1. Các nhiệm vụ đã triển khai thực hiện trong năm: Triển khai Kế hoạch',
      );

      replies = await zaloSay(user, '5', (m) => (m.message.text ?? '').startsWith('Mục 5/8'));
      replies = await zaloSay(user, '12 tin, bài', (m) =>
        (m.message.text ?? '').startsWith('Xem lại báo cáo'),
      );
      expect(zaloText(replies)).toContain(
        '5. Số tin, bài, phóng sự đã đăng tải, phát sóng: 12 tin, bài',
      );
      replies = await zaloSay(user, '#gcm:rp:ok', (m) =>
        /Đã gửi báo cáo/.test(m.message.text ?? ''),
      );

      const resubmitted = await currentSubmission(ward, 'gcm_plan_yearly_report');
      expect(resubmitted.status).toBe('submitted');
    });
  },
);
