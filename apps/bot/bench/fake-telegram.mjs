// A lean fake Telegram Bot API for the webhook benchmark, run as a child process of its own
// (bench/webhooks.mjs forks it) so that the load generator does not delay its clock. It answers
// what the bot calls (getMe, setWebhook, deleteWebhook, getWebhookInfo, sendMessage,
// sendDocument, answerCallbackQuery) and notes when each message to a chat arrived, and what
// kind of reply it was (read from its buttons).
//
// IPC: it sends {type: 'ready', port} once listening; {type: 'records'} asks for the arrivals
// so far, answered {type: 'records', records: [[chatId, epochMs, kind], …]} (and forgotten).
import http from 'node:http';
import { performance } from 'node:perf_hooks';

const TOKEN = process.env.FAKE_TELEGRAM_TOKEN ?? '123456:BENCH-token';
/** Sub-millisecond wall-clock time, comparable across processes. */
const now = () => performance.timeOrigin + performance.now();

let records = [];
let nextMessageId = 1;
const me = {
  id: Number(TOKEN.split(':')[0]),
  is_bot: true,
  first_name: 'GCM',
  username: 'gcm_bench_bot',
};

const server = http.createServer((req, res) => {
  const arrivedAt = now();
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(
      new URL(req.url ?? '/', 'http://fake').pathname,
    );
    if (!match || match[1] !== TOKEN)
      return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const method = match[2];
    let params = {};
    const body = Buffer.concat(chunks).toString('utf8');
    if (body) {
      params = (req.headers['content-type'] ?? '').startsWith('application/json')
        ? JSON.parse(body)
        : Object.fromEntries(new URLSearchParams(body));
    }
    switch (method) {
      case 'getMe':
        return reply(res, 200, { ok: true, result: me });
      case 'setWebhook':
      case 'deleteWebhook':
      case 'answerCallbackQuery':
        return reply(res, 200, { ok: true, result: true });
      case 'getWebhookInfo':
        return reply(res, 200, { ok: true, result: { url: '', pending_update_count: 0 } });
      case 'sendMessage':
      case 'sendDocument': {
        records.push([String(params.chat_id), arrivedAt, replyKind(params.reply_markup)]);
        const message = {
          message_id: nextMessageId++,
          date: Math.floor(Date.now() / 1000),
          chat: { id: Number(params.chat_id), type: 'private' },
          text: typeof params.text === 'string' ? params.text : '',
        };
        return reply(res, 200, { ok: true, result: message });
      }
      default:
        return reply(res, 404, {
          ok: false,
          error_code: 404,
          description: 'Not Found: method not found',
        });
    }
  });
});

/**
 * What a message is, by the payloads of its buttons: an FAQ answer carries the feedback
 * buttons (fb:…), a choice between close FAQs offers faq:… buttons, the honest "no answer"
 * offers to go back to asking (handoff:end); anything else (a polite refusal, an error
 * message) is "other".
 */
function replyKind(markup) {
  const keyboard = (typeof markup === 'string' ? JSON.parse(markup) : markup)?.inline_keyboard;
  const actions = (keyboard ?? []).flat().map((button) => button.callback_data ?? '');
  if (actions.some((a) => a.startsWith('fb:'))) return 'answer';
  if (actions.some((a) => a.startsWith('faq:'))) return 'choice';
  if (actions.includes('handoff:end')) return 'no answer';
  return 'other';
}

function reply(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

process.on('message', (message) => {
  if (message?.type === 'records') {
    process.send({ type: 'records', records });
    records = [];
  }
});
process.on('disconnect', () => process.exit(0));

server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send({ type: 'ready', port: server.address().port }));
