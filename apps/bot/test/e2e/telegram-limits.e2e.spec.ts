/**
 * A broadcast and people's questions under Telegram's limits, end to end: the built API (demo
 * data) and the built bot (real telegraf, long polling) against the fake Bot API enforcing
 * Telegram's limits (30 messages a second per bot, 1 a second per chat; 429 with retry_after
 * beyond them).
 *
 * 300 subscribers get a warning long enough for two Telegram messages, while 20 of them ask a
 * question. What people notice is asserted: every subscriber gets the warning once, whole and in
 * order; the API counts every delivery sent; the questions are answered within 3 s (p95);
 * Telegram never had to refuse a message. The figures (messages a second, 429s, duplicates,
 * missing parts, the answers' p50/p95) are printed, to be quoted:
 *
 *   cd apps/bot && npx vitest run test/e2e/telegram-limits.e2e.spec.ts
 *
 * Build first (turbo run test does): the API and the bot. TEST_DATABASE_URL=postgresql://… runs
 * the API on a new database on that server instead of the embedded PGlite.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BotEvent, BotEventBatchResponse } from '@gcm/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerDatabase } from '@gcm/testing';
import {
  FakeTelegramServer,
  telegramUpdates,
  type RecordedCall,
} from '../support/fake-telegram-server';
import { SERVICE_TOKEN, startHelpdeskApi, type HelpdeskApi } from '../support/helpdesk-api';
import { dumpOnFailure, startBuiltBot, type RunningBotProcess } from '../support/run-built-bot';
import { LICENCE_FAQ, LICENCE_QUESTION, TEXT } from '../support/starter-content';
import { readSent } from '../support/telegram-chat';
import { quiet, waitFor } from '../support/wait-for';

const SUBSCRIBERS = 300;
const QUESTIONS = 20;
/** Between two questions: they come while the broadcast goes out (about 20 s). */
const QUESTION_EVERY_MS = 500;
const FIRST_CHAT = 700_000;

const TITLE = 'Cảnh báo: tuyển lao động đi làm việc ở nước ngoài trái phép';
const PART_2_END = 'Hết cảnh báo. Mọi thắc mắc xin gọi đường dây nóng.';
/** About 5,500 characters: Telegram takes at most 4,096 a message, so two messages. */
const BODY = [
  ...Array.from(
    { length: 14 },
    (_, i) =>
      `${i + 1}. Các đối tượng môi giới hứa hẹn việc nhẹ lương cao ở nước ngoài, thu tiền đặt cọc ` +
      'rồi cắt liên lạc. Không nộp tiền cho người môi giới tự do; kiểm tra giấy phép của doanh ' +
      'nghiệp với Sở Lao động trước khi ký hợp đồng.',
  ),
  ...Array.from(
    { length: 12 },
    (_, i) =>
      `Lưu ý ${i + 1}: giữ lại bản sao hộ chiếu và hợp đồng, báo cho gia đình nơi làm việc và ` +
      'số điện thoại của cơ quan đại diện Việt Nam ở nước sở tại.',
  ),
  PART_2_END,
].join('\n\n');

const START_TIMEOUT_MS = 180_000;
const DELIVERY_TIMEOUT_MS = 90_000;

interface Question {
  chatId: number;
  askedAt: number;
}

describe('a two-part broadcast and questions under Telegram’s limits', () => {
  let telegram: FakeTelegramServer;
  let api: HelpdeskApi;
  let bot: RunningBotProcess;

  beforeAll(async () => {
    telegram = await FakeTelegramServer.start({ floodLimits: true });
    api = await startApi();
    bot = await startBuiltBot({
      API_URL: api.baseUrl,
      BOT_SERVICE_TOKEN: SERVICE_TOKEN,
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
    });
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await bot?.stop();
    await api?.close();
    await telegram?.close();
  }, 30_000);

  it(
    `delivers it to ${SUBSCRIBERS} subscribers once, whole and in order, and answers questions asked meanwhile within 3 s`,
    { timeout: START_TIMEOUT_MS },
    async (ctx) => {
      ctx.onTestFailed(dumpOnFailure('bot', () => bot.output()));
      const chats = Array.from({ length: SUBSCRIBERS }, (_, i) => FIRST_CHAT + i);
      await subscribe(api, chats);
      const articleId = await publishWarning(api);

      const broadcast = await api.staffJson<{ id: string; counts: { total: number } }>(
        '/broadcasts',
        { body: { articleId } },
        201,
      );
      expect(broadcast.counts.total).toBe(SUBSCRIBERS);

      // Questions from subscribers, once the broadcast is under way: their chats are the ones
      // the warning is going to.
      const isBroadcast = (call: RecordedCall) => readSent(call).text.includes(TITLE);
      await telegram.waitUntil(
        () => telegram.delivered.filter(isBroadcast).length >= 30,
        DELIVERY_TIMEOUT_MS,
        'the broadcast to begin',
      );
      const questions: Question[] = [];
      for (let i = 0; i < QUESTIONS; i += 1) {
        const chatId = chats[(i * 37) % chats.length];
        telegram.pushUpdate(telegramUpdates.text(chatId, LICENCE_QUESTION));
        questions.push({ chatId, askedAt: Date.now() });
        await quiet(QUESTION_EVERY_MS);
      }

      const parts = () => broadcastParts(telegram);
      await waitFor(
        () => parts().length >= 2 * SUBSCRIBERS && answers(telegram, questions).every(Boolean),
        DELIVERY_TIMEOUT_MS,
        'every part and every answer',
      );
      await waitFor(
        async () => (await counts(api, broadcast.id)).sent === SUBSCRIBERS,
        10_000,
        'every outbox item reported sent',
      );
      await quiet(1_500); // nothing more may arrive: no part twice

      const figures = measure(telegram, chats, questions);
      const apiCounts = await counts(api, broadcast.id);
      console.log(report(figures, apiCounts));

      expect(figures.duplicates, 'parts received twice').toBe(0);
      expect(figures.missing, 'parts never received').toBe(0);
      expect(figures.outOfOrder, 'chats that got part 2 before part 1').toBe(0);
      expect(apiCounts).toMatchObject({ sent: SUBSCRIBERS, failed: 0, total: SUBSCRIBERS });
      expect(figures.answered).toBe(QUESTIONS);
      expect(figures.replyP95Ms).toBeLessThan(3_000);
      // Paced within the limits, Telegram had no reason to refuse anything.
      expect(figures.tooManyRequests).toBe(0);
    },
  );
});

/** The built API on a fresh embedded database, or on a new one of TEST_DATABASE_URL's server. */
async function startApi(): Promise<HelpdeskApi> {
  if (process.env.TEST_DATABASE_URL) {
    const database = await createServerDatabase(process.env.TEST_DATABASE_URL);
    return startHelpdeskApi({ DATABASE_URL: database.url }, database.drop);
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gcm-e2e-limits-'));
  return startHelpdeskApi({ DATA_DIR: dataDir }, async () =>
    rmSync(dataDir, { recursive: true, force: true }),
  );
}

/**
 * Subscribes the chats to every topic and area through the API's bot endpoint, as the bot would
 * post their Telegram updates (/dangky, then the buttons), without sending the dialog's replies
 * through Telegram: only the broadcast is under test.
 */
async function subscribe(api: HelpdeskApi, chats: number[]): Promise<void> {
  const steps = (chat: number): BotEvent[] => {
    const base = { channel: 'telegram' as const, chatId: String(chat), user: { id: String(chat) } };
    return [
      { ...base, updateId: `sub-${chat}-1`, type: 'command', command: 'dangky' },
      { ...base, updateId: `sub-${chat}-2`, type: 'action', action: 'sub:t:all' },
      { ...base, updateId: `sub-${chat}-3`, type: 'action', action: 'sub:l:all' },
      { ...base, updateId: `sub-${chat}-4`, type: 'action', action: 'sub:ok' },
    ];
  };
  for (let start = 0; start < chats.length; start += 25) {
    const events = chats.slice(start, start + 25).flatMap(steps);
    const res = await fetch(`${api.baseUrl}/api/v1/bot/events/batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SERVICE_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ events }),
    });
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as BotEventBatchResponse;
    const last = results.filter((_, i) => i % 4 === 3);
    for (const outcome of last) {
      const text = 'replies' in outcome ? outcome.replies[0] : undefined;
      expect(text?.type === 'text' && text.text.startsWith(TEXT.subscribed)).toBe(true);
    }
  }
}

async function publishWarning(api: HelpdeskApi): Promise<string> {
  const article = await api.staffJson<{ id: string }>(
    '/knowledge/articles',
    { body: { kind: 'warning', title: TITLE, body: BODY, status: 'published' } },
    201,
  );
  return article.id;
}

async function counts(api: HelpdeskApi, broadcastId: string) {
  return (
    await api.staffJson<{ counts: { sent: number; failed: number; total: number } }>(
      `/broadcasts/${broadcastId}`,
    )
  ).counts;
}

/** The warning's messages that reached chats: part 1 (with the title) or part 2 (the end). */
function broadcastParts(telegram: FakeTelegramServer) {
  return telegram.delivered.flatMap((call) => {
    const { text, at } = readSent(call);
    const part = text.includes(TITLE) ? 1 : text.includes(PART_2_END) ? 2 : undefined;
    return part ? [{ chatId: Number(call.params.chat_id), part, at }] : [];
  });
}

/** For each question, the answer's arrival (ms after it was asked), or undefined. */
function answers(telegram: FakeTelegramServer, questions: Question[]): (number | undefined)[] {
  return questions.map(({ chatId, askedAt }) => {
    const answer = telegram.delivered.find(
      (call) =>
        String(call.params.chat_id) === String(chatId) &&
        call.at >= askedAt &&
        readSent(call).text.startsWith(LICENCE_FAQ),
    );
    return answer ? answer.at - askedAt : undefined;
  });
}

function measure(telegram: FakeTelegramServer, chats: number[], questions: Question[]) {
  const parts = broadcastParts(telegram);
  let duplicates = 0;
  let missing = 0;
  let outOfOrder = 0;
  for (const chat of chats) {
    const received = parts.filter((p) => p.chatId === chat).map((p) => p.part);
    for (const part of [1, 2]) {
      const times = received.filter((p) => p === part).length;
      duplicates += Math.max(0, times - 1);
      missing += times === 0 ? 1 : 0;
    }
    if (received.indexOf(2) >= 0 && received.indexOf(2) < received.indexOf(1)) outOfOrder += 1;
  }
  const times = parts.map((p) => p.at).sort((a, b) => a - b);
  const seconds = (times.at(-1)! - times[0]) / 1000;
  const sends = telegram.delivered.map((call) => call.at).sort((a, b) => a - b);
  const busiestSecond = Math.max(
    ...sends.map((at) => sends.filter((other) => other > at - 1000 && other <= at).length),
  );
  const waits = answers(telegram, questions)
    .filter((ms): ms is number => ms !== undefined)
    .sort((a, b) => a - b);
  const percentile = (p: number) =>
    waits[Math.min(waits.length - 1, Math.ceil(p * waits.length) - 1)];
  return {
    messages: parts.length,
    seconds,
    perSecond: (parts.length - 1) / seconds,
    busiestSecond,
    tooManyRequests: telegram.tooManyRequests.length,
    duplicates,
    missing,
    outOfOrder,
    answered: waits.length,
    replyP50Ms: percentile(0.5),
    replyP95Ms: percentile(0.95),
    replyMaxMs: waits.at(-1)!,
  };
}

function report(
  figures: ReturnType<typeof measure>,
  apiCounts: { sent: number; failed: number; total: number },
): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  return [
    `Telegram's limits (fake Bot API: 30 messages/s per bot, 1/s per chat, 429 + retry_after),`,
    `${SUBSCRIBERS} subscribers, a two-part warning, ${QUESTIONS} questions asked during it (long polling):`,
    `  broadcast: ${figures.messages} messages in ${figures.seconds.toFixed(1)} s = ` +
      `${figures.perSecond.toFixed(1)} messages/s sustained; busiest second: ${figures.busiestSecond} messages`,
    `  429s: ${figures.tooManyRequests}; duplicates: ${figures.duplicates}; missing parts: ` +
      `${figures.missing}; out of order: ${figures.outOfOrder}`,
    `  API counts: ${apiCounts.sent} sent, ${apiCounts.failed} failed of ${apiCounts.total}`,
    `  citizens' replies (${figures.answered}/${QUESTIONS} answered): p50 ${s(figures.replyP50Ms)}, ` +
      `p95 ${s(figures.replyP95Ms)}, max ${s(figures.replyMaxMs)}`,
  ].join('\n');
}
