/**
 * A fake Telegram Bot API over real HTTP on 127.0.0.1, enough of it for telegraf: getMe,
 * getUpdates (long polling with offsets), sendMessage (checks Telegram HTML, the 4096-character
 * limit and callback_data), sendDocument, answerCallbackQuery (once per query, as Telegram),
 * setWebhook, deleteWebhook, getWebhookInfo, getFile and the file downloads of
 * `/file/bot<token>/<path>` (files put there with `addFile`). Point the real client at it with `apiRoot`
 * (TELEGRAM_API_ROOT). With `floodLimits` it also refuses sends beyond Telegram's limits with
 * 429 and retry_after, as Telegram does.
 *
 *   const telegram = await FakeTelegramServer.start({ floodLimits: true });
 *   telegram.pushUpdate(telegramUpdates.text(42, 'xin chào'));
 *   const [message] = await telegram.waitForSent(1);
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update } from 'telegraf/types';

/** One request the fake received. */
export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  /** When it arrived (Date.now()). */
  at: number;
  /** True when it was answered with an error queued by failNext. */
  failed?: boolean;
  /** True when it was answered 429 because it went beyond the flood limits. */
  limited?: boolean;
}

/** An error answer, as Telegram gives it. */
export interface TelegramErrorAnswer {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

/** An update to queue; `update_id` is assigned when missing. */
export type UpdateInput = Record<string, unknown> & { update_id?: number };

export interface FloodLimits {
  /** Sends accepted within any second, for the whole bot (Telegram: 30). */
  perSecond: number;
  /** Sends accepted within any second to one chat (Telegram: 1). */
  perChatPerSecond: number;
}

/** Telegram's limits for a bot: 30 messages a second, and one a second to one chat. */
export const TELEGRAM_FLOOD_LIMITS: FloodLimits = { perSecond: 30, perChatPerSecond: 1 };

export interface FakeTelegramOptions {
  token?: string;
  botUsername?: string;
  /**
   * Refuse sends (sendMessage, sendDocument) beyond these limits, counted over a sliding second
   * from when each accepted send arrived, with 429 "Too Many Requests: retry after N" and
   * `parameters.retry_after` N: the seconds until the send would be accepted, at least 1.
   * `true`: TELEGRAM_FLOOD_LIMITS. Off by default.
   */
  floodLimits?: boolean | FloodLimits;
}

export interface FakeWebhook {
  url: string;
  secret_token?: string;
  allowed_updates?: string[];
  max_connections?: number;
}

const MAX_TEXT = 4096;
const MAX_CAPTION = 1024;
const MAX_CALLBACK_DATA_BYTES = 64;
const HTML_TAGS = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'a',
  'code',
  'pre',
  'span',
  'tg-spoiler',
  'tg-emoji',
  'blockquote',
]);

class FakeApiError extends Error {
  constructor(readonly answer: TelegramErrorAnswer) {
    super(answer.description);
  }
}

const badRequest = (description: string) =>
  new FakeApiError({ error_code: 400, description: `Bad Request: ${description}` });

export class FakeTelegramServer {
  /** Every request, in arrival order (getUpdates included). */
  readonly calls: RecordedCall[] = [];
  /** The webhook set with setWebhook ('' when none). */
  webhook: FakeWebhook = { url: '' };

  private queue: Update[] = [];
  private nextUpdateId = 1;
  private nextMessageId = 1;
  private readonly failures = new Map<string, (TelegramErrorAnswer | undefined)[]>();
  private readonly listeners = new Set<() => void>();
  private readonly answeredQueries = new Set<string>();
  /** When the sends accepted within the last second arrived, oldest first. */
  private readonly acceptedSends: number[] = [];
  /** When each chat's last accepted send arrived. */
  private readonly lastSendTo = new Map<string, number>();
  /** Files people sent, by file_id, with the path getFile gives them. */
  private readonly files = new Map<string, { path: string; bytes: Buffer }>();
  /** Paths of the files downloaded, in order. */
  readonly downloads: string[] = [];

  private constructor(
    private readonly server: http.Server,
    readonly token: string,
    readonly botUsername: string,
    readonly floodLimits: FloodLimits | undefined,
  ) {}

  static async start(options: FakeTelegramOptions = {}): Promise<FakeTelegramServer> {
    const server = http.createServer();
    const limits = options.floodLimits;
    const fake = new FakeTelegramServer(
      server,
      options.token ?? '123456:TEST-token_for-fake',
      options.botUsername ?? 'gcm_helpdesk_bot',
      limits === true ? TELEGRAM_FLOOD_LIMITS : limits || undefined,
    );
    server.on('request', (req, res) => void fake.onRequest(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** Where the client should point (telegraf's `apiRoot`, TELEGRAM_API_ROOT). */
  get apiRoot(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The calls that sent something to a chat (sendMessage, sendDocument…). */
  get sent(): RecordedCall[] {
    return this.calls.filter((call) => call.method.startsWith('send'));
  }

  /**
   * A file a person sent, as getFile and the file server give it: `telegramUpdates.photo`'s
   * largest size is `ph-1280`. Unknown file ids get Telegram's 400 "wrong file_id".
   */
  addFile(fileId: string, bytes: Buffer): void {
    this.files.set(fileId, { path: `photos/file_${this.files.size}.jpg`, bytes });
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Updates queued and not yet acknowledged by an offset. */
  get pendingUpdates(): Update[] {
    return [...this.queue];
  }

  /** Queues an update for getUpdates (a waiting long poll answers at once). */
  pushUpdate(input: UpdateInput): Update {
    const updateId = input.update_id ?? this.nextUpdateId;
    this.nextUpdateId = Math.max(this.nextUpdateId, updateId + 1);
    const update = { ...input, update_id: updateId } as unknown as Update;
    this.queue.push(update);
    this.queue.sort((a, b) => a.update_id - b.update_id);
    this.changed();
    return update;
  }

  /** The next `times` calls of `method` fail with this answer (429, 403, 500…). */
  failNext(method: string, error: TelegramErrorAnswer, times = 1): void {
    const queued = this.failures.get(method) ?? [];
    for (let i = 0; i < times; i += 1) queued.push(error);
    this.failures.set(method, queued);
  }

  /** The next `times` calls of `method` succeed: a failNext after it then fails a later call. */
  passNext(method: string, times = 1): void {
    const queued = this.failures.get(method) ?? [];
    for (let i = 0; i < times; i += 1) queued.push(undefined);
    this.failures.set(method, queued);
  }

  /** The sent calls that went through (not failed by failNext, nor refused by the limits). */
  get delivered(): RecordedCall[] {
    return this.sent.filter((call) => !call.failed && !call.limited);
  }

  /** The sends refused with 429 because they went beyond `floodLimits`. */
  get tooManyRequests(): RecordedCall[] {
    return this.sent.filter((call) => call.limited);
  }

  /** Resolves with the sent calls once at least `count` were received. */
  async waitForSent(count: number, timeoutMs = 3_000): Promise<RecordedCall[]> {
    await this.waitUntil(() => this.sent.length >= count, timeoutMs, `${count} sent message(s)`);
    return this.sent;
  }

  /** Resolves with the calls of `method` once at least `count` were received. */
  async waitForCalls(method: string, count = 1, timeoutMs = 3_000): Promise<RecordedCall[]> {
    await this.waitUntil(
      () => this.callsTo(method).length >= count,
      timeoutMs,
      `${count} call(s) of ${method}`,
    );
    return this.callsTo(method);
  }

  /** Resolves once `predicate` holds (checked after every request and pushed update). */
  waitUntil(predicate: () => boolean, timeoutMs = 3_000, what = 'the condition'): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!predicate()) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        const seen = this.calls.map((call) => call.method).join(', ') || 'none';
        reject(
          new Error(
            `Fake Telegram: timed out after ${timeoutMs} ms waiting for ${what} (calls: ${seen})`,
          ),
        );
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
    });
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  // --- HTTP ------------------------------------------------------------------------------------

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake.local');
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (download) return this.serveFile(download[1], download[2], res);
    const route = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    try {
      if (!route) throw new FakeApiError({ error_code: 404, description: 'Not Found' });
      const [, token, method] = route;
      if (token !== this.token)
        throw new FakeApiError({ error_code: 401, description: 'Unauthorized' });
      const params = { ...Object.fromEntries(url.searchParams), ...(await readParams(req)) };
      const call: RecordedCall = { method, params, at: Date.now() };
      const failure = this.failures.get(method)?.shift();
      if (failure) call.failed = true;
      const flood = failure ? undefined : this.beyondFloodLimits(method, params, call.at);
      if (flood) call.limited = true;
      this.calls.push(call);
      this.changed();
      if (failure) throw new FakeApiError(failure);
      if (flood) throw new FakeApiError(flood);
      const result = await this.call(method, params, res);
      answer(res, 200, { ok: true, result });
    } catch (error) {
      if (error instanceof FakeApiError) {
        answer(res, error.answer.error_code, { ok: false, ...error.answer });
      } else {
        answer(res, 500, { ok: false, error_code: 500, description: String(error) });
      }
    }
  }

  private async call(
    method: string,
    params: Record<string, unknown>,
    res: http.ServerResponse,
  ): Promise<unknown> {
    switch (method) {
      case 'getMe':
        return this.me();
      case 'getUpdates':
        return this.getUpdates(params, res);
      case 'sendMessage':
        return this.sendMessage(params);
      case 'sendDocument':
        return this.sendDocument(params);
      case 'answerCallbackQuery': {
        // A query is answered once: Telegram refuses a second answer like an unknown query.
        const id = typeof params.callback_query_id === 'string' ? params.callback_query_id : '';
        if (!id || this.answeredQueries.has(id))
          throw badRequest('query is too old and response timeout expired or query ID is invalid');
        this.answeredQueries.add(id);
        return true;
      }
      case 'setWebhook':
        return this.setWebhook(params);
      case 'deleteWebhook':
        this.webhook = { url: '' };
        if (params.drop_pending_updates === true || params.drop_pending_updates === 'true')
          this.queue = [];
        return true;
      case 'getFile': {
        const id = typeof params.file_id === 'string' ? params.file_id : '';
        const file = this.files.get(id);
        if (!file) throw badRequest('wrong file_id or the file is temporarily unavailable');
        return {
          file_id: id,
          file_unique_id: `u-${id}`,
          file_size: file.bytes.length,
          file_path: file.path,
        };
      }
      case 'getWebhookInfo':
        return {
          url: this.webhook.url,
          has_custom_certificate: false,
          pending_update_count: this.queue.length,
          ...(this.webhook.allowed_updates
            ? { allowed_updates: this.webhook.allowed_updates }
            : {}),
        };
      default:
        throw new FakeApiError({ error_code: 404, description: 'Not Found: method not found' });
    }
  }

  /** Telegram's file server: the bytes, or 404 for a path getFile never gave. */
  private serveFile(token: string, filePath: string, res: http.ServerResponse): void {
    const file = [...this.files.values()].find((f) => f.path === filePath);
    if (token !== this.token || !file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      return;
    }
    this.downloads.push(filePath);
    res
      .writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': String(file.bytes.length),
      })
      .end(file.bytes);
  }

  /**
   * The 429 for a send beyond the flood limits, or undefined (the send is then counted). Only
   * what reaches a chat counts, as with Telegram; the fake's own 400s are counted too, which
   * errs on the strict side.
   */
  private beyondFloodLimits(
    method: string,
    params: Record<string, unknown>,
    at: number,
  ): TelegramErrorAnswer | undefined {
    const limits = this.floodLimits;
    if (!limits || !method.startsWith('send')) return undefined;
    while (this.acceptedSends.length > 0 && this.acceptedSends[0] <= at - 1000) {
      this.acceptedSends.shift();
    }
    const chat = String(params.chat_id);
    const chatFreeAt = (this.lastSendTo.get(chat) ?? -Infinity) + 1000 / limits.perChatPerSecond;
    const botFreeAt =
      this.acceptedSends.length >= limits.perSecond
        ? this.acceptedSends[this.acceptedSends.length - limits.perSecond] + 1000
        : -Infinity;
    const freeAt = Math.max(chatFreeAt, botFreeAt);
    if (freeAt > at) {
      const retryAfter = Math.max(1, Math.ceil((freeAt - at) / 1000));
      return {
        error_code: 429,
        description: `Too Many Requests: retry after ${retryAfter}`,
        parameters: { retry_after: retryAfter },
      };
    }
    this.acceptedSends.push(at);
    this.lastSendTo.set(chat, at);
    return undefined;
  }

  private me() {
    return {
      id: Number(this.token.split(':')[0]) || 123456,
      is_bot: true,
      first_name: 'GCM Helpdesk',
      username: this.botUsername,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
    };
  }

  private async getUpdates(
    params: Record<string, unknown>,
    res: http.ServerResponse,
  ): Promise<Update[]> {
    if (this.webhook.url) {
      throw new FakeApiError({
        error_code: 409,
        description:
          "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      });
    }
    const offset = toNumber(params.offset);
    if (offset !== undefined && offset > 0)
      this.queue = this.queue.filter((u) => u.update_id >= offset);
    const limit = Math.min(100, Math.max(1, toNumber(params.limit) ?? 100));
    const timeoutSeconds = toNumber(params.timeout) ?? 0;

    if (this.queue.length === 0 && timeoutSeconds > 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.listeners.delete(check);
          res.off('close', done);
          resolve();
        };
        const check = () => {
          if (this.queue.length > 0) done();
        };
        const timer = setTimeout(done, timeoutSeconds * 1000);
        this.listeners.add(check);
        res.on('close', done); // the client gave up (telegraf's abort on stop)
      });
    }
    return this.queue.slice(0, limit);
  }

  private sendMessage(params: Record<string, unknown>) {
    const chatId = requireChat(params);
    const text = typeof params.text === 'string' ? params.text : '';
    const visible = params.parse_mode === 'HTML' ? parseTelegramHtml(text) : text;
    if (visible.trim() === '') throw badRequest('message text is empty');
    if (visible.length > MAX_TEXT) throw badRequest('message is too long');
    checkReplyMarkup(params.reply_markup);
    return { ...this.message(chatId), text: visible };
  }

  private sendDocument(params: Record<string, unknown>) {
    const chatId = requireChat(params);
    if (typeof params.document !== 'string' || params.document === '') {
      throw badRequest('there is no document in the request');
    }
    const caption = typeof params.caption === 'string' ? params.caption : undefined;
    if (caption && caption.length > MAX_CAPTION) throw badRequest('message caption is too long');
    checkReplyMarkup(params.reply_markup);
    const fileName = decodeURIComponent(
      params.document.split(/[?#]/)[0].split('/').pop() ?? 'file',
    );
    return {
      ...this.message(chatId),
      document: {
        file_id: `doc-${this.nextMessageId}`,
        file_unique_id: `u-doc-${this.nextMessageId}`,
        file_name: fileName,
      },
      ...(caption ? { caption } : {}),
    };
  }

  private setWebhook(params: Record<string, unknown>): true {
    const url = typeof params.url === 'string' ? params.url : '';
    const secret = params.secret_token;
    if (
      secret !== undefined &&
      (typeof secret !== 'string' || !/^[A-Za-z0-9_-]{1,256}$/.test(secret))
    ) {
      throw badRequest('secret token contains unallowed characters');
    }
    if (url !== '' && !/^https?:\/\//.test(url))
      throw badRequest('bad webhook: An HTTPS URL must be provided for webhook');
    const connections =
      params.max_connections === undefined ? undefined : Number(params.max_connections);
    if (connections !== undefined && !(connections >= 1 && connections <= 100)) {
      throw badRequest('bad webhook: max_connections must be between 1 and 100');
    }
    const allowed =
      typeof params.allowed_updates === 'string'
        ? JSON.parse(params.allowed_updates)
        : params.allowed_updates;
    this.webhook = {
      url,
      ...(typeof secret === 'string' ? { secret_token: secret } : {}),
      ...(Array.isArray(allowed) ? { allowed_updates: allowed as string[] } : {}),
      ...(connections !== undefined ? { max_connections: connections } : {}),
    };
    return true;
  }

  private message(chatId: number | string) {
    const messageId = this.nextMessageId;
    this.nextMessageId += 1;
    return {
      message_id: messageId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: 'private' },
      from: {
        id: this.me().id,
        is_bot: true,
        first_name: 'GCM Helpdesk',
        username: this.botUsername,
      },
    };
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

// --- Helpers -------------------------------------------------------------------------------------

async function readParams(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  if (body === '') return {};
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('application/json')) {
    try {
      const value: unknown = JSON.parse(body);
      if (typeof value === 'object' && value !== null) return value as Record<string, unknown>;
    } catch {
      // fall through
    }
    throw badRequest('invalid JSON body');
  }
  if (type.startsWith('application/x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(body));
  throw badRequest(
    `the fake Bot API does not read ${type || 'this body'} (multipart uploads are not supported)`,
  );
}

function answer(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
}

function requireChat(params: Record<string, unknown>): number | string {
  const chatId = params.chat_id;
  if (chatId === undefined || chatId === '') throw badRequest('chat_id is empty');
  return toNumber(chatId) ?? String(chatId);
}

function checkReplyMarkup(markup: unknown): void {
  if (markup === undefined) return;
  const value = typeof markup === 'string' ? (JSON.parse(markup) as unknown) : markup;
  const keyboard = (value as { inline_keyboard?: unknown }).inline_keyboard;
  if (keyboard === undefined) return;
  if (!Array.isArray(keyboard) || !keyboard.every(Array.isArray)) {
    throw badRequest(
      'field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays',
    );
  }
  for (const button of (keyboard as unknown[][]).flat()) {
    const { text, callback_data: data } = button as { text?: unknown; callback_data?: unknown };
    if (typeof text !== 'string' || text === '')
      throw badRequest('text buttons are unallowed in the inline keyboard');
    if (
      typeof data !== 'string' ||
      data === '' ||
      Buffer.byteLength(data) > MAX_CALLBACK_DATA_BYTES
    ) {
      throw badRequest('BUTTON_DATA_INVALID');
    }
  }
}

/**
 * The visible text of a Telegram HTML message; a 400 "can't parse entities" for what Telegram
 * rejects: unknown or unbalanced tags, an unescaped <, > or &, an <a> without href.
 */
export function parseTelegramHtml(html: string): string {
  const fail = (why: string) => badRequest(`can't parse entities: ${why}`);
  const open: string[] = [];
  let text = '';
  let i = 0;
  while (i < html.length) {
    const char = html[i];
    if (char === '<') {
      const tag = /^<(\/?)([a-zA-Z][a-zA-Z-]*)((?:\s+[a-zA-Z-]+(?:="[^"<>]*")?)*)\s*>/.exec(
        html.slice(i),
      );
      if (!tag) throw fail(`Unexpected "<" at offset ${i}`);
      const [whole, closing, rawName, attributes] = tag;
      const name = rawName.toLowerCase();
      if (!HTML_TAGS.has(name)) throw fail(`Unsupported start tag "${name}" at offset ${i}`);
      if (closing) {
        if (open.pop() !== name) throw fail(`Unexpected end tag "${name}" at offset ${i}`);
      } else {
        if (name === 'a' && !/\shref="[^"]+"/.test(attributes)) throw fail('Link without href');
        open.push(name);
      }
      i += whole.length;
    } else if (char === '&') {
      const entity = /^&(lt|gt|amp|quot|#\d{1,7}|#x[0-9a-fA-F]{1,6});/.exec(html.slice(i, i + 12));
      if (!entity) throw fail(`Unsupported HTML entity at offset ${i}`);
      const name = entity[1];
      const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };
      text +=
        named[name] ??
        String.fromCodePoint(
          name.startsWith('#x') ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10),
        );
      i += entity[0].length;
    } else if (char === '>') {
      throw fail(`Unexpected ">" at offset ${i}`);
    } else {
      text += char;
      i += 1;
    }
  }
  if (open.length > 0)
    throw fail(`Can't find end tag corresponding to start tag "${open[open.length - 1]}"`);
  return text;
}

// --- Update factories ------------------------------------------------------------------------------

let counter = 1;
const nextId = () => counter++;

interface FakePerson {
  id: number;
  first_name: string;
  last_name?: string;
  language_code?: string;
}

function person(chatId: number, from: Partial<FakePerson> = {}): FakePerson & { is_bot: false } {
  return {
    id: chatId,
    first_name: 'Lan',
    last_name: 'Nguyễn',
    language_code: 'vi',
    ...from,
    is_bot: false,
  };
}

function message(chatId: number, content: Record<string, unknown>, from?: Partial<FakePerson>) {
  const sender = person(chatId, from);
  return {
    message_id: nextId(),
    date: Math.floor(Date.now() / 1000),
    chat: {
      id: chatId,
      type: 'private',
      first_name: sender.first_name,
      last_name: sender.last_name,
    },
    from: sender,
    ...content,
  };
}

/** Updates as Telegram sends them, for pushUpdate or a webhook body (add `update_id` there). */
export const telegramUpdates = {
  text(chatId: number, text: string, from?: Partial<FakePerson>): UpdateInput {
    const command = /^\/\S+/.exec(text);
    const entities = command
      ? [{ type: 'bot_command', offset: 0, length: command[0].length }]
      : undefined;
    return { message: message(chatId, { text, ...(entities ? { entities } : {}) }, from) };
  },
  callback(chatId: number, data: string, from?: Partial<FakePerson>): UpdateInput {
    return {
      callback_query: {
        id: `cbq-${nextId()}`,
        from: person(chatId, from),
        chat_instance: `ci-${chatId}`,
        data,
        message: {
          message_id: nextId(),
          date: Math.floor(Date.now() / 1000),
          chat: { id: chatId, type: 'private' },
          from: { id: 123456, is_bot: true, first_name: 'GCM Helpdesk' },
          text: 'Menu',
        },
      },
    };
  },
  sticker(chatId: number): UpdateInput {
    const sticker = {
      file_id: `st-${nextId()}`,
      file_unique_id: 'st',
      type: 'regular',
      width: 512,
      height: 512,
      is_animated: false,
      is_video: false,
      emoji: '👍',
    };
    return { message: message(chatId, { sticker }) };
  },
  location(chatId: number): UpdateInput {
    return { message: message(chatId, { location: { latitude: 21.0278, longitude: 105.8342 } }) };
  },
  contact(chatId: number, phone: string, ownerId: number = chatId): UpdateInput {
    return {
      message: message(chatId, {
        contact: { phone_number: phone, first_name: 'Lan', user_id: ownerId },
      }),
    };
  },
  document(
    chatId: number,
    fileName: string,
    mimeType = 'application/pdf',
    caption?: string,
  ): UpdateInput {
    const document = {
      file_id: `doc-${nextId()}`,
      file_unique_id: 'doc',
      file_name: fileName,
      mime_type: mimeType,
    };
    return { message: message(chatId, { document, ...(caption ? { caption } : {}) }) };
  },
  photo(chatId: number, caption?: string): UpdateInput {
    const sizes = [90, 320, 1280].map((width) => ({
      file_id: `ph-${width}`,
      file_unique_id: `ph-${width}`,
      width,
      height: width,
    }));
    return { message: message(chatId, { photo: sizes, ...(caption ? { caption } : {}) }) };
  },
  video(chatId: number, caption?: string): UpdateInput {
    const video = {
      file_id: `vid-${nextId()}`,
      file_unique_id: 'vid',
      width: 1280,
      height: 720,
      duration: 12,
      file_name: 'clip.mp4',
      mime_type: 'video/mp4',
    };
    return { message: message(chatId, { video, ...(caption ? { caption } : {}) }) };
  },
  /** The person blocked the bot. */
  blocked(chatId: number): UpdateInput {
    return {
      my_chat_member: {
        chat: { id: chatId, type: 'private' },
        from: person(chatId),
        date: Math.floor(Date.now() / 1000),
        old_chat_member: {
          status: 'member',
          user: { id: 123456, is_bot: true, first_name: 'GCM Helpdesk' },
        },
        new_chat_member: {
          status: 'kicked',
          until_date: 0,
          user: { id: 123456, is_bot: true, first_name: 'GCM Helpdesk' },
        },
      },
    };
  },
  /** An update kind without a chat. */
  inlineQuery(userId: number): UpdateInput {
    return {
      inline_query: { id: `iq-${nextId()}`, from: person(userId), query: 'visa', offset: '' },
    };
  },
};
