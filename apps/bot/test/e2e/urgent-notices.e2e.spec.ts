/**
 * Someone in danger, seen at once by staff away from their desks, end to end: the built API (demo
 * data) and the built bot as real processes, real telegraf against the fake Bot API. A
 * coordinator of the provincial department links their Telegram with /lienket; a person waiting
 * for staff writes that they are being beaten; the coordinator's own chat gets a notice that
 * names the channel and links to the item, never what the person wrote, and only once.
 *
 * Build first (turbo run test does): the API and the bot.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTelegramServer, telegramUpdates } from '../support/fake-telegram-server';
import { inbox, startHelpdeskApi, type HelpdeskApi, type InboxItem } from '../support/helpdesk-api';
import { BRISK_PACING, type RunningBotProcess } from '../support/run-built-bot';
import {
  postTelegramWebhook,
  sentTo,
  startWebhookBot,
  waitForChat,
} from '../support/telegram-chat';
import { quiet } from '../support/wait-for';

const CONSOLE = 'http://canbo.gcm.test';
const COORDINATOR_CHAT = 1801;
const PERSON_CHAT = 1802;
const DANGER = 'bọn nó đang đánh tôi, cứu tôi với';

describe(
  'an urgent inbox item reaches the Telegram of those who work the inbox',
  { timeout: 90_000 },
  () => {
    let telegram: FakeTelegramServer;
    let api: HelpdeskApi;
    let bot: RunningBotProcess;
    let updateId = 18_000;

    async function says(chat: number, text: string) {
      const before = sentTo(telegram, chat).length;
      const res = await postTelegramWebhook(bot, {
        update_id: updateId++,
        ...telegramUpdates.text(chat, text),
      });
      expect(res.status).toBe(200);
      return sentTo(telegram, chat).slice(before);
    }

    beforeAll(async () => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'gcm-e2e-urgent-'));
      api = await startHelpdeskApi({ DATA_DIR: dataDir, PUBLIC_URL: CONSOLE }, async () =>
        rmSync(dataDir, { recursive: true, force: true }),
      );
      telegram = await FakeTelegramServer.start();
      bot = await startWebhookBot(telegram, api, BRISK_PACING);
      // A coordinator of a unit of the demo's tree, linked with a code the administrator gives.
      const { items } = await api.staffJson<{ items: { id: string }[] }>('/units?pageSize=1');
      const unitId = items[0].id;
      const created = await api.staffJson<{ user: { id: string } }>(
        '/users',
        {
          body: {
            email: 'dieuphoi@e2e.gcm.vn',
            fullName: 'Điều phối viên',
            role: 'coordinator',
            unitId,
            password: 'Mat-khau-tam-Dieu-phoi-2026',
          },
        },
        201,
      );
      const { code } = await api.staffJson<{ code: string }>(
        `/units/${unitId}/link-codes`,
        { body: { userId: created.user.id } },
        201,
      );
      const [linked] = await says(COORDINATOR_CHAT, `/lienket ${code}`);
      expect(linked.text).toContain('Đã liên kết tài khoản này với cán bộ');
    }, 120_000);

    afterAll(async () => {
      await bot?.stop();
      await telegram?.close();
      await api?.close();
    });

    it('tells the coordinator once, with a link to the item and nothing the person wrote', async () => {
      await says(PERSON_CHAT, 'gặp cán bộ');
      const before = sentTo(telegram, COORDINATOR_CHAT).length;
      const replies = await says(PERSON_CHAT, DANGER);
      // The person gets the emergency route first.
      expect(replies[0].text).toContain('113');

      const [notice] = (await waitForChat(telegram, COORDINATOR_CHAT, before + 1, 20_000)).slice(
        before,
      );
      // The link names the person's item, now urgent in the inbox.
      const id = /\/inbox\?item=([0-9a-f-]{36})$/.exec(notice.text)?.[1];
      const open = (await inbox(api, 'open')) as (InboxItem & { urgent: boolean })[];
      expect(open.find((item) => item.id === id)?.urgent).toBe(true);
      expect(notice.text).toBe(
        '⚠️ Hộp thư hỏi đáp có tin nhắn khẩn cấp: một người nhắn qua Telegram có thể đang gặp nguy ' +
          'hiểm. Bot đã gửi cho họ các số điện thoại khẩn cấp.\n' +
          `Mở để trả lời ngay: ${CONSOLE}/inbox?item=${id}`,
      );
      expect(notice.text).not.toContain('đánh tôi');

      // More in the same item: the coordinator is not told again.
      await says(PERSON_CHAT, 'họ lại đánh tôi nữa, cứu tôi');
      await quiet(1_500);
      expect(sentTo(telegram, COORDINATOR_CHAT)).toHaveLength(before + 1);
    });
  },
);
