/**
 * The bot gateway end to end: the built API (apps/api/dist, demo data: 61 starter FAQs) and the
 * built bot (apps/bot/dist) as real processes, with the real telegraf and Zalo clients talking
 * to fake Telegram and Zalo servers. Bot process(es) of its own per describe, one API per
 * platform (see API_FOR); the APIs start side by side, each on a copy of the run's template
 * database (apps/api/test/support/run-built-api.ts). The bots pace their sends briskly
 * (BRISK_PACING) but for the two instances sharing an outbox, which must both take part.
 *
 * Build first (turbo run test does): the API and the bot.
 * TEST_DATABASE_URL=postgresql://… runs each API on a new database on that server instead.
 */
import http from 'node:http';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerDatabase } from '@gcm/testing';
import { FakeTelegramServer, telegramUpdates } from '../support/fake-telegram-server';
import {
  startFakeZaloServer,
  zaloChatNowEvent,
  zaloFollowEvent,
  zaloTextEvent,
  type FakeZaloServer,
} from '../support/fake-zalo-server';
import {
  firstWithStatus,
  HELPDESK_API_VARS,
  inbox,
  SERVICE_TOKEN,
  startHelpdeskApi,
  transcript,
  type HelpdeskApi,
} from '../support/helpdesk-api';
import {
  BRISK_PACING,
  dumpOnFailure,
  startBuiltBot,
  type RunningBotProcess,
} from '../support/run-built-bot';
import {
  AMBIGUOUS_CANDIDATES,
  LICENCE_ANSWER_END,
  LICENCE_FAQ,
  LICENCE_FIRST_PART_END,
  LICENCE_QUESTION,
  NO_ANSWER_CANDIDATES,
  OTHER_NO_ANSWER_CANDIDATES,
  questionOfButton,
  TEXT,
} from '../support/starter-content';
import {
  postTelegramWebhook,
  sentTo,
  startWebhookBot,
  subscriptionSteps,
  waitForChat,
  WEBHOOK_SECRET,
  type Sent,
} from '../support/telegram-chat';
import { templateDataDir } from '@gcm/api/test/support/run-built-api';
import { quiet, waitFor } from '../support/wait-for';

const START_TIMEOUT_MS = 120_000;

// --- The APIs ------------------------------------------------------------------------------------

/**
 * The built API with the demo data and an administrator: on a copy of the template data folder,
 * or on a new database of TEST_DATABASE_URL's server.
 */
async function startApi(template: string | undefined): Promise<HelpdeskApi> {
  if (process.env.TEST_DATABASE_URL) {
    const database = await createServerDatabase(process.env.TEST_DATABASE_URL);
    return startHelpdeskApi({ DATABASE_URL: database.url }, database.drop);
  }
  if (!template) return startHelpdeskApi({});
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gcm-e2e-api-'));
  cpSync(template, dataDir, { recursive: true });
  return startHelpdeskApi({ DATA_DIR: dataDir }, async () =>
    rmSync(dataDir, { recursive: true, force: true }),
  );
}

/**
 * The APIs of the describes below. Starting them takes most of this file's time, so they start
 * side by side as the file begins, each on a copy of one template database, and describes of one
 * platform share one: Telegram's (long polling, then webhook) and Zalo's (the webhook, then the
 * stored tokens), each with chats and users of its own, one after the other. The two instances
 * sharing an outbox have theirs: every subscriber of that API gets their broadcasts.
 */
const API_FOR = ['telegram', 'zalo', 'instances'] as const;
let apiStarts: Record<(typeof API_FOR)[number], Promise<HelpdeskApi>>;
let template: Promise<string | undefined>;

beforeAll(() => {
  // The run's template database (apps/api/test/support/run-built-api.ts), made by the
  // first file that needs it.
  template = process.env.TEST_DATABASE_URL
    ? Promise.resolve(undefined)
    : templateDataDir(HELPDESK_API_VARS);
  apiStarts = Object.fromEntries(
    API_FOR.map((name) => [name, template.then((dataDir) => startApi(dataDir))]),
  ) as typeof apiStarts;
  // A describe that does not run never awaits its API: no unhandled rejection for it.
  for (const start of Object.values(apiStarts)) start.catch(() => undefined);
});

afterAll(async () => {
  const settled = (start: Promise<HelpdeskApi>) =>
    start.then(
      (api) => api.close(),
      () => undefined,
    );
  await Promise.all(Object.values(apiStarts ?? {}).map(settled));
}, 30_000);

// --- Telegram, long polling --------------------------------------------------------------------

describe('Telegram by long polling (real telegraf, fake Bot API)', { timeout: 60_000 }, () => {
  let telegram: FakeTelegramServer;
  let api: HelpdeskApi;
  let bot: RunningBotProcess;
  let nextUpdateId = 1000;
  const push = (update: ReturnType<typeof telegramUpdates.text>) =>
    telegram.pushUpdate({ ...update, update_id: nextUpdateId++ });

  beforeAll(async () => {
    telegram = await FakeTelegramServer.start();
    api = await apiStarts.telegram;
    bot = await startBuiltBot({
      API_URL: api.baseUrl,
      BOT_SERVICE_TOKEN: SERVICE_TOKEN,
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      ...BRISK_PACING,
    });
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await bot?.stop();
    await telegram?.close();
  });

  it('greets /start with the welcome and the topics as buttons', async (ctx) => {
    ctx.onTestFailed(dumpOnFailure('bot', () => bot.output()));
    push(telegramUpdates.text(101, '/start'));

    const [welcome, menu] = await waitForChat(telegram, 101, 2);

    expect(welcome.text.startsWith(TEXT.welcome)).toBe(true);
    expect(welcome.text).toContain(TEXT.notLegalAdvice);
    const topics = menu.buttons.filter((b) => b.callback_data?.startsWith('topic:'));
    expect(topics.length).toBeGreaterThanOrEqual(5);
    expect(topics.map((b) => b.text)).toContain('Du học');
    expect(menu.buttons.map((b) => b.callback_data)).toContain('handoff');
  });

  it('answers a question typed without diacritics: its first part, "Xem thêm" for the rest, and 👍/👎 under both', async () => {
    push(telegramUpdates.text(102, LICENCE_QUESTION));

    const [answer] = await waitForChat(telegram, 102, 1);

    expect(answer.text.startsWith(LICENCE_FAQ)).toBe(true);
    expect(answer.text).toContain(LICENCE_FIRST_PART_END);
    expect(answer.text).not.toContain(LICENCE_ANSWER_END);
    expect(answer.text.endsWith(`\n\n${TEXT.askUseful}`)).toBe(true);
    const [more, up, down] = answer.buttons;
    expect(more).toMatchObject({
      text: TEXT.readMore,
      callback_data: expect.stringMatching(/^more:/),
    });
    expect(up).toMatchObject({ text: '👍 Có', callback_data: expect.stringMatching(/^fb:up:/) });
    expect(down).toMatchObject({
      text: '👎 Không',
      callback_data: expect.stringMatching(/^fb:down:/),
    });

    push(telegramUpdates.callback(102, more.callback_data!));
    const [, rest] = await waitForChat(telegram, 102, 2);
    expect(rest.text).toContain(LICENCE_ANSWER_END);
    expect(rest.text).not.toContain(LICENCE_FIRST_PART_END);
    expect(rest.text.endsWith(`\n\n${TEXT.askUseful}`)).toBe(true);
    // The same buttons as under the first part, but "Xem thêm".
    expect(rest.buttons).toEqual(answer.buttons.slice(1));

    const press = telegramUpdates.callback(102, up.callback_data!);
    push(press);
    const after = await waitForChat(telegram, 102, 3);
    expect(after[2].text).toBe(TEXT.thanks);
    const answered = telegram.callsTo('answerCallbackQuery');
    expect(answered.map((c) => c.params.callback_query_id)).toContain(
      (press.callback_query as { id: string }).id,
    );
  });

  it('greets "xin chào" with the welcome and the topics, then answers the real question', async () => {
    const chat = 106;
    push(telegramUpdates.text(chat, 'Xin chào'));
    const [welcome, menu] = await waitForChat(telegram, chat, 2);
    expect(welcome.text.startsWith(TEXT.welcome)).toBe(true);
    expect(menu.buttons.some((b) => b.callback_data?.startsWith('topic:'))).toBe(true);

    push(telegramUpdates.text(chat, LICENCE_QUESTION));

    const [, , answer] = await waitForChat(telegram, chat, 3);
    expect(answer.text.startsWith(LICENCE_FAQ)).toBe(true);
    expect((await inbox(api)).filter((i) => i.question === 'Xin chào')).toEqual([]);
  });

  it('delivers the answer once when the first send hits a 429 with retry_after', async (ctx) => {
    ctx.onTestFailed(dumpOnFailure('bot', () => bot.output()));
    const chat = 107;
    telegram.failNext('sendMessage', {
      error_code: 429,
      description: 'Too Many Requests: retry after 1',
      parameters: { retry_after: 1 },
    });

    push(telegramUpdates.text(chat, LICENCE_QUESTION));

    const isAnswer = (m: Sent) => m.text.startsWith(LICENCE_FAQ);
    await waitFor(
      () => sentTo(telegram, chat).filter(isAnswer).length >= 2,
      10_000,
      'the answer, refused then sent again',
    );
    await quiet(1_500);
    const [refused, delivered] = sentTo(telegram, chat);
    // One refused with 429, one delivered after retry_after, nothing after.
    expect(sentTo(telegram, chat)).toHaveLength(2);
    expect(delivered.at - refused.at).toBeGreaterThanOrEqual(1_000);
    expect(delivered.text).toBe(refused.text);
  });

  it('offers a choice for an ambiguous question, and answers the one chosen', async (ctx) => {
    const question = await firstWithStatus(api, AMBIGUOUS_CANDIDATES, 'ambiguous');
    if (!question) {
      console.warn(`no ambiguous question among ${AMBIGUOUS_CANDIDATES.join(', ')}: skipped`);
      ctx.skip();
      return;
    }
    push(telegramUpdates.text(103, question));

    const [choice] = await waitForChat(telegram, 103, 1);

    expect(choice.text.startsWith(TEXT.didYouMean)).toBe(true);
    const faqs = choice.buttons.filter((b) => b.callback_data?.startsWith('pick:'));
    expect(faqs.length).toBeGreaterThanOrEqual(2);
    push(telegramUpdates.callback(103, faqs[1].callback_data!));
    const [, answer] = await waitForChat(telegram, 103, 2);
    expect(answer.text.startsWith(questionOfButton(choice.text, faqs[1].text))).toBe(true);
    expect(answer.text.endsWith(TEXT.askUseful)).toBe(true);
  });

  describe('a question no FAQ answers', () => {
    const chat = 104;
    let question: string;

    it('goes to staff, and the person is told so', async () => {
      question = (await firstWithStatus(api, NO_ANSWER_CANDIDATES, 'no_answer'))!;
      expect(question, 'none of the no-answer questions is unanswered').toBeDefined();
      if (question !== NO_ANSWER_CANDIDATES[0]) {
        console.warn(`"${NO_ANSWER_CANDIDATES[0]}" gets an answer now; used "${question}"`);
      }
      push(telegramUpdates.text(chat, question));

      const [reply] = await waitForChat(telegram, chat, 1);

      expect(reply.text).toContain(TEXT.toStaff);
      const items = (await inbox(api, 'open')).filter((i) => i.channel === 'telegram');
      expect(items.map((i) => i.question)).toContain(question);
    });

    it('reaches the chat when staff reply, through the outbox, after a 429 with its retry_after', async () => {
      const [item] = (await inbox(api, 'open')).filter(
        (i) => i.channel === 'telegram' && i.question === question,
      );
      expect(item).toBeDefined();
      telegram.failNext('sendMessage', {
        error_code: 429,
        description: 'Too Many Requests: retry after 2',
        parameters: { retry_after: 2 },
      });
      const body = 'Bạn liên hệ bến xe Giáp Bát để biết giá vé nhé.';

      const res = await api.staff(`/assistant/handoffs/${item.id}/replies`, {
        body: { text: body },
      });
      expect(res.status).toBe(201);

      const isReply = (m: Sent) => m.text.includes(body);
      await waitFor(
        () => sentTo(telegram, chat).filter(isReply).length >= 2,
        15_000,
        'the reply, twice',
      );
      const [refused, delivered] = sentTo(telegram, chat).filter(isReply);
      expect(delivered.text).toBe(`${TEXT.staffReply}\n${body}`);
      expect(delivered.at - refused.at).toBeGreaterThanOrEqual(2_000);
      await quiet(1_500);
      // One refused with 429, one delivered, nothing after.
      expect(sentTo(telegram, chat).filter(isReply)).toHaveLength(2);
      expect((await inbox(api)).find((i) => i.id === item.id)?.status).toBe('answered');
    });
  });

  it('loses nothing when the bot is killed mid-conversation and started again', async (ctx) => {
    ctx.onTestFailed(dumpOnFailure('bot', () => bot.output()));
    const chat = 105;
    const question = (await firstWithStatus(api, OTHER_NO_ANSWER_CANDIDATES, 'no_answer'))!;
    expect(question).toBeDefined();
    push(telegramUpdates.text(chat, question));
    const [toStaff] = await waitForChat(telegram, chat, 1);
    expect(toStaff.text).toContain(TEXT.toStaff);
    // Killed between two updates: once the poller told Telegram the first was handled. (Killed
    // between sending a reply and saying so, the update would come again and its reply twice:
    // docs/operations.md, "Crashes".)
    await waitFor(() => telegram.pendingUpdates.length === 0, 5_000, 'the update acknowledged');

    await bot.kill();
    const whileDown = 'Tôi ở Hải Phòng, cần biết gấp trong tuần này.';
    push(telegramUpdates.text(chat, whileDown));
    await bot.restart();
    const afterRestart = 'Số điện thoại của tôi là 0912 345 678.';
    push(telegramUpdates.text(chat, afterRestart));

    const messages = await waitForChat(telegram, chat, 3);
    expect(messages.map((m) => m.text)).toEqual([toStaff.text, TEXT.noted, TEXT.noted]);
    // Both later messages joined the same inbox item.
    const items = (await inbox(api)).filter(
      (i) => i.channel === 'telegram' && i.question === question,
    );
    expect(items).toHaveLength(1);
    const inbound = (await transcript(api, items[0].id))
      .filter((m) => m.direction === 'in')
      .map((m) => m.text);
    expect(inbound).toEqual(expect.arrayContaining([question, whileDown, afterRestart]));
    await quiet(500);
    expect(sentTo(telegram, chat)).toHaveLength(3);
  });
});

// --- Telegram, webhook -----------------------------------------------------------------------------

describe('Telegram by webhook', { timeout: 60_000 }, () => {
  let telegram: FakeTelegramServer;
  let api: HelpdeskApi;
  let bot: RunningBotProcess;

  beforeAll(async () => {
    telegram = await FakeTelegramServer.start();
    api = await apiStarts.telegram;
    bot = await startWebhookBot(telegram, api, BRISK_PACING);
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await bot?.stop();
    await telegram?.close();
  });

  it('registers its webhook with the secret and never polls', () => {
    expect(telegram.webhook).toMatchObject({
      url: `${bot.url}/webhooks/telegram`,
      secret_token: WEBHOOK_SECRET,
    });
    expect(telegram.callsTo('getUpdates')).toHaveLength(0);
  });

  it('answers an update delivered three times exactly once', async () => {
    const update = { update_id: 7001, ...telegramUpdates.text(201, LICENCE_QUESTION) };
    // As Telegram does: a delivery not answered 200 comes again a little later. A delivery that
    // finds another one still sending the replies is such a one (500).
    const deliver = async () => {
      for (let tries = 1; tries < 20; tries++) {
        const { status } = await postTelegramWebhook(bot, update);
        if (status === 200) return status;
        expect(status).toBe(500);
        await quiet(300);
      }
      return 0;
    };

    const statuses = await Promise.all([1, 2, 3].map(deliver));
    const again = await postTelegramWebhook(bot, update);

    expect(statuses).toEqual([200, 200, 200]);
    expect(again.status).toBe(200);
    await quiet(300);
    const messages = sentTo(telegram, 201);
    expect(messages.map((m) => m.text.split('\n')[0])).toEqual([LICENCE_FAQ]);
  });

  it('handles messages Telegram allows but the API would refuse as they are, answering 200', async () => {
    // 4096 characters, Telegram's limit: the API takes 4000 of a command's argument.
    const long = `/canbo ${'Tôi cần gặp cán bộ gấp. '.repeat(170)}`.slice(0, 4096);
    // "İ" lowercases to two characters: an 80-character command name (the API takes 64).
    const odd = `/${'İ'.repeat(40)}`;

    const first = await postTelegramWebhook(bot, {
      update_id: 7010,
      ...telegramUpdates.text(210, long),
    });
    const second = await postTelegramWebhook(bot, {
      update_id: 7011,
      ...telegramUpdates.text(211, odd),
    });

    expect([first.status, second.status]).toEqual([200, 200]);
    expect(sentTo(telegram, 210).map((m) => m.text)).toEqual([
      expect.stringContaining(TEXT.toStaff),
    ]);
    // Read as a question outside the field: what this channel answers, then the topics.
    expect(sentTo(telegram, 211).length).toBeGreaterThan(0);
  });

  it('delivers the answer once when the first send fails with 502 and Telegram delivers again', async () => {
    const update = { update_id: 7020, ...telegramUpdates.text(220, LICENCE_QUESTION) };
    telegram.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' });

    const failed = await postTelegramWebhook(bot, update);
    const again = await postTelegramWebhook(bot, update);
    const third = await postTelegramWebhook(bot, update);

    expect([failed.status, again.status, third.status]).toEqual([500, 200, 200]);
    await quiet(300);
    // The refused send and the one delivery; the third delivery found it sent.
    const messages = sentTo(telegram, 220);
    expect(messages).toHaveLength(2);
    expect(messages.every((m) => m.text.startsWith(LICENCE_FAQ))).toBe(true);
  });

  it('refuses an update without the right secret (401), and does not record it', async () => {
    const update = { update_id: 7002, ...telegramUpdates.text(202, LICENCE_QUESTION) };

    const wrong = await postTelegramWebhook(bot, update, 'not-the-secret');
    const missing = await postTelegramWebhook(bot, update, '');

    expect(wrong.status).toBe(401);
    expect(missing.status).toBe(401);
    expect(sentTo(telegram, 202)).toHaveLength(0);
    // The refused deliveries left no trace: the genuine one is answered in full.
    expect((await postTelegramWebhook(bot, update)).status).toBe(200);
    expect(sentTo(telegram, 202)).toHaveLength(1);
  });
});

// --- Zalo --------------------------------------------------------------------------------------------

describe('Zalo OA webhook (real client, fake OA API)', { timeout: 60_000 }, () => {
  let zalo: FakeZaloServer;
  let api: HelpdeskApi;
  let bot: RunningBotProcess;

  const post = (request: { headers: Record<string, string>; body: string }) =>
    fetch(`${bot.url}/webhooks/zalo`, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
    });
  const deliveredTo = (userId: string) => zalo.delivered.filter((m) => m.userId === userId);

  beforeAll(async () => {
    zalo = await startFakeZaloServer();
    api = await apiStarts.zalo;
    bot = await startBuiltBot({
      API_URL: api.baseUrl,
      BOT_SERVICE_TOKEN: SERVICE_TOKEN,
      ZALO_APP_ID: zalo.options.appId,
      ZALO_OA_SECRET_KEY: zalo.options.oaSecretKey,
      ZALO_OA_ACCESS_TOKEN: zalo.options.accessToken,
      ZALO_API_BASE: zalo.url,
      ...BRISK_PACING,
    });
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await bot?.stop();
    await zalo?.close();
  });

  it('answers a signed text event through the OA API, with the access token', async () => {
    const user = '3001';

    const res = await post(
      zalo.signedEvent(zaloTextEvent({ userId: user, text: LICENCE_QUESTION })),
    );

    expect(res.status).toBe(200);
    await waitFor(() => deliveredTo(user).length >= 1, 10_000, 'the answer on Zalo');
    const [answer] = deliveredTo(user);
    expect(answer.accessToken).toBe(zalo.validAccessToken);
    expect(answer.message.text?.startsWith(LICENCE_FAQ)).toBe(true);
    expect(answer.message.text?.endsWith(TEXT.askUseful)).toBe(true);
    expect(JSON.stringify(answer.message.attachment)).toContain('👍 Có');
  });

  it('greets a person who opens the chat (user_click_chatnow) with the welcome', async () => {
    const user = '3004';

    const res = await post(zalo.signedEvent(zaloChatNowEvent({ userId: user })));

    expect(res.status).toBe(200);
    await waitFor(() => deliveredTo(user).length >= 1, 10_000, 'the welcome on Zalo');
    expect(deliveredTo(user)[0].message.text?.startsWith(TEXT.welcome)).toBe(true);
  });

  it('sends the answer again, once, when Zalo fails for a moment after the webhook was answered', async () => {
    const user = '3005';
    zalo.failNextSends({ kind: 'server-error', status: 502 }, 1, user);

    const res = await post(
      zalo.signedEvent(zaloTextEvent({ userId: user, text: LICENCE_QUESTION })),
    );

    expect(res.status).toBe(200);
    await waitFor(() => deliveredTo(user).length >= 1, 20_000, 'the answer sent again');
    await quiet(500);
    expect(zalo.messages.filter((m) => m.userId === user).map((m) => m.answeredError)).toEqual([
      -1, 0,
    ]);
    expect(deliveredTo(user)[0].message.text?.startsWith(LICENCE_FAQ)).toBe(true);
  });

  it('refuses a forged signature with 401 and sends nothing', async () => {
    const user = '3002';
    const event = zaloTextEvent({ userId: user, text: LICENCE_QUESTION });

    const forged = await post(zalo.signedEvent(event, { secret: 'someone-elses-key' }));
    const genuine = zalo.signedEvent(event);
    const tampered = await post({
      ...genuine,
      body: genuine.body.replace(LICENCE_QUESTION, 'chuyen tien'),
    });

    expect(forged.status).toBe(401);
    expect(tampered.status).toBe(401);
    await quiet(300);
    expect(deliveredTo(user)).toHaveLength(0);
  });

  it('drops validly signed events 6 hours old, 30 days old or a day ahead, and answers a fresh one', async () => {
    const user = '3006';
    const hour = 3_600_000;
    const sentAt = [Date.now() - 6 * hour, Date.now() - 30 * 24 * hour, Date.now() + 24 * hour];

    for (const at of sentAt) {
      const event = {
        ...zaloTextEvent({ userId: user, text: LICENCE_QUESTION }),
        timestamp: `${at}`,
      };
      const res = await post(zalo.signedEvent(event));
      // 200, or Zalo would deliver the replayed event again for 12 hours.
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ ignored: 'stale' });
    }
    await quiet(300);
    expect(deliveredTo(user)).toHaveLength(0);

    await post(zalo.signedEvent(zaloTextEvent({ userId: user, text: LICENCE_QUESTION })));
    await waitFor(() => deliveredTo(user).length >= 1, 10_000, 'the answer to the fresh event');
    expect(deliveredTo(user)).toHaveLength(1);
  });

  it('handles a message from a person who unfollowed, without a crash', async () => {
    const user = '3003';

    const unfollow = await post(
      zalo.signedEvent(zaloFollowEvent({ userId: user, unfollow: true })),
    );
    const message = await post(
      zalo.signedEvent(zaloTextEvent({ userId: user, text: LICENCE_QUESTION })),
    );

    expect(unfollow.status).toBe(200);
    expect(message.status).toBe(200);
    await waitFor(() => deliveredTo(user).length >= 1, 10_000, 'the answer after the unfollow');
    expect(bot.running).toBe(true);
    expect(await (await fetch(`${bot.url}/health`)).json()).toMatchObject({
      status: 'ok',
      channels: ['web', 'zalo'],
    });
  });
});

// --- Zalo tokens kept in the API ------------------------------------------------------------------

describe('Zalo tokens renewed, stored in the API and shared', { timeout: 90_000 }, () => {
  let zalo: FakeZaloServer;
  let api: HelpdeskApi;
  const bots: RunningBotProcess[] = [];

  /** Every instance has the same configuration: the first pair, spent by the first renewal. */
  const startBot = async () => {
    const bot = await startBuiltBot({
      API_URL: api.baseUrl,
      BOT_SERVICE_TOKEN: SERVICE_TOKEN,
      ZALO_APP_ID: zalo.options.appId,
      ZALO_OA_SECRET_KEY: zalo.options.oaSecretKey,
      ZALO_OA_ACCESS_TOKEN: zalo.options.accessToken,
      ZALO_REFRESH_TOKEN: zalo.options.refreshToken,
      ZALO_APP_SECRET: zalo.options.appSecret,
      ZALO_API_BASE: zalo.url,
      ZALO_OAUTH_BASE: zalo.url,
      ...BRISK_PACING,
    });
    bots.push(bot);
    return bot;
  };
  const ask = (bot: RunningBotProcess, user: string) => {
    const { headers, body } = zalo.signedEvent(
      zaloTextEvent({ userId: user, text: LICENCE_QUESTION }),
    );
    return fetch(`${bot.url}/webhooks/zalo`, { method: 'POST', headers, body });
  };
  /** The answer (with its "was it useful" buttons) reached the person. */
  const answered = (user: string) =>
    waitFor(
      () => zalo.delivered.filter((m) => m.userId === user).length >= 1,
      15_000,
      `the answer to ${user} on Zalo`,
    );
  const stored = async () => {
    const res = await fetch(`${api.baseUrl}/api/v1/bot/channels/zalo/tokens`, {
      headers: { authorization: `Bearer ${SERVICE_TOKEN}` },
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const renewals = () => zalo.refreshes.filter((r) => r.ok);
  const outputs = () => bots.map((b) => b.output()).join('\n---\n');

  beforeAll(async () => {
    zalo = await startFakeZaloServer();
    api = await apiStarts.zalo;
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await Promise.all(bots.map((bot) => bot.stop()));
    await zalo?.close();
  });

  it('stores the renewed pair through the API when Zalo rejects the access token', async (ctx) => {
    ctx.onTestFailed(dumpOnFailure('bots', outputs));
    const bot = await startBot();
    expect((await stored()).status).toBe(404);
    zalo.expireAccessToken();

    expect((await ask(bot, '5001')).status).toBe(200);
    await answered('5001');

    expect(renewals().map((r) => r.refreshToken)).toEqual(['refresh-0']);
    expect((await stored()).body).toMatchObject({
      accessToken: zalo.validAccessToken,
      refreshToken: zalo.validRefreshToken,
      revision: 1,
    });
    expect(outputs()).not.toContain(zalo.validRefreshToken);
  });

  it('after a restart, carries on with the stored pair, not the spent ZALO_REFRESH_TOKEN', async (ctx) => {
    ctx.onTestFailed(dumpOnFailure('bots', outputs));
    const refreshesBefore = zalo.refreshes.length;
    await bots[0].restart();

    expect((await ask(bots[0], '5002')).status).toBe(200);
    await answered('5002');

    expect(zalo.refreshes).toHaveLength(refreshesBefore);
    const sent = zalo.messages.filter((m) => m.userId === '5002');
    expect(sent.map((m) => [m.accessToken, m.answeredError])).toEqual([[zalo.validAccessToken, 0]]);
  });

  it('two instances renewing at once end on one valid stored pair', async (ctx) => {
    ctx.onTestFailed(dumpOnFailure('bots', outputs));
    const second = await startBot();
    const spent = zalo.validRefreshToken;
    const before = zalo.refreshes.length;
    zalo.expireAccessToken();

    const statuses = await Promise.all([ask(bots[0], '5003'), ask(second, '5004')]);
    expect(statuses.map((r) => r.status)).toEqual([200, 200]);
    await Promise.all([answered('5003'), answered('5004')]);

    // Both tried the same refresh token; Zalo took it once.
    const attempts = zalo.refreshes.slice(before);
    expect(attempts.every((r) => r.refreshToken === spent)).toBe(true);
    expect(attempts.filter((r) => r.ok)).toHaveLength(1);
    expect((await stored()).body).toMatchObject({
      accessToken: zalo.validAccessToken,
      refreshToken: zalo.validRefreshToken,
      revision: 2,
    });
    for (const user of ['5003', '5004']) {
      const delivered = zalo.delivered.filter((m) => m.userId === user);
      expect(delivered.map((m) => m.accessToken)).toEqual([zalo.validAccessToken]);
    }
  });
});

// --- Two bot instances, one outbox ---------------------------------------------------------------

/** An HTTP pass-through to the fake Bot API that records which methods went through it. */
async function startRelay(target: string) {
  const methods: string[] = [];
  const server = http.createServer((req, res) => {
    methods.push((req.url ?? '').split('/').pop() ?? '');
    const upstream = http.request(
      new URL(req.url ?? '/', target),
      { method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    apiRoot: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    methods,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('two bot instances sharing one outbox', { timeout: 120_000 }, () => {
  const CHATS = Array.from({ length: 10 }, (_, i) => 401 + i);
  const BROADCASTS = 4;
  let telegram: FakeTelegramServer;
  let api: HelpdeskApi;
  let relays: Awaited<ReturnType<typeof startRelay>>[];
  let bots: RunningBotProcess[];
  let nextUpdateId = 9000;

  beforeAll(async () => {
    telegram = await FakeTelegramServer.start();
    relays = [await startRelay(telegram.apiRoot), await startRelay(telegram.apiRoot)];
    api = await apiStarts.instances;
    bots = [];
    for (const relay of relays) {
      // Each instance reaches the fake through its own relay, which counts its sends. An
      // instance has up to two batches under way (8 of the 10 chats): the other takes part.
      bots.push(
        await startWebhookBot(telegram, api, {
          TELEGRAM_API_ROOT: relay.apiRoot,
          OUTBOX_BATCH: '4',
        }),
      );
    }
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await Promise.all((bots ?? []).map((bot) => bot.stop()));
    await Promise.all((relays ?? []).map((relay) => relay.close()));
    await telegram?.close();
  });

  it('delivers every broadcast to every subscriber exactly once, in order', async (ctx) => {
    ctx.onTestFailed(dumpOnFailure('bots', () => bots.map((b) => b.output()).join('\n---\n')));
    // Each chat subscribes through the dialog, its updates spread over both instances.
    await Promise.all(
      CHATS.map(async (chat, i) => {
        for (const [s, step] of subscriptionSteps(chat).entries()) {
          const bot = bots[(i + s) % 2];
          const res = await postTelegramWebhook(bot, { ...step, update_id: nextUpdateId++ });
          expect(res.status).toBe(200);
        }
        expect(sentTo(telegram, chat).at(-1)?.text.startsWith(TEXT.subscribed)).toBe(true);
      }),
    );
    for (const relay of relays) relay.methods.length = 0;

    const titles = Array.from(
      { length: BROADCASTS },
      (_, i) => `Cảnh báo số ${i + 1}: tuyển lao động trái phép`,
    );
    const broadcastIds: string[] = [];
    for (const title of titles) {
      const article = await api.staff('/knowledge/articles', {
        body: {
          kind: 'warning',
          title,
          body: 'Không nộp tiền cho người môi giới tự do; kiểm tra giấy phép của doanh nghiệp.',
          status: 'published',
        },
      });
      expect(article.status).toBe(201);
      const { id: articleId } = (await article.json()) as { id: string };
      const broadcast = await api.staff('/broadcasts', { body: { articleId } });
      expect(broadcast.status).toBe(201);
      const created = (await broadcast.json()) as { id: string; counts: { total: number } };
      expect(created.counts.total).toBe(CHATS.length);
      broadcastIds.push(created.id);
    }

    const isBroadcast = (m: Sent) => titles.some((t) => m.text.includes(t));
    const total = CHATS.length * BROADCASTS;
    const delivered = () => CHATS.flatMap((chat) => sentTo(telegram, chat).filter(isBroadcast));
    await waitFor(() => delivered().length >= total, 30_000, `${total} broadcast messages`);
    await waitFor(
      async () => {
        const counts = await Promise.all(
          broadcastIds.map(
            async (id) =>
              (
                (await (await api.staff(`/broadcasts/${id}`)).json()) as {
                  counts: { sent: number };
                }
              ).counts.sent,
          ),
        );
        return counts.every((sent) => sent === CHATS.length);
      },
      5_000,
      'every outbox item reported sent',
    );
    await quiet(1_000);

    for (const chat of CHATS) {
      const received = sentTo(telegram, chat)
        .filter(isBroadcast)
        .map((m) => titles.find((t) => m.text.includes(t)));
      expect(received, `chat ${chat}`).toEqual(titles);
    }
    expect(delivered()).toHaveLength(total);
    const perInstance = relays.map((r) => r.methods.filter((m) => m === 'sendMessage').length);
    expect(perInstance[0] + perInstance[1]).toBe(total);
    expect(
      perInstance.every((n) => n > 0),
      `sends per instance: ${perInstance.join(', ')}`,
    ).toBe(true);
  });
});
