/**
 * A flood of web-chat messages from one address, each with a session id of its own, against
 * the built API (demo data) and the built bot as real processes: the staff inbox gets no more
 * items than WEB_CHAT_HANDOFFS_PER_HOUR, and the rest are still answered, with a polite word
 * that no more can be passed to staff just now.
 *
 * Build first (turbo run test does): the API and the bot.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  firstWithStatus,
  inbox,
  SERVICE_TOKEN,
  startHelpdeskApi,
  type HelpdeskApi,
} from '../support/helpdesk-api';
import { startBuiltBot, type RunningBotProcess } from '../support/run-built-bot';
import { NO_ANSWER_CANDIDATES } from '../support/starter-content';

const HANDOFFS_PER_HOUR = 3;

describe('a web-chat flood from one address (built API and bot)', { timeout: 60_000 }, () => {
  let api: HelpdeskApi;
  let bot: RunningBotProcess;

  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'gcm-e2e-flood-'));
    api = await startHelpdeskApi({ DATA_DIR: dataDir }, async () =>
      rmSync(dataDir, { recursive: true, force: true }),
    );
    bot = await startBuiltBot({
      API_URL: api.baseUrl,
      BOT_SERVICE_TOKEN: SERVICE_TOKEN,
      WEB_CHAT_HANDOFFS_PER_HOUR: String(HANDOFFS_PER_HOUR),
    });
  }, 120_000);

  afterAll(async () => {
    await bot?.stop();
    await api?.close();
  });

  const post = (body: Record<string, string>) =>
    fetch(`${bot.url}/web/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sessionId: randomUUID(), clientMessageId: randomUUID(), ...body }),
    });

  it('opens only the allowed inbox items for 30 messages in fresh sessions, by button or by an unanswered question', async () => {
    const question = await firstWithStatus(api, NO_ANSWER_CANDIDATES, 'no_answer');
    expect(question, 'none of the no-answer questions is unanswered').toBeDefined();

    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        post(i % 2 === 0 ? { action: 'handoff' } : { text: question! }),
      ),
    );
    const later = await post({ text: question! });

    expect([...responses, later].map((r) => r.status)).toEqual(Array(31).fill(200));
    const texts = await Promise.all(
      [...responses, later].map(async (r) => {
        const { replies } = (await r.json()) as { replies: { text?: string }[] };
        return replies.map((reply) => reply.text ?? '').join('\n');
      }),
    );
    const paused = texts.filter((t) => t.includes('nhiều yêu cầu gặp cán bộ từ mạng của bạn'));
    expect(paused).toHaveLength(31 - HANDOFFS_PER_HOUR);
    expect(texts.at(-1)).toMatch(/^Xin lỗi, hiện chưa có câu trả lời sẵn/);
    const items = (await inbox(api)).filter((item) => item.channel === 'web');
    expect(items).toHaveLength(HANDOFFS_PER_HOUR);
  });
});
