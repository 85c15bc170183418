/**
 * Counts requests per key (a web-chat session) in a sliding window: at most `max` in any
 * `windowMs`. In memory and per instance: with several bot instances a person may get up to
 * `max` per instance, which is still a flood limit.
 */
export class FloodLimiter {
  private readonly hits = new Map<string, number[]>();
  private lastSweep = 0;

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request; returns 0 when allowed, else the milliseconds until one would be. */
  hit(key: string): number {
    const now = this.now();
    this.sweep(now);
    const recent = (this.hits.get(key) ?? []).filter((at) => at > now - this.windowMs);
    if (recent.length >= this.max) {
      this.hits.set(key, recent);
      return recent[0] + this.windowMs - now;
    }
    recent.push(now);
    this.hits.set(key, recent);
    return 0;
  }

  /** Forgets keys with nothing in the window, at most once a window, so memory stays bounded. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, times] of this.hits) {
      if (times[times.length - 1] <= now - this.windowMs) this.hits.delete(key);
    }
  }
}
