/**
 * The three outcomes of a question (a sure answer, choices, an honest "no answer"), a question
 * outside the field and a message that sounds like danger, as a person sees them on Telegram
 * (webhook, real telegraf, fake Bot API) and in the web chat: the built API (demo data: the
 * starter FAQs) and the built bot as real processes.
 *
 * Build first (turbo run test does): the API and the bot.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTelegramServer, telegramUpdates } from '../support/fake-telegram-server';
import {
  firstWithStatus,
  inbox,
  startHelpdeskApi,
  type HelpdeskApi,
} from '../support/helpdesk-api';
import type { RunningBotProcess } from '../support/run-built-bot';
import {
  AMBIGUOUS_CANDIDATES,
  DANGER_MESSAGE,
  LICENCE_ANSWER_END,
  LICENCE_FAQ,
  LICENCE_FIRST_PART_END,
  LICENCE_QUESTION,
  NO_ANSWER_CANDIDATES,
  OUT_OF_SCOPE_QUESTION,
  questionOfButton,
  TEXT,
} from '../support/starter-content';
import { postTelegramWebhook, sentTo, startWebhookBot } from '../support/telegram-chat';
import { quiet } from '../support/wait-for';

describe('three outcomes, on Telegram and the web chat', { timeout: 60_000 }, () => {
  let telegram: FakeTelegramServer;
  let api: HelpdeskApi;
  let bot: RunningBotProcess;
  let updateId = 9000;

  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'gcm-e2e-outcomes-'));
    api = await startHelpdeskApi({ DATA_DIR: dataDir }, async () =>
      rmSync(dataDir, { recursive: true, force: true }),
    );
    telegram = await FakeTelegramServer.start();
    bot = await startWebhookBot(telegram, api);
  }, 120_000);

  afterAll(async () => {
    await bot?.stop();
    await telegram?.close();
    await api?.close();
  });

  /** What the person reads on Telegram after typing `text` (or pressing a button). */
  async function telegramSays(
    chat: number,
    update: object,
  ): Promise<{ text: string; buttons: { text: string; callback_data?: string }[] }[]> {
    const before = sentTo(telegram, chat).length;
    const res = await postTelegramWebhook(bot, { update_id: updateId++, ...update });
    expect(res.status).toBe(200);
    await quiet(300);
    return sentTo(telegram, chat).slice(before);
  }

  /** What the web chat shows after `body` (text or action) in `sessionId`. */
  async function webSays(sessionId: string, body: Record<string, string>) {
    const res = await fetch(`${bot.url}/web/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sessionId, clientMessageId: randomUUID(), ...body }),
    });
    expect(res.status).toBe(200);
    const { replies } = (await res.json()) as {
      replies: { text: string; buttons?: { label: string; action: string }[][] }[];
    };
    return replies.map((r) => ({ text: r.text, buttons: (r.buttons ?? []).flat() }));
  }

  it('answers a sure question directly', async () => {
    const [answer] = await telegramSays(301, telegramUpdates.text(301, LICENCE_QUESTION));
    expect(answer.text.split('\n')[0]).toBe(LICENCE_FAQ);
    expect(answer.text.endsWith(TEXT.askUseful)).toBe(true);
    const session = randomUUID();
    const [web] = await webSays(session, { text: LICENCE_QUESTION });
    expect(web.text).toContain(LICENCE_FAQ);
    // A long answer: its first part, and "Xem thêm" for the rest, with 👍/👎 under both.
    expect(web.text).toContain(LICENCE_FIRST_PART_END);
    expect(web.text).not.toContain(LICENCE_ANSWER_END);
    const more = web.buttons.find((b) => b.label === TEXT.readMore);
    expect(more?.action).toMatch(/^more:/);
    const [rest] = await webSays(session, { action: more!.action });
    expect(rest.text).toContain(LICENCE_ANSWER_END);
    expect(rest.buttons.map((b) => b.action)).toContain(
      web.buttons.find((b) => b.action.startsWith('fb:up:'))?.action,
    );
  });

  it('offers choices with "Không phải, gặp cán bộ", and answers the one picked', async () => {
    const question = await firstWithStatus(api, AMBIGUOUS_CANDIDATES, 'ambiguous');
    expect(question, 'no ambiguous question among the candidates').toBeDefined();
    const [choice] = await telegramSays(302, telegramUpdates.text(302, question!));
    expect(choice.text.startsWith(TEXT.didYouMean)).toBe(true);
    expect(choice.buttons.at(-1)).toMatchObject({ text: TEXT.notThese, callback_data: 'handoff' });
    const picks = choice.buttons.filter((b) => b.callback_data?.startsWith('pick:'));
    expect(picks.length).toBeGreaterThanOrEqual(1);
    expect(picks.length).toBeLessThanOrEqual(3);
    const [answer] = await telegramSays(
      302,
      telegramUpdates.callback(302, picks[0].callback_data!),
    );
    expect(answer.text.startsWith(questionOfButton(choice.text, picks[0].text))).toBe(true);
    expect([...picks[0].text].length).toBeLessThanOrEqual(40);

    const session = randomUUID();
    const [web] = await webSays(session, { text: question! });
    expect(web.text.startsWith(TEXT.didYouMean)).toBe(true);
    expect(web.buttons.at(-1)).toEqual({ label: TEXT.notThese, action: 'handoff' });
    const [toStaff] = await webSays(session, { action: 'handoff' });
    expect(toStaff.text).toMatch(/cán bộ/);
    expect((await inbox(api, 'open')).map((i) => i.question)).toContain(question);
  });

  it('says honestly that there is no answer, the emergency route first, and hands the question to staff', async () => {
    const question = await firstWithStatus(api, NO_ANSWER_CANDIDATES, 'no_answer');
    expect(question, 'none of the no-answer questions is unanswered').toBeDefined();
    const [reply] = await telegramSays(303, telegramUpdates.text(303, question!));
    expect(reply.text.indexOf(TEXT.emergency)).toBeGreaterThanOrEqual(0);
    expect(reply.text.indexOf(TEXT.emergency)).toBeLessThan(reply.text.indexOf(TEXT.toStaff));
    const items = (await inbox(api, 'open')).filter((i) => i.channel === 'telegram');
    expect(items.map((i) => i.question)).toContain(question);
  });

  it('tells a question outside the field what this channel answers, with the topics and "Gặp cán bộ", and forwards it to no one', async () => {
    const before = (await inbox(api)).length;
    const [told, menu] = await telegramSays(304, telegramUpdates.text(304, OUT_OF_SCOPE_QUESTION));
    expect(told.text).toContain(TEXT.outOfScope.replaceAll('**', ''));
    expect(menu.buttons.some((b) => b.callback_data?.startsWith('topic:'))).toBe(true);
    expect(menu.buttons.at(-1)).toMatchObject({ callback_data: 'handoff' });
    const web = await webSays(randomUUID(), { text: OUT_OF_SCOPE_QUESTION });
    expect(web[0].text).toContain(TEXT.outOfScope);
    expect(web[1].buttons.at(-1)).toMatchObject({ action: 'handoff' });
    expect((await inbox(api)).length).toBe(before);
  });

  it('gives the emergency route first to a message that sounds like danger, then hands it to staff', async () => {
    const [route, ...rest] = await telegramSays(305, telegramUpdates.text(305, DANGER_MESSAGE));
    expect(route.text).toContain(TEXT.emergency);
    expect(route.text).toContain(TEXT.citizenProtection);
    expect(rest.at(-1)?.text).toContain(TEXT.dangerHandoff);
    const web = await webSays(randomUUID(), { text: DANGER_MESSAGE });
    expect(web[0].text).toContain(TEXT.emergency);
    expect(web[0].text).toContain(TEXT.citizenProtection);
    expect(web.at(-1)?.text).toContain(TEXT.dangerHandoff);
    const questions = (await inbox(api, 'open')).map((i) => i.question);
    expect(questions.filter((q) => q === DANGER_MESSAGE)).toHaveLength(2);
  });
});
