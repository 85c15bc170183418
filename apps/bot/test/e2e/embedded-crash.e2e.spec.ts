/**
 * The API on the embedded default (PGlite in its own process, data in DATA_DIR) killed with
 * SIGKILL in the middle of a steady stream of Telegram webhook updates and Zalo events, and
 * started again on the same data folder, as a service manager would restart it after a crash.
 * The built bot (Telegram by webhook, Zalo) keeps running against the fake platforms; Telegram
 * and Zalo post an update again a few seconds after any answer but 200, as they do.
 *
 * Checked: nothing that was acknowledged (200) to Telegram or Zalo is lost — every update gets
 * exactly one reply, and the restarted API's transcripts hold each update exactly once (what
 * was committed before the kill survived it, and nothing was processed twice). The figures go
 * to the log.
 *
 * Always on PGlite, whatever TEST_DATABASE_URL says: the embedded data folder is what is under
 * test. Build first: the API and the bot.
 *
 *   pnpm --filter @gcm/bot test embedded-crash
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatTraffic, figuresLine, selfAnsweringQuestions } from '../support/chat-traffic';
import { FakeTelegramServer } from '../support/fake-telegram-server';
import { startFakeZaloServer, type FakeZaloServer } from '../support/fake-zalo-server';
import { SERVICE_TOKEN, startHelpdeskApi, type HelpdeskApi } from '../support/helpdesk-api';
import { dumpOnFailure, type RunningBotProcess } from '../support/run-built-bot';
import { startWebhookBot } from '../support/telegram-chat';
import { quiet } from '../support/wait-for';

/** Writing before the crash, and after the API is back. */
const BEFORE_MS = 8_000;
const AFTER_MS = 8_000;
const SETTLE_MS = 40_000;
/** Each chat writes every 3 s: 16 Telegram chats and 8 Zalo followers, 8 updates a second. */
const EVERY_MS = 3_000;
const TELEGRAM_CHATS = Array.from({ length: 16 }, (_, i) => 710_001 + i);
const ZALO_USERS = Array.from({ length: 8 }, (_, i) => `72000000000${100 + i}`);

describe('the API on PGlite killed (SIGKILL) under a steady stream, and started again', () => {
  let telegram: FakeTelegramServer;
  let zalo: FakeZaloServer;
  let api: HelpdeskApi;
  let bot: RunningBotProcess;

  const outputs = () =>
    `--- API ---\n${api?.output() ?? '(not started)'}\n--- bot ---\n${bot?.output() ?? '(not started)'}`;

  beforeAll(async () => {
    [telegram, zalo] = await Promise.all([FakeTelegramServer.start(), startFakeZaloServer()]);
    // No DATABASE_URL: the embedded database in the API's data folder.
    api = await startHelpdeskApi({});
    bot = await startWebhookBot(telegram, api, {
      ZALO_APP_ID: zalo.options.appId,
      ZALO_OA_SECRET_KEY: zalo.options.oaSecretKey,
      ZALO_OA_ACCESS_TOKEN: zalo.options.accessToken,
      ZALO_API_BASE: zalo.url,
    });
  }, 120_000);

  afterAll(async () => {
    await bot?.stop();
    await api?.close();
    await Promise.all([telegram?.close(), zalo?.close()]);
  }, 60_000);

  it(
    'loses nothing acknowledged: every update answered once and recorded once',
    { timeout: 120_000 },
    async (ctx) => {
      ctx.onTestFailed(dumpOnFailure('API and bot', outputs));
      // Each chat asks a question it has not asked every EVERY_MS while the stream runs: 8 s, the
      // restart, 8 s. 16 questions (as many as the outage test takes) leave room for a restart
      // of 30 s; with 12, a restart of 18 s beside another file on a loaded CI ran out of them.
      const questions = await selfAnsweringQuestions(api, 16);
      const traffic = new ChatTraffic({
        telegram,
        zalo,
        bot: () => bot.url,
        questions,
        telegramChats: TELEGRAM_CHATS,
        zaloUsers: ZALO_USERS,
        everyMs: EVERY_MS,
        retryMs: 2_000,
        firstUpdateId: 2_000_000,
      });
      try {
        traffic.start();
        await quiet(BEFORE_MS);
        const killedAt = Date.now();
        await api.kill();
        await api.restart();
        const downMs = Date.now() - killedAt;
        await quiet(AFTER_MS);
        await traffic.stopSending();
        await traffic.settled(SETTLE_MS);
        await quiet(3_000);
        await traffic.close();

        const f = traffic.figures();
        console.log(figuresLine('API on PGlite killed and restarted', f));
        console.log(`  the API was away ${(downMs / 1000).toFixed(1)} s (SIGKILL to /health up)`);
        expect(f.problems, 'updates lost or answered twice').toEqual([]);
        expect(f.unexpected, 'messages that answer no question of the chat').toEqual([]);
        expect(f.unacknowledged).toBe(0);
        expect(f.lost).toBe(0);
        expect(f.duplicated).toBe(0);
        expect(f.answered).toBe(f.sent);
        expect(await traffic.recordingProblems(api.baseUrl, SERVICE_TOKEN)).toEqual([]);
      } finally {
        await traffic.close();
      }
    },
  );
});
