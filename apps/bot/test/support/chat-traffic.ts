/**
 * A steady stream of people writing to the bot, as Telegram and Zalo deliver it, and the
 * account of what each of them got back: for the end-to-end tests of outages and crashes.
 *
 * Each Telegram chat and each Zalo follower asks a question every `everyMs`, each time another
 * of `questions` (curated FAQs whose own question is answered with that FAQ), so each reply
 * says which update it answers: its first line is the FAQ's question. Delivery is the
 * platforms': an update that did not get a 200 is posted again after `retryMs` (Telegram and
 * Zalo retry undelivered webhooks), until it gets one or the traffic is closed.
 *
 *   const traffic = new ChatTraffic({ telegram, zalo, bot: () => bot.url, questions, … });
 *   traffic.start();
 *   …
 *   await traffic.stopSending();
 *   await traffic.settled(60_000);
 *   const figures = traffic.figures();
 */
import type { FakeTelegramServer } from './fake-telegram-server';
import { telegramUpdates } from './fake-telegram-server';
import { zaloTextEvent, type FakeZaloServer } from './fake-zalo-server';
import type { HelpdeskApi } from './helpdesk-api';
import { sentTo, WEBHOOK_SECRET } from './telegram-chat';

/** Longest question + answer kept, so that each answer is one message on Telegram and Zalo. */
const ONE_MESSAGE = 1500;

export interface ChatTrafficOptions {
  telegram?: FakeTelegramServer;
  zalo?: FakeZaloServer;
  /** Where webhooks go (the bot, or a load balancer in front of bots): read at each post. */
  bot: () => string;
  questions: string[];
  telegramChats?: number[];
  zaloUsers?: string[];
  /** Each chat asks its next question this long after its last (default 4 s). */
  everyMs?: number;
  /** Wait before posting an update again that did not get a 200 (default 3 s). */
  retryMs?: number;
  /** The first Telegram update_id (Telegram numbers one bot's updates). */
  firstUpdateId?: number;
}

export interface Update {
  channel: 'telegram' | 'zalo';
  chat: string;
  /** The question asked, and what identifies its answer. */
  question: string;
  /** When it was first posted, and when a post of it got 200. */
  sentAt: number;
  ackedAt?: number;
  /** The status of each post (`error` when no answer came). */
  attempts: (number | 'error')[];
}

/** What reached one chat that answers one of its updates, or not. */
interface Received {
  chat: string;
  channel: Update['channel'];
  text: string;
  at: number;
}

export interface TrafficFigures {
  sent: number;
  acknowledged: number;
  /** Updates with at least one answer. */
  answered: number;
  /** Answers beyond the first, over all updates, except those `sentBeforeDeath` explains. */
  duplicated: number;
  /**
   * Answers beyond the first of updates whose first answer reached the platform just before a
   * bot instance was killed (`figures(kills)`): sent, then the instance died before saying so,
   * and the update's next delivery sent the stored replies again. By design (at least once).
   */
  sentBeforeDeath: number;
  /** Acknowledged updates without an answer. */
  lost: number;
  /** Updates never acknowledged (still being retried). */
  unacknowledged: number;
  /** Messages to the chats that answer none of their questions (errors shown as text…). */
  unexpected: Received[];
  /** Webhook answers other than 200, by status. */
  refusals: Record<string, number>;
  /** From an update's first post to the arrival of its answer, the longest. */
  longestReplyMs: number;
  /** The updates that were lost or answered twice, for a failure message. */
  problems: string[];
}

export class ChatTraffic {
  readonly updates: Update[] = [];
  /** When start() was called. */
  startedAt = 0;
  private readonly everyMs: number;
  private readonly retryMs: number;
  private nextUpdateId: number;
  private sending = false;
  private closed = false;
  private readonly loops: Promise<void>[] = [];
  private readonly posts = new Set<Promise<void>>();

  constructor(private readonly options: ChatTrafficOptions) {
    this.everyMs = options.everyMs ?? 4_000;
    this.retryMs = options.retryMs ?? 3_000;
    this.nextUpdateId = options.firstUpdateId ?? 1_000_000;
    const chats = (options.telegramChats?.length ?? 0) + (options.zaloUsers?.length ?? 0);
    if (chats > 0 && options.questions.length === 0) throw new Error('no questions to ask');
  }

  /** Every chat starts asking, the chats spread over the first `everyMs`. */
  start(): void {
    this.sending = true;
    this.startedAt = Date.now();
    const chats: [Update['channel'], string][] = [
      ...(this.options.telegramChats ?? []).map((c): [Update['channel'], string] => [
        'telegram',
        String(c),
      ]),
      ...(this.options.zaloUsers ?? []).map((u): [Update['channel'], string] => ['zalo', u]),
    ];
    chats.forEach(([channel, chat], i) => {
      const offset = (i * this.everyMs) / chats.length;
      this.loops.push(this.chatLoop(channel, chat, i, offset));
    });
  }

  /** No new questions from now on; updates not acknowledged yet are still retried. */
  async stopSending(): Promise<void> {
    this.sending = false;
    await Promise.all(this.loops);
  }

  /** Resolves once every update is acknowledged and answered, or after `timeoutMs`. */
  async settled(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const f = this.figures();
      if (f.unacknowledged === 0 && f.answered === f.sent) return true;
      await sleep(100);
    }
    return false;
  }

  /** Stops retrying and waits for the posts under way. */
  async close(): Promise<void> {
    this.sending = false;
    this.closed = true;
    await Promise.all(this.loops);
    await Promise.allSettled([...this.posts]);
  }

  /**
   * The account so far. `kills`: when bot instances were killed, to tell the second answer of an
   * update whose first reached the platform within `deathWindowMs` before a kill (the instance
   * died between sending it and recording that) from a genuine duplicate.
   */
  figures(kills: number[] = [], deathWindowMs = 2_000): TrafficFigures {
    const received = this.received();
    const answers = new Map<string, Received[]>();
    const unexpected: Received[] = [];
    const asked = new Map<string, Set<string>>();
    for (const u of this.updates) {
      const key = `${u.channel}:${u.chat}`;
      asked.set(key, (asked.get(key) ?? new Set()).add(u.question));
    }
    for (const message of received) {
      const question = message.text.split('\n')[0];
      const key = `${message.channel}:${message.chat}`;
      if (!asked.get(key)?.has(question)) {
        unexpected.push(message);
        continue;
      }
      const id = `${key}:${question}`;
      answers.set(id, [...(answers.get(id) ?? []), message]);
    }
    const refusals: Record<string, number> = {};
    let answered = 0;
    let duplicated = 0;
    let sentBeforeDeath = 0;
    let lost = 0;
    let unacknowledged = 0;
    let longestReplyMs = 0;
    const problems: string[] = [];
    for (const u of this.updates) {
      for (const status of u.attempts) {
        if (status !== 200) refusals[status] = (refusals[status] ?? 0) + 1;
      }
      const got = answers.get(`${u.channel}:${u.chat}:${u.question}`) ?? [];
      if (u.ackedAt === undefined) unacknowledged += 1;
      if (got.length > 0) {
        answered += 1;
        longestReplyMs = Math.max(longestReplyMs, got[0].at - u.sentAt);
      } else if (u.ackedAt !== undefined) {
        lost += 1;
        problems.push(`lost: ${describe(u)}`);
      }
      if (got.length > 1) {
        const first = got[0].at;
        if (kills.some((kill) => first <= kill + 100 && first > kill - deathWindowMs)) {
          sentBeforeDeath += got.length - 1;
        } else {
          duplicated += got.length - 1;
          problems.push(`answered ${got.length} times: ${describe(u)}`);
        }
      }
    }
    return {
      sent: this.updates.length,
      acknowledged: this.updates.length - unacknowledged,
      answered,
      duplicated,
      sentBeforeDeath,
      lost,
      unacknowledged,
      unexpected,
      refusals,
      longestReplyMs,
      problems,
    };
  }

  /**
   * What the API recorded, read as the bot reads a conversation: each update's question must be
   * in its chat's transcript exactly once (not lost by a crash, not processed twice). The
   * problems found, empty when none.
   */
  async recordingProblems(apiUrl: string, serviceToken: string): Promise<string[]> {
    const problems: string[] = [];
    const chats = new Map<string, Update[]>();
    for (const u of this.updates) {
      const key = `${u.channel}/${u.chat}`;
      chats.set(key, [...(chats.get(key) ?? []), u]);
    }
    for (const [key, updates] of chats) {
      const inbound: string[] = [];
      for (let after = 0; ;) {
        const res = await fetch(
          `${apiUrl}/api/v1/bot/conversations/${key}/messages?after=${after}`,
          {
            headers: { authorization: `Bearer ${serviceToken}` },
          },
        );
        const { items } = (await res.json()) as {
          items: { seq: number; direction: string; text?: string }[];
        };
        if (items.length === 0) break;
        for (const m of items) if (m.direction === 'in') inbound.push(m.text ?? '');
        after = items[items.length - 1].seq;
      }
      for (const u of updates) {
        const times = inbound.filter((text) => text === u.question).length;
        if (times !== 1) problems.push(`recorded ${times} times: ${describe(u)}`);
      }
      if (inbound.length !== updates.length) {
        problems.push(`${key}: ${inbound.length} messages recorded for ${updates.length} updates`);
      }
    }
    return problems;
  }

  private received(): Received[] {
    const { telegram, zalo } = this.options;
    const messages: Received[] = [];
    for (const chat of this.options.telegramChats ?? []) {
      if (!telegram) break;
      for (const m of sentTo(telegram, chat)) {
        messages.push({ chat: String(chat), channel: 'telegram', text: m.text, at: m.at });
      }
    }
    if (zalo) {
      const users = new Set(this.options.zaloUsers ?? []);
      zalo.delivered.forEach((m) => {
        if (m.userId && users.has(m.userId)) {
          messages.push({
            chat: m.userId,
            channel: 'zalo',
            text: m.message.text ?? '',
            at: m.at,
          });
        }
      });
    }
    return messages;
  }

  private async chatLoop(
    channel: Update['channel'],
    chat: string,
    index: number,
    offsetMs: number,
  ): Promise<void> {
    await sleep(offsetMs);
    for (let k = 0; this.sending; k++) {
      const { questions } = this.options;
      const question = questions[(index + k) % questions.length];
      if (k >= questions.length) {
        throw new Error(`chat ${chat} has asked every question: lower the rate or add questions`);
      }
      const post = this.deliver(channel, chat, question, k);
      this.posts.add(post);
      void post.finally(() => this.posts.delete(post));
      await sleep(this.everyMs);
    }
  }

  /** Posts one update until it gets a 200 (or the traffic closes), as the platform does. */
  private async deliver(
    channel: Update['channel'],
    chat: string,
    question: string,
    k: number,
  ): Promise<void> {
    const request =
      channel === 'telegram'
        ? this.telegramRequest(chat, question)
        : this.zaloRequest(chat, question, k);
    const update: Update = { channel, chat, question, sentAt: Date.now(), attempts: [] };
    this.updates.push(update);
    while (!this.closed) {
      let status: number | 'error';
      try {
        const res = await fetch(`${this.options.bot()}${request.path}`, {
          method: 'POST',
          headers: request.headers,
          body: request.body,
          signal: AbortSignal.timeout(60_000),
        });
        await res.arrayBuffer();
        status = res.status;
      } catch {
        status = 'error';
      }
      update.attempts.push(status);
      if (status === 200) {
        update.ackedAt = Date.now();
        return;
      }
      await sleep(this.retryMs);
    }
  }

  private telegramRequest(chat: string, question: string) {
    const update = {
      ...telegramUpdates.text(Number(chat), question),
      update_id: this.nextUpdateId++,
    };
    return {
      path: '/webhooks/telegram',
      headers: {
        'content-type': 'application/json',
        'x-telegram-bot-api-secret-token': WEBHOOK_SECRET,
      },
      body: JSON.stringify(update),
    };
  }

  private zaloRequest(user: string, question: string, k: number) {
    const zalo = this.options.zalo;
    if (!zalo) throw new Error('Zalo users without a fake Zalo');
    const { headers, body } = zalo.signedEvent(
      zaloTextEvent({ userId: user, text: question, msgId: `m-${user}-${k}` }),
    );
    return { path: '/webhooks/zalo', headers, body };
  }
}

function describe(u: Update): string {
  const acked =
    u.ackedAt === undefined
      ? 'never acknowledged'
      : `acknowledged after ${u.ackedAt - u.sentAt} ms`;
  return `${u.channel} chat ${u.chat}, "${u.question}", posts [${u.attempts.join(', ')}], ${acked}`;
}

/**
 * Questions each of which the API answers with the FAQ it is the question of (so the answer's
 * first line is the question itself), short enough to be one message on every channel, and
 * none that the bot takes for someone in danger.
 */
export async function selfAnsweringQuestions(api: HelpdeskApi, count: number): Promise<string[]> {
  const { items } = await api.staffJson<{ items: { question: string; answer: string }[] }>(
    '/knowledge/faqs?status=published&pageSize=200',
  );
  const found: string[] = [];
  for (const faq of items) {
    if (found.length === count) break;
    if (faq.question.length + faq.answer.length > ONE_MESSAGE || faq.question.includes('\n')) {
      continue;
    }
    const asked = await api.ask(faq.question);
    // Not one that sounds like danger ("… bị lừa bán …"): the bot answers it with the
    // emergency route and hands the chat to staff, and the chat's next questions wait for them.
    if (asked.status === 'answered' && asked.faq?.question === faq.question && !asked.danger) {
      found.push(faq.question);
    }
  }
  if (found.length < count)
    throw new Error(`only ${found.length} of ${count} questions answer themselves`);
  return found;
}

/** One line of figures for CI's log. */
export function figuresLine(label: string, f: TrafficFigures): string {
  const refusals = Object.entries(f.refusals)
    .map(([status, n]) => `${n} × ${status}`)
    .join(', ');
  return (
    `${label}: ${f.sent} updates sent, ${f.acknowledged} acknowledged, ${f.answered} answered, ` +
    `${f.duplicated} duplicated, ${f.lost} lost, ${f.unexpected.length} unexpected messages; ` +
    (f.sentBeforeDeath
      ? `${f.sentBeforeDeath} answered again after the bot that sent them died before recording it; `
      : '') +
    `longest reply delay ${(f.longestReplyMs / 1000).toFixed(1)} s; ` +
    `webhook answers other than 200: ${refusals || 'none'}`
  );
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
