/**
 * How many inbox items one client address may open from the web chat in an hour. Session ids
 * cost nothing to make up, so this counts by address. The API says whether a message opened an
 * item only when it answers it: each message holds a place while the API works on it, which it
 * keeps for the hour if it opened an item and gives back otherwise. However many messages come
 * at once, an address opens at most `max` items in any hour; beyond that its messages are still
 * answered, with handoffs paused (the API opens no item for them). In memory, per bot instance.
 */
export class HandoffBudget {
  private readonly opened = new Map<string, number[]>();
  private readonly inFlight = new Map<string, number>();
  private lastSweep = 0;

  constructor(
    private readonly max: number,
    private readonly windowMs = 60 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Holds a place for a message from `key` that may open an item: false when the hour's items
   * are opened or held by messages in flight (the message then goes on with handoffs paused).
   */
  take(key: string): boolean {
    const now = this.now();
    this.sweep(now);
    const inFlight = this.inFlight.get(key) ?? 0;
    if (this.recent(key, now).length + inFlight >= this.max) return false;
    this.inFlight.set(key, inFlight + 1);
    return true;
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
