/**
 * Replies whose sending was cut short are kept by the API, not in a bot's memory: the built API
 * (embedded database) and two built bot processes, Telegram by webhook and Zalo, against the fake
 * platforms.
 *
 * - Telegram: bot A sends the first message of a two-part reply, then Telegram asks for a longer
 *   wait than a reply may take; A answers the webhook 500 and tells the API how many messages
 *   went out. Telegram delivers the update again, here to bot B, which sends only the rest.
 * - Zalo: bot A sends the first of the welcome's three messages, then the second is refused for
 *   a few seconds after the webhook was answered 200 (Zalo will not deliver the event again).
 *   A hands the rest to the API's outbox and is restarted at once (bot B is stopped by then);
 *   the restarted process sends the other two, one a second.
 *
 * Checked as the person sees it: every message of the reply once, in order, none twice.
 *
 * Build first (turbo run test does): the API and the bot.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FakeTelegramServer,
  telegramUpdates,
  type RecordedCall,
} from '../support/fake-telegram-server';
import {
  startFakeZaloServer,
  zaloChatNowEvent,
  type FakeZaloServer,
} from '../support/fake-zalo-server';
import { startHelpdeskApi, type HelpdeskApi } from '../support/helpdesk-api';
import { dumpOnFailure, type RunningBotProcess } from '../support/run-built-bot';
import { postTelegramWebhook, startWebhookBot } from '../support/telegram-chat';
import { quiet, waitFor } from '../support/wait-for';

describe('replies cut short are finished by another bot instance or a restarted one', () => {
  let telegram: FakeTelegramServer;
  let zalo: FakeZaloServer;
  let api: HelpdeskApi;
  let botA: RunningBotProcess;
  let botB: RunningBotProcess;

  const outputs = () =>
    `--- API ---\n${api?.output() ?? '(not started)'}\n--- bot A ---\n${botA?.output() ?? '(not started)'}\n--- bot B ---\n${botB?.output() ?? '(not started)'}`;

  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'gcm-e2e-kept-'));
    api = await startHelpdeskApi({ DATA_DIR: dataDir }, async () =>
      rmSync(dataDir, { recursive: true, force: true }),
    );
    [telegram, zalo] = await Promise.all([FakeTelegramServer.start(), startFakeZaloServer()]);
    const zaloVars = {
      ZALO_APP_ID: zalo.options.appId,
      ZALO_OA_SECRET_KEY: zalo.options.oaSecretKey,
      ZALO_OA_ACCESS_TOKEN: zalo.options.accessToken,
      ZALO_API_BASE: zalo.url,
    };
    [botA, botB] = await Promise.all([
      startWebhookBot(telegram, api, zaloVars),
      startWebhookBot(telegram, api, zaloVars),
    ]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([botA?.stop(), botB?.stop()]);
    await api?.close();
    await Promise.all([telegram?.close(), zalo?.close()]);
  }, 60_000);

  const telegramTexts = (chat: number) =>
    telegram.delivered
      .filter((call: RecordedCall) => String(call.params.chat_id) === String(chat))
      .map((call) => String(call.params.text));
  const zaloTo = (userId: string) => zalo.delivered.filter((m) => m.userId === userId);
  const postZalo = (bot: RunningBotProcess, userId: string) => {
    const request = zalo.signedEvent(zaloChatNowEvent({ userId }));
    return fetch(`${bot.url}/webhooks/zalo`, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
    });
  };

  it(
    'Telegram: the next delivery, on another instance, sends only the parts not sent',
    { timeout: 60_000 },
    async (ctx) => {
      ctx.onTestFailed(dumpOnFailure('API and bots', outputs));
      // What the whole reply is: the welcome, as a chat nothing went wrong for got it.
      const reference = await postTelegramWebhook(botB, {
        update_id: 880_001,
        ...telegramUpdates.text(881_001, '/start'),
      });
      // The webhook is answered once the replies went out: they are all there.
      expect(reference.status).toBe(200);
      const whole = telegramTexts(881_001);
      expect(whole.length, 'the welcome is several Telegram messages').toBeGreaterThanOrEqual(2);

      const update = { update_id: 880_002, ...telegramUpdates.text(881_002, '/start') };
      telegram.passNext('sendMessage');
      telegram.failNext('sendMessage', {
        error_code: 429,
        description: 'Too Many Requests: retry after 30',
        parameters: { retry_after: 30 },
      });
      const first = await postTelegramWebhook(botA, update);
      const afterFirst = telegramTexts(881_002);
      // Telegram delivers it again, and this time the load balancer picks bot B.
      const again = await postTelegramWebhook(botB, update);
      await waitFor(() => telegramTexts(881_002).length >= whole.length, 10_000, 'the rest');
      await quiet(2_000);

      const got = telegramTexts(881_002);
      console.log(
        `Telegram: a ${whole.length}-part reply cut after part ${afterFirst.length} by a 429 of 30 s ` +
          `on bot A (webhook ${first.status}); bot B (webhook ${again.status}) sent ` +
          `${got.length - afterFirst.length} part(s); the chat got ${got.length} message(s)`,
      );
      expect(first.status).toBe(500);
      expect(afterFirst).toEqual(whole.slice(0, 1));
      expect(again.status).toBe(200);
      expect(got).toEqual(whole);
    },
  );

  it(
    'Zalo: the welcome’s messages not sent go out after the bot that answered is restarted, one a second',
    { timeout: 90_000 },
    async (ctx) => {
      ctx.onTestFailed(dumpOnFailure('API and bots', outputs));
      const reference = await postZalo(botB, 'zalo-ref-1');
      expect(reference.status).toBe(200);
      await waitFor(() => zaloTo('zalo-ref-1').length >= 3, 10_000, 'the reference welcome');
      await quiet(1_500);
      const whole = zaloTo('zalo-ref-1').map((m) => m.message.text);
      expect(whole).toHaveLength(3);
      // Only bot A's restarted process is left to send the rest.
      await botB.stop();

      const person = 'zalo-kept-1';
      zalo.failNextSends({ kind: 'pass' }, 1, person);
      // A proxy in the way answers 429 for a few seconds: the rest may go after them.
      zalo.failNextSends({ kind: 'http-429', retryAfterSeconds: 8 }, 1, person);
      const answered = await postZalo(botA, person);
      await waitFor(
        () => botA.output().includes('queued in the outbox'),
        10_000,
        'bot A to hand the rest to the outbox',
      );
      const queuedAt = Date.now();
      await botA.restart();
      const restartedAt = Date.now();
      await waitFor(() => zaloTo(person).length >= 3, 30_000, 'the rest of the welcome');
      await quiet(2_000);

      const got = zaloTo(person);
      const texts = got.map((m) => m.message.text);
      const gaps = got.slice(1).map((m, i) => m.at - got[i].at);
      console.log(
        `Zalo: the welcome's 3 messages; 1 sent by bot A before a 429 of 8 s; bot A restarted in ` +
          `${restartedAt - queuedAt} ms; the other ${got.length - 1} sent ` +
          `${got[1].at - queuedAt} ms after they were queued; gaps ${gaps.join(', ')} ms; the person ` +
          `got ${got.length} message(s)`,
      );
      expect(answered.status).toBe(200);
      expect(texts).toEqual(whole);
      // Sent by the restarted process, not by the one that answered.
      expect(got[1].at).toBeGreaterThan(restartedAt - 500);
      expect(gaps.every((gap) => gap >= 950)).toBe(true);
    },
  );
});
