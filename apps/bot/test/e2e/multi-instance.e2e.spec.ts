/**
 * Several instances on one database, as docs/operations.md ("Several instances") runs them: two
 * built API processes and two built bot processes on one new database of TEST_DATABASE_URL's
 * server, bot A talking to API A and bot B to API B, both bots in Telegram webhook mode against
 * one fake Bot API. A load balancer may send any webhook to either bot and any staff request to
 * either API; the tests do exactly that and check what people see: every message answered once,
 * the same knowledge everywhere, staff replies and broadcasts delivered once and in order.
 *
 * Black box on purpose: webhooks in; what reached the fake Telegram and the staff API out. The
 * bot's own calls to the API are not looked at, so they may change.
 *
 * Needs a PostgreSQL server: two API processes cannot share the embedded PGlite. Without
 * TEST_DATABASE_URL the file skips itself. Build first (turbo run test does): the API and the bot.
 *
 *   TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test \
 *     pnpm --filter @gcm/bot test multi-instance
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerDatabase, type ServerDatabase } from '@gcm/testing';
import {
  FakeTelegramServer,
  telegramUpdates,
  type UpdateInput,
} from '../support/fake-telegram-server';
import {
  firstWithStatus,
  inbox,
  startHelpdeskApi,
  transcript,
  type HelpdeskApi,
} from '../support/helpdesk-api';
import { dumpOnFailure, type RunningBotProcess } from '../support/run-built-bot';
import {
  LICENCE_ANSWER_END,
  LICENCE_FIRST_PART_END,
  LICENCE_FAQ,
  LICENCE_QUESTION,
  NO_ANSWER_CANDIDATES,
  TEXT,
} from '../support/starter-content';
import {
  postTelegramWebhook,
  sentTo,
  startWebhookBot,
  subscriptionSteps,
  waitForChat,
  type Sent,
} from '../support/telegram-chat';
import { quiet, waitFor } from '../support/wait-for';

const SERVER_URL = process.env.TEST_DATABASE_URL;
if (!SERVER_URL) {
  console.warn(
    'multi-instance.e2e.spec.ts skipped: it needs a PostgreSQL server in TEST_DATABASE_URL ' +
      '(two API processes cannot share the embedded PGlite)',
  );
}

/** Two APIs one after the other, two bots side by side, on a busy 2-core CI. */
const START_TIMEOUT_MS = 180_000;
/** Long enough for a bot's outbox worker that has backed off to its 2 s idle wait. */
const DELIVERY_TIMEOUT_MS = 30_000;
/** How long nothing more may arrive, once what should arrive has. */
const QUIET_MS = 1_000;

interface QuestionLogEntry {
  channel: string;
  text: string;
  status: string;
}

describe.runIf(SERVER_URL)('two APIs and two bots on one PostgreSQL database', () => {
  let database: ServerDatabase;
  let telegram: FakeTelegramServer;
  let apiA: HelpdeskApi;
  let apiB: HelpdeskApi;
  let botA: RunningBotProcess;
  let botB: RunningBotProcess;

  // Telegram numbers the updates of one bot token, whichever instance a webhook reaches.
  let nextUpdateId = 500_000;
  const numbered = (update: UpdateInput) => ({ ...update, update_id: nextUpdateId++ });

  /** Delivers an update to `bot`'s webhook, as Telegram (or a load balancer) would. */
  async function deliver(bot: RunningBotProcess, update: UpdateInput): Promise<void> {
    const res = await postTelegramWebhook(bot, update);
    expect(res.status, `webhook of ${bot.url}`).toBe(200);
  }

  /** Delivers an update until it gets 200, as Telegram does: again after any other answer. */
  async function deliverUntilTaken(bot: RunningBotProcess, update: UpdateInput): Promise<number> {
    for (let tries = 1; ; tries++) {
      if ((await postTelegramWebhook(bot, update)).status === 200) return tries;
      expect(tries, `webhook of ${bot.url} never answered 200`).toBeLessThan(20);
      await quiet(500);
    }
  }

  /** Waits for a message in each of `chats`, then a while longer: nothing more may come. */
  async function everyChatAnswered(chats: number[]): Promise<void> {
    await waitFor(
      () => chats.every((chat) => sentTo(telegram, chat).length >= 1),
      DELIVERY_TIMEOUT_MS,
      'an answer in every chat',
    );
    await quiet(QUIET_MS);
  }

  /** What the four processes printed, for a failed test's log. */
  const everyOutput = () =>
    Object.entries({ 'API A': apiA, 'API B': apiB, 'bot A': botA, 'bot B': botB })
      .map(([label, proc]) => `--- ${label} ---\n${proc?.output() ?? '(not started)'}`)
      .join('\n');

  beforeAll(async () => {
    database = await createServerDatabase(SERVER_URL!);
    telegram = await FakeTelegramServer.start();
    // One after the other: API A migrates the new database and loads the demo data; API B finds
    // both done. Instances started together would race on the migrations (operations.md).
    apiA = await startHelpdeskApi({ DATABASE_URL: database.url });
    apiB = await startHelpdeskApi({ DATABASE_URL: database.url });
    // Both register a webhook with the one fake (the last wins): the tests post to each bot's
    // own URL, as a load balancer in front of them would.
    [botA, botB] = await Promise.all([
      startWebhookBot(telegram, apiA),
      startWebhookBot(telegram, apiB),
    ]);
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await Promise.all([botA?.stop(), botB?.stop()]);
    await Promise.all([apiA?.close(), apiB?.close()]);
    await telegram?.close();
    await database?.drop();
  }, 60_000);

  it(
    'answers each of many chats once, with the curated answer, whichever bot gets the update',
    { timeout: 60_000 },
    async (ctx) => {
      ctx.onTestFailed(dumpOnFailure('API and bot', everyOutput));
      const chats = Array.from({ length: 20 }, (_, i) => 1001 + i);

      await Promise.all(
        chats.map((chat, i) =>
          deliver(
            i % 2 === 0 ? botA : botB,
            numbered(telegramUpdates.text(chat, LICENCE_QUESTION)),
          ),
        ),
      );

      await everyChatAnswered(chats);
      for (const chat of chats) {
        const [answer, ...more] = sentTo(telegram, chat);
        expect(answer.text.startsWith(`${LICENCE_FAQ}\n`), `chat ${chat}: ${answer.text}`).toBe(
          true,
        );
        expect(answer.text).toContain(LICENCE_FIRST_PART_END);
        expect(answer.text).not.toContain(LICENCE_ANSWER_END);
        expect(answer.text.endsWith(`\n\n${TEXT.askUseful}`)).toBe(true);
        expect(more, `chat ${chat} got more than one answer`).toEqual([]);
      }
    },
  );

  it(
    'records and answers an update once when Telegram retries it on the other instance',
    { timeout: 60_000 },
    async (ctx) => {
      ctx.onTestFailed(dumpOnFailure('API and bot', everyOutput));
      // A phrasing of its own, so the question log shows this test's questions only.
      const question = 'cong ty xkld nay co giay phep khong';
      const chats = Array.from({ length: 6 }, (_, i) => 2001 + i);

      // Each update reaches both bots at the same moment: its first delivery on one instance, a
      // retry (the first seemed to time out) on the other, both before either has answered.
      // The one that finds the other still delivering answers 5xx, and Telegram tries it again.
      await Promise.all(
        chats.flatMap((chat) => {
          const update = numbered(telegramUpdates.text(chat, question));
          return [deliverUntilTaken(botA, update), deliverUntilTaken(botB, update)];
        }),
      );

      await everyChatAnswered(chats);
      for (const chat of chats) {
        const texts = sentTo(telegram, chat).map((m) => m.text.split('\n')[0]);
        expect(texts, `chat ${chat}`).toEqual([LICENCE_FAQ]);
      }
      // One question recorded per update, however many instances it reached.
      const log = await apiB.staffJson<{ items: QuestionLogEntry[] }>(
        '/assistant/questions?pageSize=200',
      );
      const recorded = log.items.filter((q) => q.channel === 'telegram' && q.text === question);
      expect(recorded).toHaveLength(chats.length);
      expect(recorded.every((q) => q.status === 'answered')).toBe(true);
    },
  );

  it(
    'answers through bot B with an FAQ published, then edited, through API A, at once',
    { timeout: 60_000 },
    async (ctx) => {
      ctx.onTestFailed(dumpOnFailure('API and bot', everyOutput));
      const chat = 3001;
      // Office hours: a question a ward's staff might curate, which no starter FAQ answers.
      const typed = 'gio lam viec cua bo phan mot cua phuong';
      // API B has answered questions already, so its matcher is loaded: the FAQ below must reach
      // it through the database, not through a restart.
      expect((await apiB.ask(typed)).status).toBe('no_answer');
      const [topic] = await apiA.staffJson<{ id: string }[]>('/knowledge/topics');
      const question = 'Bộ phận một cửa của phường làm việc vào giờ nào?';
      const first =
        'Từ thứ Hai đến thứ Sáu, sáng 7 giờ 30 đến 11 giờ 30, chiều 13 giờ 30 đến 17 giờ.';
      const edited = 'Từ thứ Hai đến sáng thứ Bảy, sáng 7 giờ đến 11 giờ, chiều 13 giờ đến 17 giờ.';

      const faq = await apiA.staffJson<{ id: string }>(
        '/knowledge/faqs',
        { body: { topicId: topic.id, question, answer: first, status: 'published' } },
        201,
      );
      await deliver(botB, numbered(telegramUpdates.text(chat, typed)));
      const [answer] = await waitForChat(telegram, chat, 1);
      expect(answer.text).toBe(`${question}\n\n${first}\n\n${TEXT.askUseful}`);

      await apiA.staffJson(`/knowledge/faqs/${faq.id}`, {
        method: 'PATCH',
        body: { answer: edited },
      });
      await deliver(botB, numbered(telegramUpdates.text(chat, typed)));
      const [, again] = await waitForChat(telegram, chat, 2);
      expect(again.text).toBe(`${question}\n\n${edited}\n\n${TEXT.askUseful}`);
    },
  );

  it(
    'hands a question with no answer to staff through bot A, and brings the reply sent through API B to the chat once',
    { timeout: 60_000 },
    async (ctx) => {
      ctx.onTestFailed(dumpOnFailure('API and bot', everyOutput));
      const chat = 4001;
      const question = await firstWithStatus(apiA, NO_ANSWER_CANDIDATES, 'no_answer');
      expect(question, 'none of the no-answer questions is unanswered').toBeDefined();

      await deliver(botA, numbered(telegramUpdates.text(chat, question!)));
      const [toStaff] = await waitForChat(telegram, chat, 1);
      expect(toStaff.text).toContain(TEXT.toStaff);

      // The inbox as API B shows it: one item for the question, from Telegram.
      const items = (await inbox(apiB, 'open')).filter(
        (i) => i.channel === 'telegram' && i.question === question,
      );
      expect(items).toHaveLength(1);
      const reply = 'Bạn liên hệ bến xe Giáp Bát để biết giá vé nhé.';
      await apiB.staffJson(
        `/assistant/handoffs/${items[0].id}/replies`,
        { body: { text: reply } },
        201,
      );

      // Either bot may deliver it: whichever claims it first from its own API.
      const isReply = (m: Sent) => m.text.includes(reply);
      await waitFor(
        () => sentTo(telegram, chat).some(isReply),
        DELIVERY_TIMEOUT_MS,
        'the staff reply in the chat',
      );
      await quiet(QUIET_MS);
      expect(sentTo(telegram, chat).map((m) => m.text)).toEqual([
        toStaff.text,
        `${TEXT.staffReply}\n${reply}`,
      ]);
      expect((await inbox(apiA)).find((i) => i.id === items[0].id)?.status).toBe('answered');
      // The person's side of the conversation, as staff read it: the question, stored once.
      const inbound = (await transcript(apiA, items[0].id)).filter((m) => m.direction === 'in');
      expect(inbound.map((m) => m.text)).toEqual([question]);
    },
  );

  it(
    'delivers broadcasts queued through one API once to every subscriber, in order, by either bot',
    { timeout: 120_000 },
    async (ctx) => {
      ctx.onTestFailed(dumpOnFailure('API and bot', everyOutput));
      const chats = Array.from({ length: 10 }, (_, i) => 5001 + i);
      const broadcasts = 4;

      // Each chat subscribes through the dialog, its steps landing on either bot in turn.
      await Promise.all(
        chats.map(async (chat, i) => {
          for (const [s, step] of subscriptionSteps(chat).entries()) {
            // The next step presses a button of this step's reply: wait for that reply.
            const before = sentTo(telegram, chat).length;
            await deliver((i + s) % 2 === 0 ? botA : botB, numbered(step));
            await waitForChat(telegram, chat, before + 1);
          }
        }),
      );
      for (const chat of chats) {
        expect(
          sentTo(telegram, chat).at(-1)?.text.startsWith(TEXT.subscribed),
          `chat ${chat}`,
        ).toBe(true);
      }

      const titles = Array.from(
        { length: broadcasts },
        (_, i) => `Cảnh báo số ${i + 1}: tuyển lao động đi nước ngoài trái phép`,
      );
      const broadcastIds: string[] = [];
      for (const title of titles) {
        const article = await apiA.staffJson<{ id: string }>(
          '/knowledge/articles',
          {
            body: {
              kind: 'warning',
              title,
              body: 'Không nộp tiền cho người môi giới tự do; kiểm tra giấy phép của doanh nghiệp.',
              status: 'published',
            },
          },
          201,
        );
        const queued = await apiA.staffJson<{ id: string; counts: { total: number } }>(
          '/broadcasts',
          { body: { articleId: article.id } },
          201,
        );
        expect(queued.counts.total).toBe(chats.length);
        broadcastIds.push(queued.id);
      }

      const titleOf = (m: Sent) => titles.find((t) => m.text.includes(t));
      const received = (chat: number) =>
        sentTo(telegram, chat)
          .map(titleOf)
          .filter((t) => t !== undefined);
      const total = chats.length * broadcasts;
      await waitFor(
        () => chats.reduce((n, chat) => n + received(chat).length, 0) >= total,
        DELIVERY_TIMEOUT_MS,
        `${total} broadcast messages`,
      );
      // Counted through the other API: whichever bot delivered, its report reached the database.
      await waitFor(
        async () => {
          const counts = await Promise.all(
            broadcastIds.map(
              async (id) =>
                (await apiB.staffJson<{ counts: { sent: number } }>(`/broadcasts/${id}`)).counts
                  .sent,
            ),
          );
          return counts.every((sent) => sent === chats.length);
        },
        DELIVERY_TIMEOUT_MS,
        'every broadcast counted as sent to every subscriber',
      );
      await quiet(QUIET_MS);

      for (const chat of chats) expect(received(chat), `chat ${chat}`).toEqual(titles);
    },
  );
});
