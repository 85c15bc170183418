/**
 * How many inbox items one client address may open from the web chat in an hour. Session ids
 * cost nothing to make up, so this counts by address. The API says whether a message opened an
 * item only when it answers it: each message holds a place while the API works on it, which it
 * keeps for the hour if it opened an item and gives back otherwise. However many messages come
 * at once, an address opens at most `max` items in any hour. In memory, per bot instance.
 */
export interface HandoffRefusal {
  retryAfterMs: number;
  /** The hour's items are all opened; otherwise places are held by messages the API has now. */
  spent: boolean;
}

/** A place held by a message in flight frees up within the API's answer time. */
const IN_FLIGHT_RETRY_MS = 1_000;

export class HandoffBudget {
  private readonly opened = new Map<string, number[]>();
  private readonly inFlight = new Map<string, number>();
  private lastSweep = 0;

  constructor(
    private readonly max: number,
    private readonly windowMs = 60 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Holds a place for a message from `key`; undefined when held, else why not. */
  take(key: string): HandoffRefusal | undefined {
    const now = this.now();
    this.sweep(now);
    const opened = this.recent(key, now);
    const inFlight = this.inFlight.get(key) ?? 0;
    if (opened.length + inFlight < this.max) {
      this.inFlight.set(key, inFlight + 1);
      return undefined;
    }
    return opened.length >= this.max
      ? { spent: true, retryAfterMs: opened[0] + this.windowMs - now }
      : { spent: false, retryAfterMs: IN_FLIGHT_RETRY_MS };
  }

  /** The API has answered the message (or failed): its place is kept for the hour if it opened an item. */
  settle(key: string, openedItem: boolean): void {
    const inFlight = (this.inFlight.get(key) ?? 1) - 1;
    if (inFlight > 0) this.inFlight.set(key, inFlight);
    else this.inFlight.delete(key);
    if (openedItem) {
      const now = this.now();
      this.opened.set(key, [...this.recent(key, now), now]);
    }
  }

  private recent(key: string, now: number): number[] {
    return (this.opened.get(key) ?? []).filter((at) => at > now - this.windowMs);
  }

  /** Forgets addresses with nothing in the window, at most once a window. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, times] of this.opened) {
      if (times[times.length - 1] <= now - this.windowMs) this.opened.delete(key);
    }
  }
}
