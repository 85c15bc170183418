/**
 * Keeps one channel's deliveries within its limits: `perSecond` for the whole bot and
 * `perChatPerSecond` for each chat. Each is a token bucket holding one token, i.e. sends are
 * spaced evenly (the strictest reading of "N per second": no second ever sees more than N).
 *
 * The chat is waited for first and the bot-wide slot reserved only once the chat is free, so
 * a chat that must wait never holds up deliveries to other chats.
 */
import type { ChannelLimits } from '../channels/channel';
import { sleep } from '../common/sleep';

export interface Reservation {
  /** True: the slot is reserved, send after `waitMs`. False: the chat is busy, ask again then. */
  granted: boolean;
  waitMs: number;
}

/** Timers may fire a millisecond early by the clock; sleep again for what is left. */
async function sleepUntil(at: number, now: () => number, signal?: AbortSignal): Promise<void> {
  while (now() < at && !signal?.aborted) await sleep(at - now(), signal);
}

/** Above this many remembered chats, chats free again are forgotten. */
const PRUNE_ABOVE = 10_000;

export class RateLimiter {
  private readonly botIntervalMs: number;
  private readonly chatIntervalMs: number;
  private botFreeAt = 0;
  private readonly chatFreeAt = new Map<string, number>();

  constructor(
    limits: ChannelLimits,
    private readonly now: () => number = Date.now,
  ) {
    this.botIntervalMs = 1000 / Math.max(limits.perSecond, 0.001);
    this.chatIntervalMs = 1000 / Math.max(limits.perChatPerSecond, 0.001);
  }

  /** `cost`: the platform messages one delivery makes (one per reply). */
  tryReserve(chatId: string, cost = 1): Reservation {
    const now = this.now();
    const chatFree = this.chatFreeAt.get(chatId) ?? 0;
    if (chatFree > now) return { granted: false, waitMs: chatFree - now };

    const start = Math.max(now, this.botFreeAt);
    this.botFreeAt = start + cost * this.botIntervalMs;
    this.chatFreeAt.set(chatId, start + cost * this.chatIntervalMs);
    if (this.chatFreeAt.size > PRUNE_ABOVE) this.prune(now);
    return { granted: true, waitMs: start - now };
  }

  /**
   * Waits until `cost` messages may go to `chatId`. Gives up without waiting when the slot would
   * come after `deadline` ('too-late'), or as soon as `signal` aborts ('stopped'); a slot taken
   * but not used is simply lost.
   */
  async acquire(
    chatId: string,
    cost: number,
    options: { signal?: AbortSignal; deadline?: number } = {},
  ): Promise<'ready' | 'too-late' | 'stopped'> {
    const { signal, deadline = Infinity } = options;
    for (;;) {
      if (signal?.aborted) return 'stopped';
      const now = this.now();
      const earliest = Math.max(now, this.chatFreeAt.get(chatId) ?? 0, this.botFreeAt);
      if (earliest > deadline) return 'too-late';
      const { granted, waitMs } = this.tryReserve(chatId, cost);
      await sleepUntil(now + waitMs, this.now, signal);
      if (granted) return signal?.aborted ? 'stopped' : 'ready';
    }
  }

  /** The platform asked to wait (a 429's retry_after): nothing goes to the chat until then. */
  holdChat(chatId: string, ms: number): void {
    const until = this.now() + ms;
    this.chatFreeAt.set(chatId, Math.max(this.chatFreeAt.get(chatId) ?? 0, until));
  }

  private prune(now: number): void {
    for (const [chatId, freeAt] of this.chatFreeAt) {
      if (freeAt <= now) this.chatFreeAt.delete(chatId);
    }
  }
}
