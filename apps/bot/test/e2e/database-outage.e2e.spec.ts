/**
 * A database outage under load, as docs/operations.md ("When the database is away") describes
 * it: the built API on a new database of TEST_DATABASE_URL's server, reached through a TCP
 * proxy of the test's own, and the built bot with Telegram by webhook and Zalo, against the fake
 * platforms. Many chats write steadily; in the middle the proxy is cut for 30 s (every
 * connection to PostgreSQL destroyed, new ones refused: the server stopped, as far as the API
 * can tell), then restored. Telegram and Zalo post an update again a few seconds after any answer
 * but 200, as they do.
 *
 * Checked as people and an operator would see it: every update answered once, none twice,
 * nothing else sent to a chat (no error shown as text), the API's /health and the bot's saying
 * the database is down while it is, and the bot's log saying so once when refusing starts and
 * once when it ends, with a count, rather than once per refused delivery. The figures go to the
 * log.
 *
 * Needs a PostgreSQL server (the shared one is never stopped: only the proxy is cut). Without
 * TEST_DATABASE_URL the file skips itself. Build first: the API and the bot.
 *
 *   TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test \
 *     pnpm --filter @gcm/bot test database-outage
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerDatabase, type ServerDatabase } from '@gcm/testing';
import { ChatTraffic, figuresLine, selfAnsweringQuestions } from '../support/chat-traffic';
import { FakeTelegramServer } from '../support/fake-telegram-server';
import { startFakeZaloServer, type FakeZaloServer } from '../support/fake-zalo-server';
import { describeSamples, watchHealth } from '../support/health-log';
import { startHelpdeskApi, type HelpdeskApi } from '../support/helpdesk-api';
import { dumpOnFailure, type RunningBotProcess } from '../support/run-built-bot';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { startWebhookBot } from '../support/telegram-chat';
import { quiet } from '../support/wait-for';

const SERVER_URL = process.env.TEST_DATABASE_URL;
if (!SERVER_URL) {
  console.warn(
    'database-outage.e2e.spec.ts skipped: it needs a PostgreSQL server in TEST_DATABASE_URL',
  );
}

/** Writing before the outage, the outage, writing after it. */
const BEFORE_MS = 15_000;
const OUTAGE_MS = 30_000;
const AFTER_MS = 15_000;
/** How long the retries may take to bring every update through once writing stops. */
const SETTLE_MS = 45_000;
/** Each chat writes every 4 s: 24 Telegram chats and 12 Zalo followers, 9 updates a second. */
const EVERY_MS = 4_000;
const TELEGRAM_CHATS = Array.from({ length: 24 }, (_, i) => 610_001 + i);
const ZALO_USERS = Array.from({ length: 12 }, (_, i) => `62000000000${100 + i}`);

describe.runIf(SERVER_URL)('a 30-second database outage under a steady stream of updates', () => {
  let database: ServerDatabase;
  let proxy: TcpProxy;
  let telegram: FakeTelegramServer;
  let zalo: FakeZaloServer;
  let api: HelpdeskApi;
  let bot: RunningBotProcess;

  const outputs = () =>
    `--- API ---\n${api?.output() ?? '(not started)'}\n--- bot ---\n${bot?.output() ?? '(not started)'}`;

  beforeAll(async () => {
    database = await createServerDatabase(SERVER_URL!);
    const server = new URL(database.url);
    proxy = await startTcpProxy(server.hostname, Number(server.port || 5432));
    [telegram, zalo] = await Promise.all([FakeTelegramServer.start(), startFakeZaloServer()]);
    api = await startHelpdeskApi({ DATABASE_URL: proxy.rewrite(database.url) });
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
    await Promise.all([telegram?.close(), zalo?.close(), proxy?.close()]);
    await database?.drop();
  }, 60_000);

  it(
    'answers every update once, shows no error as text, and reports the outage on /health',
    { timeout: 150_000 },
    async (ctx) => {
      ctx.onTestFailed(dumpOnFailure('API and bot', outputs));
      const questions = await selfAnsweringQuestions(api, 16);
      const traffic = new ChatTraffic({
        telegram,
        zalo,
        bot: () => bot.url,
        questions,
        telegramChats: TELEGRAM_CHATS,
        zaloUsers: ZALO_USERS,
        everyMs: EVERY_MS,
        retryMs: 3_000,
      });
      const health = watchHealth({ api: api.baseUrl, bot: bot.url });
      try {
        traffic.start();
        await quiet(BEFORE_MS);
        const cutAt = Date.now();
        proxy.cut();
        await quiet(OUTAGE_MS);
        proxy.restore();
        const restoredAt = Date.now();
        await quiet(AFTER_MS);
        await traffic.stopSending();
        await traffic.settled(SETTLE_MS);
        // Anything sent twice arrives within a few seconds of the first.
        await quiet(3_000);
        await traffic.close();
        await health.stop();

        const f = traffic.figures();
        console.log(figuresLine('Database outage of 30 s (PostgreSQL)', f));
        // A monitor polling every 0.5 s: what it saw while the database was away, and after.
        // A check begun just before the restore may be answered just after it: left out.
        const apiDuring = health.between('api', cutAt + 1_000, restoredAt - 1_000);
        const apiAfter = health.between('api', restoredAt + 5_000, Date.now());
        console.log(`  API /health during the outage: ${describeSamples(apiDuring)}`);
        console.log(`  API /health after it: ${describeSamples(apiAfter)}`);
        // The bot asks the API's /health on each of its own: it may still see the database up
        // in the first seconds (the API notices at its next query), never after.
        const botDuring = health.between('bot', cutAt + 3_000, restoredAt - 1_000);
        const botAfter = health.between('bot', restoredAt + 5_000, Date.now());
        console.log(`  bot /health during the outage: ${describeSamples(botDuring)}`);
        console.log(`  bot /health after it: ${describeSamples(botAfter)}`);
        console.log(`  connections refused by the cut proxy: ${proxy.refused}`);
        const botLog = bot.output().split('\n');
        const perDelivery = botLog.filter((line) =>
          /Telegram: update \d+ not handled|Zalo: event .* not handled, asking Zalo/.test(line),
        );
        const refusing = botLog.filter((line) => line.includes('the API cannot handle events'));
        const handlingAgain = botLog.filter((line) =>
          line.includes('the API handles events again'),
        );
        console.log(
          `  bot log: ${botLog.length} lines in all; ${refusing.length} when refusing began, ` +
            `${handlingAgain.length} when it ended (${handlingAgain.join(' | ')}); ` +
            `${perDelivery.length} per refused delivery`,
        );

        expect(f.problems, 'updates lost or answered twice').toEqual([]);
        expect(f.unexpected, 'messages that answer no question of the chat').toEqual([]);
        expect(f.unacknowledged).toBe(0);
        expect(f.lost).toBe(0);
        expect(f.duplicated).toBe(0);
        expect(f.answered).toBe(f.sent);
        expect(apiDuring.length).toBeGreaterThan(0);
        expect(apiDuring.every((s) => s.status === 503 && s.body.database === 'down')).toBe(true);
        expect(apiAfter.length).toBeGreaterThan(0);
        expect(apiAfter.every((s) => s.status === 200 && s.body.database === 'up')).toBe(true);
        expect(botDuring.length).toBeGreaterThan(0);
        expect(
          botDuring.every(
            (s) =>
              s.status === 200 &&
              s.body.status === 'degraded' &&
              s.body.api === 'up' &&
              s.body.database === 'down',
          ),
        ).toBe(true);
        expect(botAfter.length).toBeGreaterThan(0);
        expect(botAfter.every((s) => s.status === 200 && s.body.status === 'ok')).toBe(true);
        expect(perDelivery, 'a line per refused delivery').toEqual([]);
        expect(refusing).toHaveLength(1);
        expect(handlingAgain).toHaveLength(1);
        expect(handlingAgain[0]).toMatch(/after \d+ s \(\d+ refused meanwhile\)/);
      } finally {
        await traffic.close();
        await health.stop();
      }
    },
  );
});
