import type { IncomingMessage, ServerResponse } from 'node:http';
import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startApiDouble, type ApiDouble } from '../support/api-double';
import { RecordingChannel } from '../support/recording-channel';
import { startBot, type RunningBot } from '../support/start-bot';

/** A channel that receives by webhook and records the raw bodies it was given. */
class WebhookChannel extends RecordingChannel {
  readonly bodies: Buffer[] = [];
  fail = false;

  readonly webhook = async (_req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    if (this.fail) throw new Error('adapter bug');
    this.bodies.push(body);
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('ok');
  };
}

let api: ApiDouble;
let bot: RunningBot;
let telegram: WebhookChannel;

beforeEach(async () => {
  api = await startApiDouble();
  telegram = new WebhookChannel('telegram');
  bot = await startBot(api.url, { channels: [telegram, new RecordingChannel('zalo')] });
});

afterEach(async () => {
  await bot.close();
  await api.close();
});

describe('bot server webhooks', () => {
  it('hands the raw body to the channel of that name', async () => {
    const body = '{"update_id":1,"message":{"text":"xin chào"}}';

    const response = await fetch(`${bot.url}/webhooks/telegram`, { method: 'POST', body });

    expect(response.status).toBe(200);
    expect(telegram.bodies.map((b) => b.toString('utf8'))).toEqual([body]);
  });

  it('answers 404 for a channel that is not configured or has no webhook', async () => {
    const unknown = await fetch(`${bot.url}/webhooks/viber`, { method: 'POST', body: '{}' });
    const noWebhook = await fetch(`${bot.url}/webhooks/zalo`, { method: 'POST', body: '{}' });

    expect(unknown.status).toBe(404);
    expect(noWebhook.status).toBe(404);
    expect(await noWebhook.json()).toMatchObject({ code: 'route_not_found' });
  });

  it('takes POST only', async () => {
    const response = await fetch(`${bot.url}/webhooks/telegram`);

    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('refuses a body over 1 MB with 413', async () => {
    const response = await fetch(`${bot.url}/webhooks/telegram`, {
      method: 'POST',
      body: 'x'.repeat(1024 * 1024 + 1),
    });

    expect(response.status).toBe(413);
    expect(telegram.bodies).toHaveLength(0);
  });

  it('refuses deeply nested JSON with 400 at once, before the channel sees it', async () => {
    const nested = (depth: number) =>
      `{"update_id":1,"x":${'['.repeat(depth)}${']'.repeat(depth)}}`;

    const started = Date.now();
    const deep = await fetch(`${bot.url}/webhooks/telegram`, {
      method: 'POST',
      body: nested(1500),
    });
    const deepest = await fetch(`${bot.url}/webhooks/telegram`, {
      method: 'POST',
      body: '['.repeat(1024 * 1024),
    });
    const elapsedMs = Date.now() - started;
    const shallow = await fetch(`${bot.url}/webhooks/telegram`, {
      method: 'POST',
      body: nested(8),
    });

    expect([deep.status, deepest.status]).toEqual([400, 400]);
    expect(await deep.json()).toMatchObject({ code: 'malformed_json' });
    expect(elapsedMs).toBeLessThan(1000);
    expect(shallow.status).toBe(200);
    expect(telegram.bodies.map((b) => b.toString('utf8'))).toEqual([nested(8)]);
  });

  it('answers 500 when the adapter throws, and keeps serving', async () => {
    telegram.fail = true;

    const failed = await fetch(`${bot.url}/webhooks/telegram`, { method: 'POST', body: '{}' });
    const health = await fetch(`${bot.url}/health`);

    expect(failed.status).toBe(500);
    expect(await failed.json()).toMatchObject({ code: 'internal_error' });
    expect(await health.json()).toMatchObject({ channels: ['web', 'telegram', 'zalo'] });
  });

  it('answers malformed HTTP with 400 instead of crashing', async () => {
    const { port } = new URL(bot.url);

    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => socket.write('NOT HTTP\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    const health = await fetch(`${bot.url}/health`);

    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect(health.status).toBe(200);
  });
});
