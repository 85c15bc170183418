/**
 * A tiny stand-in for the API's bot routes on 127.0.0.1: POST /api/v1/bot/events (and its batch
 * form, which the bot uses), an update's release and the word that updates were delivered, the
 * outbox's claim and result, a conversation's messages, a channel's stored tokens (with the
 * API's compare-and-set on the revision), and the file routes of `fetch_file` items. It records what the bot asked and answers from plain
 * arrays that a test fills; `reply` lets a test answer a route its own way (errors). Like the
 * API, it stores each event and its replies as messages of the conversation.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  BotEvent,
  BotEventBatchRequest,
  BotEventBatchResponse,
  BotEventResult,
  BotReply,
  Channel,
  ChannelTokensResponse,
  ConversationMessage,
  DeliveredBotUpdatesRequest,
  OutboxClaimRequest,
  OutboxItem,
  OutboxResultRequest,
  RedeliverBotUpdateRequest,
  ReleaseBotUpdateRequest,
  SaveChannelTokensRequest,
} from '@gcm/domain';

export interface RecordedRequest {
  method: string;
  path: string;
  authorization?: string;
  body?: unknown;
  /** The body's bytes, when it is not JSON (an uploaded file). */
  raw?: Buffer;
  contentType?: string;
}

export interface Answer {
  status: number;
  body?: unknown;
}

export type RouteName =
  | 'events'
  | 'release'
  | 'redeliver'
  | 'delivered'
  | 'claim'
  | 'result'
  | 'messages'
  | 'getTokens'
  | 'saveTokens'
  | 'fileSource'
  | 'uploadFile';

export interface ApiDouble {
  url: string;
  requests: RecordedRequest[];
  events: BotEvent[];
  /** Updates the bot released (`POST /bot/updates/release`), in order. */
  released: ReleaseBotUpdateRequest[];
  /** Updates whose replies the bot handed to the outbox (`POST /bot/updates/redeliver`). */
  redelivered: RedeliverBotUpdateRequest[];
  /** Updates the bot said it delivered (`POST /bot/updates/delivered`), in order. */
  delivered: ReleaseBotUpdateRequest[];
  /** Items waiting to be claimed, in order. */
  pending: OutboxItem[];
  claims: OutboxClaimRequest[];
  /** Reports accepted: those naming the claim the item was handed out with (others get 409). */
  results: Array<{ id: string } & Omit<OutboxResultRequest, 'claimId'>>;
  /** Messages by `${channel}/${chatId}`. */
  conversations: Map<string, ConversationMessage[]>;
  /** Stored tokens by channel. */
  tokens: Map<Channel, ChannelTokensResponse>;
  /** The platform reference of each file key to fetch (GET /bot/files/:key; 404 otherwise). */
  fileRefs: Map<string, string>;
  /** Files uploaded (PUT /bot/files/:key), in order. */
  uploads: { key: string; bytes: Buffer; contentType?: string }[];
  /** The replies to answer an event with (default: one text echoing it). */
  answerEvent: (event: BotEvent) => BotReply[];
  /** Whether an event opens an inbox item, as the API answers it (default: none does). */
  opensHandoff: (event: BotEvent) => boolean;
  /** Answers a route before the default behaviour does; undefined = default. */
  reply: (route: RouteName, request: RecordedRequest) => Answer | undefined;
  close(): Promise<void>;
}

export async function startApiDouble(): Promise<ApiDouble> {
  /** The claim each handed-out item is under, by item id. */
  const claimed = new Map<string, string>();
  const double: ApiDouble = {
    url: '',
    requests: [],
    events: [],
    released: [],
    redelivered: [],
    delivered: [],
    pending: [],
    claims: [],
    results: [],
    conversations: new Map(),
    tokens: new Map(),
    fileRefs: new Map(),
    uploads: [],
    answerEvent: (event) => [
      { type: 'text', text: `Đã nhận: ${event.type === 'text' ? event.text : event.type}` },
    ],
    opensHandoff: () => false,
    reply: () => undefined,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  /** Like the API: the person's message and each reply become messages of the conversation. */
  const store = (event: BotEvent, replies: BotReply[]) => {
    const key = `${event.channel}/${event.chatId}`;
    const messages = double.conversations.get(key) ?? [];
    double.conversations.set(key, messages);
    const add = (message: Omit<ConversationMessage, 'seq' | 'createdAt'>) =>
      messages.push({ ...message, seq: messages.length + 1, createdAt: new Date().toISOString() });
    add({ direction: 'in', text: event.type === 'text' ? event.text : event.type });
    for (const reply of replies) add({ direction: 'out', reply });
  };

  const route = (method: string, path: string): RouteName | undefined => {
    if (method === 'POST' && path === '/api/v1/bot/events') return 'events';
    if (method === 'POST' && path === '/api/v1/bot/events/batch') return 'events';
    if (method === 'POST' && path === '/api/v1/bot/updates/release') return 'release';
    if (method === 'POST' && path === '/api/v1/bot/updates/redeliver') return 'redeliver';
    if (method === 'POST' && path === '/api/v1/bot/updates/delivered') return 'delivered';
    if (method === 'POST' && path === '/api/v1/bot/outbox/claim') return 'claim';
    if (method === 'POST' && /^\/api\/v1\/bot\/outbox\/[^/]+\/result$/.test(path)) return 'result';
    if (method === 'GET' && /^\/api\/v1\/bot\/conversations\/[^/]+\/[^/]+\/messages$/.test(path)) {
      return 'messages';
    }
    if (/^\/api\/v1\/bot\/files\/[^/]+$/.test(path)) {
      if (method === 'GET') return 'fileSource';
      if (method === 'PUT') return 'uploadFile';
    }
    if (/^\/api\/v1\/bot\/channels\/[^/]+\/tokens$/.test(path)) {
      if (method === 'GET') return 'getTokens';
      if (method === 'PUT') return 'saveTokens';
    }
    return undefined;
  };

  const handleEvent = (event: BotEvent): BotEventResult => {
    const duplicate = double.events.some(
      (e) => e.channel === event.channel && e.updateId === event.updateId,
    );
    const replies = double.answerEvent(event);
    if (duplicate) return { replies, duplicate };
    double.events.push(event);
    store(event, replies);
    return {
      replies,
      duplicate,
      handoffOpened: !event.handoffsPaused && double.opensHandoff(event),
    };
  };

  const answer = (name: RouteName, request: RecordedRequest, url: URL): Answer => {
    const custom = double.reply(name, request);
    if (custom) return custom;
    const segments = request.path.split('/').map(decodeURIComponent);
    switch (name) {
      case 'events': {
        if (request.path.endsWith('/batch')) {
          const { events } = request.body as BotEventBatchRequest;
          const results: BotEventBatchResponse = { results: events.map(handleEvent) };
          return { status: 200, body: results };
        }
        return { status: 200, body: handleEvent(request.body as BotEvent) };
      }
      case 'release': {
        const release = request.body as ReleaseBotUpdateRequest;
        const known = double.events.some(
          (e) => e.channel === release.channel && e.updateId === release.updateId,
        );
        if (!known) return { status: 404, body: { code: 'not_found', message: 'no such update' } };
        double.released.push(release);
        return { status: 204 };
      }
      case 'redeliver': {
        const redeliver = request.body as RedeliverBotUpdateRequest;
        const same = (e: { channel: string; updateId: string }) =>
          e.channel === redeliver.channel && e.updateId === redeliver.updateId;
        if (!double.events.some(same)) {
          return { status: 404, body: { code: 'not_found', message: 'no such update' } };
        }
        if (double.redelivered.some(same) || double.delivered.some(same)) {
          return { status: 409, body: { code: 'conflict', message: 'queued already' } };
        }
        double.redelivered.push(redeliver);
        return { status: 204 };
      }
      case 'delivered': {
        double.delivered.push(...(request.body as DeliveredBotUpdatesRequest).updates);
        return { status: 204 };
      }
      case 'claim': {
        const claim = request.body as OutboxClaimRequest;
        double.claims.push(claim);
        const items: OutboxItem[] = [];
        for (const item of [...double.pending]) {
          if (items.length >= claim.limit) break;
          if (!claim.channels.includes(item.channel)) continue;
          items.push(item);
          claimed.set(item.id, item.claimId);
          double.pending.splice(double.pending.indexOf(item), 1);
        }
        return { status: 200, body: { items } };
      }
      case 'result': {
        const { claimId, ...result } = request.body as OutboxResultRequest;
        if (claimed.get(segments[5]) !== claimId) {
          return { status: 409, body: { code: 'conflict', message: 'not this claim' } };
        }
        claimed.delete(segments[5]);
        double.results.push({ id: segments[5], ...result });
        return { status: 204 };
      }
      case 'messages': {
        const after = Number(url.searchParams.get('after') ?? 0);
        const all = double.conversations.get(`${segments[5]}/${segments[6]}`) ?? [];
        return { status: 200, body: { items: all.filter((m) => m.seq > after) } };
      }
      case 'getTokens': {
        const stored = double.tokens.get(segments[5] as Channel);
        return stored
          ? { status: 200, body: stored }
          : { status: 404, body: { code: 'channel_tokens_not_found', message: 'none stored' } };
      }
      case 'saveTokens': {
        const channel = segments[5] as Channel;
        const save = request.body as SaveChannelTokensRequest;
        const revision = double.tokens.get(channel)?.revision ?? 0;
        if (save.expectedRevision !== revision) {
          return { status: 409, body: { code: 'channel_tokens_stale', message: 'stale' } };
        }
        const stored: ChannelTokensResponse = {
          channel,
          accessToken: save.accessToken,
          refreshToken: save.refreshToken ?? null,
          accessExpiresAt: save.accessExpiresAt ?? null,
          revision: revision + 1,
          updatedAt: new Date().toISOString(),
        };
        double.tokens.set(channel, stored);
        return { status: 200, body: stored };
      }
      case 'fileSource': {
        const fileRef = double.fileRefs.get(segments[5]);
        return fileRef
          ? { status: 200, body: { fileRef, maxBytes: 1024 } }
          : { status: 404, body: { code: 'not_found', message: 'nothing to fetch' } };
      }
      case 'uploadFile': {
        const key = segments[5];
        double.uploads.push({
          key,
          bytes: request.raw ?? Buffer.alloc(0),
          contentType: request.contentType,
        });
        return { status: 204 };
      }
    }
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://api.local');
      const bytes = Buffer.concat(chunks);
      const contentType = req.headers['content-type'];
      const json = !contentType || contentType.startsWith('application/json');
      const text = json ? bytes.toString('utf8') : '';
      const request: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        authorization: req.headers.authorization,
        body: text ? (JSON.parse(text) as unknown) : undefined,
        ...(json ? {} : { raw: bytes, contentType }),
      };
      double.requests.push(request);
      const name = route(request.method, request.path);
      const { status, body } = name
        ? answer(name, request, url)
        : { status: 404, body: { code: 'route_not_found', message: 'no route' } };
      res.writeHead(status, body === undefined ? {} : { 'Content-Type': 'application/json' });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  double.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return double;
}

/** An outbox item with sensible defaults. */
export function outboxItem(overrides: Partial<OutboxItem> = {}): OutboxItem {
  return {
    id: overrides.id ?? `item-${Math.random().toString(36).slice(2, 10)}`,
    kind: 'staff_reply',
    channel: 'telegram',
    chatId: 'chat-1',
    replies: [{ type: 'text', text: 'Cán bộ trả lời: xin chào' }],
    attempts: 0,
    sentParts: 0,
    claimId: `claim-${Math.random().toString(36).slice(2, 10)}`,
    ...overrides,
  };
}
