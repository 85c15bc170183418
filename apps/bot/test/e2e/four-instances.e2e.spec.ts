/**
 * Two APIs and two bots on one PostgreSQL database, behind load balancers, one of each killed
 * in the middle: the scale-out of docs/operations.md ("Several instances") as one test. Built
 * processes, all of them: APIs A and B on one new database of TEST_DATABASE_URL's server, bots
 * A and B (Telegram by webhook, Zalo, the web chat) with API_URL on a round-robin in front of
 * the APIs, and a round-robin in front of the bots where Telegram, Zalo and the web chat post.
 * Staff work through the APIs' round-robin too.
 *
 * Through them go at once: a steady stream of Telegram updates and Zalo events from many chats,
 * web chat messages, staff replies to inbox items, and broadcasts of a short warning to a
 * hundred-odd subscribers (a few hundred messages). Bot A is killed (SIGKILL) while the first
 * broadcasts are being delivered, API A a few seconds later; the survivors carry on.
 *
 * Checked as people see it: each update answered once, each web chat message recorded and
 * answered once, each outbox message (staff reply, broadcast) delivered once and in order per
 * chat. One duplicate is allowed by design and counted apart: a reply or an outbox message whose
 * first copy reached the platform in the last moments before bot A died (sent, not yet
 * recorded as sent: the update comes again, or the lease runs out, and it is sent again;
 * docs/operations.md, "The API or a bot instance crashing"). The figures go to the log.
 *
 * Needs a PostgreSQL server; without TEST_DATABASE_URL the file skips itself. Build first.
 *
 *   TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test \
 *     pnpm --filter @gcm/bot test four-instances
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerDatabase, type ServerDatabase } from '@gcm/testing';
import { ChatTraffic, figuresLine, selfAnsweringQuestions } from '../support/chat-traffic';
import { FakeTelegramServer, telegramUpdates } from '../support/fake-telegram-server';
import { startFakeZaloServer, type FakeZaloServer } from '../support/fake-zalo-server';
import {
  firstWithStatus,
  inbox,
  SERVICE_TOKEN,
  startHelpdeskApi,
  type HelpdeskApi,
} from '../support/helpdesk-api';
import { startRoundRobin, type RoundRobin } from '../support/round-robin';
import { dumpOnFailure, type RunningBotProcess } from '../support/run-built-bot';
import { NO_ANSWER_CANDIDATES, TEXT } from '../support/starter-content';
import {
  postTelegramWebhook,
  sentTo,
  startWebhookBot,
  subscriptionSteps,
  waitForChat,
} from '../support/telegram-chat';
import { quiet, waitFor } from '../support/wait-for';

const SERVER_URL = process.env.TEST_DATABASE_URL;
if (!SERVER_URL) {
  console.warn(
    'four-instances.e2e.spec.ts skipped: it needs a PostgreSQL server in TEST_DATABASE_URL ' +
      '(two API processes cannot share the embedded PGlite)',
  );
}

/** A killed bot's claimed outbox items come back after this lease. */
const LEASE_SECONDS = 10;
/** An outbox message whose first copy reached the platform this long before its bot died may come twice. */
const SENT_NOT_REPORTED_MS = 2_000;
const TELEGRAM_SUBSCRIBERS = Array.from({ length: 100 }, (_, i) => 810_001 + i);
const ZALO_SUBSCRIBERS = Array.from({ length: 20 }, (_, i) => `82000000000${100 + i}`);
const STAFF_CHATS = Array.from({ length: 8 }, (_, i) => 830_001 + i);
const TRAFFIC_CHATS = Array.from({ length: 24 }, (_, i) => 840_001 + i);
const TRAFFIC_ZALO = Array.from({ length: 8 }, (_, i) => `85000000000${100 + i}`);
const WEB_SESSIONS = Array.from({ length: 6 }, () => randomUUID());
const STAFF_REPLIES = 3;
const BROADCASTS = 3;

/** One message the API queued for a chat (`telegram:<id>` or `zalo:<id>`). */
interface Expected {
  chat: string;
  text: string;
}

describe.runIf(SERVER_URL)(
  'two APIs and two bots behind load balancers, one of each killed',
  () => {
    let database: ServerDatabase;
    let telegram: FakeTelegramServer;
    let zalo: FakeZaloServer;
    let apiA: HelpdeskApi;
    let apiB: HelpdeskApi;
    let botA: RunningBotProcess;
    let botB: RunningBotProcess;
    let apis: RoundRobin;
    let bots: RoundRobin;
    let nextUpdateId = 3_000_000;

    const everyOutput = () =>
      Object.entries({ 'API A': apiA, 'API B': apiB, 'bot A': botA, 'bot B': botB })
        .map(([label, proc]) => `--- ${label} ---\n${proc?.output() ?? '(not started)'}`)
        .join('\n');

    /** A staff request through the APIs' load balancer (the session is good on both). */
    async function staff<T>(path: string, body: unknown, status: number): Promise<T> {
      const res = await fetch(`${apis.url}/api/v1${path}`, {
        method: 'POST',
        headers: { cookie: apiA.cookie, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const text = await res.text();
      expect(res.status, `POST ${path}: ${text}`).toBe(status);
      return JSON.parse(text) as T;
    }

    beforeAll(async () => {
      database = await createServerDatabase(SERVER_URL!);
      [telegram, zalo] = await Promise.all([FakeTelegramServer.start(), startFakeZaloServer()]);
      // One after the other: API A migrates and loads the demo data, API B finds both done.
      apiA = await startHelpdeskApi({ DATABASE_URL: database.url });
      apiB = await startHelpdeskApi({ DATABASE_URL: database.url });
      apis = await startRoundRobin([apiA.baseUrl, apiB.baseUrl]);
      const botVars = {
        ZALO_APP_ID: zalo.options.appId,
        ZALO_OA_SECRET_KEY: zalo.options.oaSecretKey,
        ZALO_OA_ACCESS_TOKEN: zalo.options.accessToken,
        ZALO_API_BASE: zalo.url,
        OUTBOX_LEASE_SECONDS: String(LEASE_SECONDS),
        // Every web chat session here comes from 127.0.0.1, through the balancer: the web
        // chat's limits per session and per address are not under test.
        WEB_CHAT_RATE_LIMIT: '1000',
        WEB_CHAT_ADDRESS_RATE_LIMIT: '10000',
      };
      const viaBalancer = { ...apiA, baseUrl: apis.url };
      [botA, botB] = await Promise.all([
        startWebhookBot(telegram, viaBalancer, botVars),
        startWebhookBot(telegram, viaBalancer, botVars),
      ]);
      bots = await startRoundRobin([botA.url, botB.url]);
    }, 180_000);

    afterAll(async () => {
      await Promise.all([botA?.stop(), botB?.stop()]);
      await Promise.all([apiA?.close(), apiB?.close()]);
      await Promise.all([apis?.close(), bots?.close(), telegram?.close(), zalo?.close()]);
      await database?.drop();
    }, 60_000);

    /** Posts a Telegram update through the bots' balancer until it gets 200, as Telegram does. */
    async function deliverTelegram(update: Record<string, unknown>): Promise<void> {
      const target = { url: bots.url } as RunningBotProcess;
      const numbered = { ...update, update_id: nextUpdateId++ };
      await waitFor(
        async () => (await postTelegramWebhook(target, numbered)).status === 200,
        30_000,
        'a 200 for a Telegram update',
      );
    }

    async function deliverZalo(user: string, text: string, k: number): Promise<void> {
      const { headers, body } = zalo.signedEvent({
        event_name: 'user_send_text',
        sender: { id: user },
        recipient: { id: '579745863508352884' },
        message: { msg_id: `setup-${user}-${k}`, text },
      });
      await waitFor(
        async () =>
          (await fetch(`${bots.url}/webhooks/zalo`, { method: 'POST', headers, body })).status ===
          200,
        30_000,
        'a 200 for a Zalo event',
      );
    }

    const zaloTo = (user: string) =>
      zalo.delivered
        .filter((m) => m.userId === user)
        .map((m) => ({ text: m.message.text ?? '', at: m.at }));
    const telegramTo = (chat: number | string) =>
      sentTo(telegram, Number(chat)).map((m) => ({ text: m.text, at: m.at }));

    /** Every chat subscribes to every topic everywhere, each step pressing the last reply's button. */
    async function subscribeEveryone(): Promise<void> {
      const zaloSteps = ['/dangky', '#gcm:sub:t:all', '#gcm:sub:l:all', '#gcm:sub:ok'];
      await Promise.all([
        ...TELEGRAM_SUBSCRIBERS.map(async (chat) => {
          for (const step of subscriptionSteps(chat)) {
            const before = sentTo(telegram, chat).length;
            await deliverTelegram(step);
            await waitForChat(telegram, chat, before + 1, 30_000);
          }
        }),
        ...ZALO_SUBSCRIBERS.map(async (user) => {
          for (const [k, step] of zaloSteps.entries()) {
            const before = zaloTo(user).length;
            await deliverZalo(user, step, k);
            await waitFor(() => zaloTo(user).length > before, 30_000, `a Zalo reply to ${user}`);
          }
        }),
      ]);
      for (const chat of TELEGRAM_SUBSCRIBERS) {
        expect(telegramTo(chat).at(-1)?.text.startsWith(TEXT.subscribed), `chat ${chat}`).toBe(
          true,
        );
      }
      // A Zalo answer with many buttons is two messages ("…" carries the rest), so a step may go
      // on before the last one's second message: wait for the consent's answer itself.
      for (const user of ZALO_SUBSCRIBERS) {
        await waitFor(
          () => zaloTo(user).some((m) => m.text.startsWith(TEXT.subscribed)),
          10_000,
          `Zalo ${user} subscribed`,
        );
      }
    }

    /** Each staff chat asks what nobody curated: one inbox item each, in chat order. */
    async function openInboxItems(): Promise<Map<number, string>> {
      const question = await firstWithStatus(apiB, NO_ANSWER_CANDIDATES, 'no_answer');
      expect(question, 'none of the no-answer questions is unanswered').toBeDefined();
      const items = new Map<number, string>();
      for (const chat of STAFF_CHATS) {
        await deliverTelegram(telegramUpdates.text(chat, question!));
        await waitForChat(telegram, chat, 1);
        const taken = new Set(items.values());
        const item = (await inbox(apiB, 'open')).find(
          (i) => i.channel === 'telegram' && i.question === question && !taken.has(i.id),
        );
        expect(item, `an inbox item for chat ${chat}`).toBeDefined();
        items.set(chat, item!.id);
      }
      return items;
    }

    async function queueBroadcast(n: number, expected: Expected[]): Promise<void> {
      // Short enough for one Telegram message and one Zalo message.
      const title = `Cảnh báo ${n}: tuyển lao động đi nước ngoài trái phép`;
      const article = await staff<{ id: string }>(
        '/knowledge/articles',
        {
          kind: 'warning',
          title,
          body: 'Không nộp tiền cho người môi giới tự do.',
          status: 'published',
        },
        201,
      );
      const queued = await staff<{ counts: { total: number } }>(
        '/broadcasts',
        { articleId: article.id },
        201,
      );
      expect(queued.counts.total).toBe(TELEGRAM_SUBSCRIBERS.length + ZALO_SUBSCRIBERS.length);
      for (const chat of TELEGRAM_SUBSCRIBERS)
        expected.push({ chat: `telegram:${chat}`, text: title });
      for (const user of ZALO_SUBSCRIBERS) expected.push({ chat: `zalo:${user}`, text: title });
    }

    async function sendStaffReplies(
      round: number,
      items: Map<number, string>,
      expected: Expected[],
    ): Promise<void> {
      for (const [chat, id] of items) {
        const text = `Trả lời ${round} của cán bộ cho cuộc trò chuyện ${chat}.`;
        await staff(`/assistant/handoffs/${id}/replies`, { text }, 201);
        expected.push({ chat: `telegram:${chat}`, text });
      }
    }

    /** The web chat: each session asks its questions one after another, as the widget posts them. */
    async function webChat(questions: string[], until: () => boolean) {
      const sent: { session: string; question: string; status: number }[] = [];
      await Promise.all(
        WEB_SESSIONS.map(async (session, i) => {
          for (let k = 0; !until(); k++) {
            const question = questions[(i + k) % questions.length];
            const body = JSON.stringify({
              sessionId: session,
              clientMessageId: randomUUID(),
              text: question,
            });
            let status = 0;
            // The widget posts again after a failure, with the same message id.
            for (let tries = 0; status !== 200 && tries < 20; tries++) {
              if (tries > 0) await quiet(1_000);
              status = await fetch(`${bots.url}/web/messages`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body,
              }).then(
                (res) => res.status,
                () => 0,
              );
            }
            sent.push({ session, question, status });
            await quiet(3_000);
          }
        }),
      );
      return sent;
    }

    it(
      'answers each update once and delivers each outbox message once, in order, while an API and a bot die',
      { timeout: 180_000 },
      async (ctx) => {
        ctx.onTestFailed(dumpOnFailure('APIs and bots', everyOutput));
        await subscribeEveryone();
        const items = await openInboxItems();
        const questions = await selfAnsweringQuestions(apiB, 12);
        const expected: Expected[] = [];

        const traffic = new ChatTraffic({
          telegram,
          zalo,
          bot: () => bots.url,
          questions,
          telegramChats: TRAFFIC_CHATS,
          zaloUsers: TRAFFIC_ZALO,
          everyMs: 3_000,
          retryMs: 2_000,
          firstUpdateId: 4_000_000,
        });
        let webDone = false;
        try {
          traffic.start();
          const web = webChat(questions, () => webDone);
          await quiet(3_000);
          await sendStaffReplies(1, items, expected);
          await queueBroadcast(1, expected);
          await queueBroadcast(2, expected);
          // Bot A dies while the first broadcasts are going out.
          await quiet(800);
          const botKilledAt = Date.now();
          await botA.kill();
          await quiet(3_000);
          await sendStaffReplies(2, items, expected);
          await quiet(2_000);
          const apiKilledAt = Date.now();
          await apiA.kill();
          await quiet(1_000);
          await sendStaffReplies(3, items, expected);
          await queueBroadcast(BROADCASTS, expected);
          await quiet(8_000);
          await traffic.stopSending();
          webDone = true;
          const webSent = await web;
          await traffic.settled(45_000);

          // The outbox: everything queued, delivered once each, in the order queued per chat.
          const received = (chat: string) =>
            chat.startsWith('zalo:') ? zaloTo(chat.slice(5)) : telegramTo(chat.slice(9));
          const outboxSettled = () =>
            expected.every((e) => received(e.chat).some((m) => m.text.includes(e.text)));
          await waitFor(outboxSettled, LEASE_SECONDS * 1000 + 30_000, 'every outbox message').catch(
            () => undefined,
          );
          await quiet(3_000);
          await traffic.close();

          const f = traffic.figures([botKilledAt]);
          console.log(figuresLine('Two APIs and two bots, one of each killed', f));

          const o = outboxFigures(expected, received, botKilledAt);
          console.log(
            `  outbox: ${expected.length} messages queued (${BROADCASTS} broadcasts to ` +
              `${TELEGRAM_SUBSCRIBERS.length + ZALO_SUBSCRIBERS.length} subscribers, ` +
              `${STAFF_REPLIES} staff replies to each of ${STAFF_CHATS.length} chats): ` +
              `${o.delivered} delivered, ${o.duplicated} duplicated, ${o.sentBeforeDeath} sent ` +
              `again after bot A died between sending and reporting, ${o.lost} lost, ` +
              `${o.outOfOrder.length} chats out of order`,
          );

          // The web chat: every message taken (200), recorded once and answered once.
          const webProblems = await webRecording(webSent);
          console.log(
            `  web chat: ${webSent.length} messages, ${webSent.filter((s) => s.status === 200).length} taken, ` +
              `${webProblems.length} problems`,
          );
          console.log(
            `  requests per instance: APIs ${JSON.stringify(apis.served)} (${apis.failed} × 502), ` +
              `bots ${JSON.stringify(bots.served)} (${bots.failed} × 502); ` +
              `bot A killed at +${Math.round((botKilledAt - traffic.startedAt) / 1000)} s, ` +
              `API A at +${Math.round((apiKilledAt - traffic.startedAt) / 1000)} s`,
          );

          expect(f.problems, 'updates lost or answered twice').toEqual([]);
          expect(f.unexpected, 'messages that answer no question of the chat').toEqual([]);
          expect(f.unacknowledged).toBe(0);
          expect(o.problems, 'outbox messages lost or sent twice').toEqual([]);
          expect(o.outOfOrder, 'chats whose outbox messages came out of order').toEqual([]);
          expect(o.lost).toBe(0);
          expect(webProblems, 'web chat messages').toEqual([]);
        } finally {
          webDone = true;
          await traffic.close();
        }
      },
    );

    /** Each web message in its session's transcript once, each followed by one answer. */
    async function webRecording(
      sent: { session: string; question: string; status: number }[],
    ): Promise<string[]> {
      const problems: string[] = [];
      for (const session of WEB_SESSIONS) {
        const res = await fetch(`${apis.url}/api/v1/bot/conversations/web/${session}/messages`, {
          headers: { authorization: `Bearer ${SERVICE_TOKEN}` },
        });
        const { items } = (await res.json()) as {
          items: { direction: string; text?: string; reply?: { text?: string } }[];
        };
        const mine = sent.filter((s) => s.session === session);
        for (const s of mine)
          if (s.status !== 200) problems.push(`${session}: ${s.status} for "${s.question}"`);
        const inbound = items.filter((m) => m.direction === 'in').map((m) => m.text);
        const answers = items.filter((m) => m.direction === 'out');
        if (inbound.length !== mine.length) {
          problems.push(`${session}: ${inbound.length} messages recorded for ${mine.length} sent`);
        }
        if (answers.length !== inbound.length) {
          problems.push(`${session}: ${answers.length} answers for ${inbound.length} messages`);
        }
        mine.forEach((s, k) => {
          if (inbound[k] !== s.question)
            problems.push(`${session}: message ${k} is "${inbound[k]}"`);
        });
      }
      return problems;
    }
  },
);

/** A message that reached a chat, and when. */
interface Arrival {
  text: string;
  at: number;
}

/**
 * The outbox as the chats saw it: each expected message delivered (at least once), lost, or
 * delivered again; a second copy of one whose first reached the platform in the last
 * SENT_NOT_REPORTED_MS before bot A died is counted apart (sent, not reported: its lease ran out
 * and another instance sent it). A chat is out of order when the first copies of its messages
 * did not come in the order they were queued.
 */
function outboxFigures(
  expected: Expected[],
  received: (chat: string) => Arrival[],
  botKilledAt: number,
) {
  const figures = {
    delivered: 0,
    duplicated: 0,
    sentBeforeDeath: 0,
    lost: 0,
    outOfOrder: [] as string[],
    problems: [] as string[],
  };
  for (const chat of new Set(expected.map((e) => e.chat))) {
    const mine = expected.filter((e) => e.chat === chat);
    const copies = received(chat).filter((m) => mine.some((e) => m.text.includes(e.text)));
    for (const e of mine) {
      const got = copies.filter((m) => m.text.includes(e.text));
      if (got.length === 0) {
        figures.lost += 1;
        figures.problems.push(`lost: "${e.text}" to ${chat}`);
        continue;
      }
      figures.delivered += 1;
      const again = got.length - 1;
      const first = got[0].at;
      if (first <= botKilledAt + 100 && first > botKilledAt - SENT_NOT_REPORTED_MS) {
        figures.sentBeforeDeath += again;
      } else if (again > 0) {
        figures.duplicated += again;
        figures.problems.push(
          `sent ${got.length} times: "${e.text}" to ${chat} (${got.map((m) => m.at).join(', ')})`,
        );
      }
    }
    const order: string[] = [];
    for (const m of copies) {
      const e = mine.find((x) => m.text.includes(x.text));
      if (e && !order.includes(e.text)) order.push(e.text);
    }
    const queued = mine.map((e) => e.text).filter((t) => order.includes(t));
    if (order.join('\n') !== queued.join('\n')) figures.outOfOrder.push(chat);
  }
  return figures;
}
