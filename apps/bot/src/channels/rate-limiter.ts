/**
 * One channel's sending budget, shared by everything this bot instance sends on it (replies to
 * people who just wrote, and the outbox): at most `perSecond` messages a second for the whole
 * bot and `perChatPerSecond` to one chat.
 *
 * - Senders wait in one queue. Whenever the bot-wide budget has room, the first waiter whose chat
 *   is free goes: replies (`reply`) before outbox messages (`outbox`), each in the order their
 *   deliveries began. A chat that must wait (its last message went out less than an interval ago,
 *   or the platform asked to hold it) never holds up the other chats.
 * - A delivery (`deliver`) is the messages of one reply or outbox item, sent one at a time. Once
 *   its first message went out, no other delivery's message goes to that chat until it is done,
 *   so nothing lands between the two parts of a long warning; a reply may still go before an
 *   outbox delivery that has not begun.
 * - Messages are spaced evenly (1 s / perSecond), and the budget counts sends until their answer
 *   came: a send starts only when fewer than perSecond others started or were answered within
 *   the last second. The platform therefore never receives more than perSecond within a second,
 *   however the network delays them. Likewise a chat's next message starts a full interval after
 *   the answer to its previous one.
 */
import { DeliveryError, type ChannelLimits, type SendPriority } from './channel';

export type SlotResult = 'ready' | 'too-late' | 'stopped';

export interface SlotOptions {
  /** Default `outbox`. */
  priority?: SendPriority;
  /** Aborted: the wait ends with 'stopped'. */
  signal?: AbortSignal;
  /** Epoch ms: a slot that would come later is not waited for ('too-late'). */
  deadline?: number;
}

/** A message got no sending slot: its deadline came first, or the sender is stopping. */
export class NoSlotError extends DeliveryError {
  constructor(
    readonly reason: 'too-late' | 'stopped',
    sent = 0,
  ) {
    super(
      reason === 'stopped' ? 'stopping' : 'no sending slot before the deadline',
      'retry',
      undefined,
      'channel',
      sent,
    );
  }

  override afterSending(sent: number): NoSlotError {
    return new NoSlotError(this.reason, sent);
  }
}

/** Sends one message of a delivery: waits for its slot (NoSlotError without), then runs `call`. */
export type PacedSend = <T>(call: () => Promise<T>) => Promise<T>;

const RANK: Record<SendPriority, number> = { reply: 0, outbox: 1 };
/** Above this many remembered chats, chats free again are forgotten. */
const PRUNE_ABOVE = 10_000;

interface Delivery {
  /** Replies first, then the order in which deliveries began. */
  readonly rank: number;
  readonly order: number;
}

interface Waiter {
  readonly chatId: string;
  readonly cost: number;
  readonly delivery: Delivery;
  readonly deadline: number;
  /** Part of a delivery: it holds the chat and counts in the budget until its answer. */
  readonly tracked: boolean;
  settle(result: SlotResult): void;
}

export class RateLimiter {
  private readonly botIntervalMs: number;
  private readonly chatIntervalMs: number;
  /** The budget: at most `windowCount` sends within `windowMs` (perSecond in a second). */
  private readonly windowCount: number;
  private readonly windowMs: number;
  private botFreeAt = 0;
  private readonly chatFreeAt = new Map<string, number>();
  /** The delivery that has a chat until it is done. */
  private readonly activeIn = new Map<string, Delivery>();
  /** Messages of deliveries sent and not answered yet. */
  private inFlight = 0;
  /** When recent messages were answered (or, for acquire, granted), oldest first. */
  private readonly finished: number[] = [];
  /** Sorted by rank, then order. */
  private readonly waiters: Waiter[] = [];
  private nextOrder = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private timerAt = Infinity;

  constructor(
    limits: ChannelLimits,
    private readonly now: () => number = () => Date.now(),
  ) {
    const perSecond = Math.max(limits.perSecond, 0.001);
    this.botIntervalMs = 1000 / perSecond;
    this.chatIntervalMs = 1000 / Math.max(limits.perChatPerSecond, 0.001);
    this.windowCount = Math.max(1, Math.floor(perSecond));
    this.windowMs = (this.windowCount * 1000) / perSecond;
  }

  /**
   * Runs one delivery to `chatId`: `work` sends each message through `send`, which waits for the
   * message's slot (NoSlotError when `options.deadline` would pass first or the signal aborts),
   * runs it, and notes when it was answered.
   */
  async deliver<T>(
    chatId: string,
    options: SlotOptions,
    work: (send: PacedSend) => Promise<T>,
  ): Promise<T> {
    const delivery = this.open(options.priority);
    const send: PacedSend = async (call) => {
      const slot = await this.wait(chatId, 1, delivery, options, true);
      if (slot !== 'ready') throw new NoSlotError(slot);
      try {
        return await call();
      } finally {
        this.finish(chatId);
      }
    };
    try {
      return await work(send);
    } finally {
      if (this.activeIn.get(chatId) === delivery) {
        this.activeIn.delete(chatId);
        this.dispatch();
      }
    }
  }

  /**
   * One slot for `cost` messages sent at once, counted from now (channels pace each message of
   * a delivery with `deliver` instead). Resolves 'ready' when they may go, 'too-late' when the slot would come after the
   * deadline, 'stopped' when the signal aborts.
   */
  acquire(chatId: string, cost = 1, options: SlotOptions = {}): Promise<SlotResult> {
    return this.wait(chatId, Math.max(1, cost), this.open(options.priority), options, false);
  }

  /** The platform asked to wait (a 429's retry_after): nothing goes to the chat until then. */
  holdChat(chatId: string, ms: number): void {
    const until = this.now() + ms;
    this.chatFreeAt.set(chatId, Math.max(this.chatFreeAt.get(chatId) ?? 0, until));
    this.dispatch();
  }

  /** When the chat may get its next message (epoch ms; now or earlier when it is free). */
  chatFreeFrom(chatId: string): number {
    return this.chatFreeAt.get(chatId) ?? 0;
  }

  private open(priority: SendPriority = 'outbox'): Delivery {
    return { rank: RANK[priority], order: this.nextOrder++ };
  }

  private wait(
    chatId: string,
    cost: number,
    delivery: Delivery,
    options: SlotOptions,
    tracked: boolean,
  ): Promise<SlotResult> {
    const { signal, deadline = Infinity } = options;
    if (signal?.aborted) return Promise.resolve('stopped');
    if (Math.max(this.chatFreeFrom(chatId), this.botFreeAt) > deadline) {
      return Promise.resolve('too-late');
    }
    return new Promise<SlotResult>((resolve) => {
      const onAbort = () => {
        waiter.settle('stopped');
        this.dispatch();
      };
      const waiter: Waiter = {
        chatId,
        cost,
        delivery,
        deadline,
        tracked,
        settle: (result) => {
          const index = this.waiters.indexOf(waiter);
          if (index >= 0) this.waiters.splice(index, 1);
          signal?.removeEventListener('abort', onAbort);
          resolve(result);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const after = this.waiters.findIndex(
        (other) =>
          other.delivery.rank > delivery.rank ||
          (other.delivery.rank === delivery.rank && other.delivery.order > delivery.order),
      );
      this.waiters.splice(after < 0 ? this.waiters.length : after, 0, waiter);
      this.dispatch();
    });
  }

  /** Grants every slot due now, then sets the timer for the next thing to happen. */
  private dispatch(): void {
    const now = this.now();
    for (const waiter of [...this.waiters]) {
      if (waiter.deadline < now) waiter.settle('too-late');
    }
    let wakeAt = Infinity;
    while (this.waiters.length > 0) {
      const { waiter, chatFreeAt } = this.nextEligible(now);
      if (!waiter) {
        wakeAt = chatFreeAt;
        break;
      }
      // Infinity: the budget is full of sends not answered yet; their answers dispatch again.
      const readyAt = Math.max(this.botFreeAt, this.budgetFreeAt(now, waiter.cost));
      if (readyAt > now) {
        wakeAt = readyAt;
        break;
      }
      this.grant(waiter, now);
    }
    for (const waiter of this.waiters) wakeAt = Math.min(wakeAt, waiter.deadline + 1);
    this.schedule(wakeAt, now);
  }

  /**
   * The first waiter, in priority order, whose chat is free now and not in another delivery's
   * hands; otherwise when the first blocked chat becomes free.
   */
  private nextEligible(now: number): { waiter?: Waiter; chatFreeAt: number } {
    const considered = new Set<string>();
    let chatFreeAt = Infinity;
    for (const waiter of this.waiters) {
      const active = this.activeIn.get(waiter.chatId);
      if (active && active !== waiter.delivery) continue;
      // Only a chat's first waiter may go: a chat's messages keep their order.
      if (considered.has(waiter.chatId)) continue;
      considered.add(waiter.chatId);
      const free = this.chatFreeFrom(waiter.chatId);
      if (free <= now) return { waiter, chatFreeAt };
      chatFreeAt = Math.min(chatFreeAt, free);
    }
    return { chatFreeAt };
  }

  /** When `cost` more messages fit in the budget: now, a time, or Infinity (wait for answers). */
  private budgetFreeAt(now: number, cost: number): number {
    const cutoff = now - this.windowMs;
    let expired = 0;
    while (expired < this.finished.length && this.finished[expired] <= cutoff) expired += 1;
    this.finished.splice(0, expired);
    const over =
      this.inFlight + this.finished.length + Math.min(cost, this.windowCount) - this.windowCount;
    if (over <= 0) return now;
    if (over > this.finished.length) return Infinity;
    return this.finished[over - 1] + this.windowMs;
  }

  private grant(waiter: Waiter, now: number): void {
    waiter.settle('ready');
    // On the grid of the previous slots when a timer fired a little late, so that late timers
    // do not add up (the budget above keeps the platform's limit whatever the spacing).
    this.botFreeAt =
      Math.max(this.botFreeAt, now - this.botIntervalMs) + waiter.cost * this.botIntervalMs;
    this.chatFreeAt.set(waiter.chatId, now + waiter.cost * this.chatIntervalMs);
    if (waiter.tracked) {
      this.inFlight += waiter.cost;
      this.activeIn.set(waiter.chatId, waiter.delivery);
    } else {
      for (let i = 0; i < waiter.cost; i += 1) this.finished.push(now);
    }
    if (this.chatFreeAt.size > PRUNE_ABOVE) this.prune(now);
  }

  /** A delivery's message was answered (or failed): the chat's interval counts from now. */
  private finish(chatId: string): void {
    const now = this.now();
    this.inFlight -= 1;
    this.finished.push(now);
    this.chatFreeAt.set(chatId, Math.max(this.chatFreeFrom(chatId), now + this.chatIntervalMs));
    this.dispatch();
  }

  private schedule(at: number, now: number): void {
    if (at === this.timerAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = at;
    if (at === Infinity) return;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.timerAt = Infinity;
        this.dispatch();
      },
      Math.max(0, Math.ceil(at - now)),
    );
  }

  private prune(now: number): void {
    for (const [chatId, freeAt] of this.chatFreeAt) {
      if (freeAt <= now && !this.activeIn.has(chatId)) this.chatFreeAt.delete(chatId);
    }
  }
}
