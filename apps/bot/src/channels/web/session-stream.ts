/**
 * One open Server-Sent Events stream of a web-chat session. The API stores every message of a
 * conversation (the person's, the bot's answers, staff replies); while the stream is open the
 * bot asks for the ones after the last it pushed and pushes them, with the message's `seq` as
 * the event id. The cursor is the only state, and the browser holds it too (`Last-Event-ID`),
 * so a stream may resume on any bot instance.
 */
import type { ServerResponse } from 'node:http';
import { isApiError, type ApiClient } from '@gcm/api-client';
import type { ConversationMessage } from '@gcm/domain';
import { errorMessage, silentLogger, type Logger } from '../../common/logger';

export type ConversationSource = Pick<ApiClient['bot'], 'messages'>;

export interface SessionStreamOptions {
  /** How often to ask the API for new messages. */
  pollMs: number;
  /** A comment line this often keeps proxies from closing an idle stream. */
  heartbeatMs?: number;
  /**
   * The stream ends after this long and the browser opens a new one from where it was: no
   * connection is held for ever, and a load balancer gets to spread them again.
   */
  maxLifetimeMs?: number;
  /** What the browser waits before reconnecting (the SSE `retry` field). */
  reconnectMs?: number;
  log?: Logger;
}

/** Longest wait between polls while the API keeps failing. */
const MAX_POLL_BACKOFF_MS = 15_000;

export class SessionStream {
  private cursor: number;
  private closed = false;
  private failures = 0;
  private readonly timers: NodeJS.Timeout[] = [];
  private pollTimer?: NodeJS.Timeout;

  constructor(
    private readonly res: ServerResponse,
    private readonly sessionId: string,
    after: number,
    private readonly api: ConversationSource,
    private readonly options: SessionStreamOptions,
    private readonly onClose: () => void = () => {},
  ) {
    this.cursor = after;
  }

  /** Sends the stream's headers and starts polling; `headers` adds CORS and the like. */
  open(headers: Record<string, string>): void {
    this.res.writeHead(200, {
      ...headers,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store, no-transform',
      Connection: 'keep-alive',
      // nginx would otherwise buffer the stream and deliver it in lumps.
      'X-Accel-Buffering': 'no',
    });
    this.res.write(`retry: ${this.options.reconnectMs ?? 3000}\n\n`);
    this.res.on('close', () => this.close());

    const heartbeat = setInterval(
      () => this.res.write(': ping\n\n'),
      this.options.heartbeatMs ?? 15_000,
    );
    const lifetime = setTimeout(() => this.close(), this.options.maxLifetimeMs ?? 15 * 60_000);
    this.timers.push(heartbeat, lifetime);
    void this.poll();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    clearTimeout(this.pollTimer);
    if (!this.res.writableEnded) this.res.end();
    this.onClose();
  }

  private async poll(): Promise<void> {
    let delayMs = this.options.pollMs;
    try {
      const { items } = await this.api.messages('web', this.sessionId, this.cursor);
      this.push(items);
      this.failures = 0;
    } catch (error) {
      // 404: nobody has written in this session yet; nothing to push.
      if (!(isApiError(error) && error.status === 404)) {
        this.failures += 1;
        if (this.failures === 1) {
          (this.options.log ?? silentLogger).warn(
            `web chat: reading messages of a session failed: ${errorMessage(error)}`,
          );
        }
        delayMs = Math.min(this.options.pollMs * 2 ** this.failures, MAX_POLL_BACKOFF_MS);
      }
    }
    if (!this.closed) this.pollTimer = setTimeout(() => void this.poll(), delayMs);
  }

  private push(items: ConversationMessage[]): void {
    if (this.closed) return;
    for (const message of [...items].sort((a, b) => a.seq - b.seq)) {
      if (message.seq <= this.cursor) continue;
      // JSON.stringify escapes line breaks, so the event is one `data:` line.
      this.res.write(`id: ${message.seq}\ndata: ${JSON.stringify(message)}\n\n`);
      this.cursor = message.seq;
    }
  }
}

/** The cursor to resume from: the browser's Last-Event-ID, else `?after=`, else the start. */
export function resumeCursor(
  lastEventId: string | string[] | undefined,
  after: string | null,
): number {
  for (const value of [lastEventId, after]) {
    if (typeof value === 'string' && /^\d{1,15}$/.test(value.trim())) return Number(value.trim());
  }
  return 0;
}
