/**
 * What a monitor polling `/health` saw: the test asks the API's and the bot's health every
 * `everyMs` and keeps each answer with its time, to check what an operator is shown during an
 * outage.
 *
 *   const health = watchHealth({ api: api.baseUrl, bot: bot.url });
 *   …
 *   const during = health.between(cutAt, restoredAt);
 *   health.stop();
 */

export interface HealthSample {
  at: number;
  /** HTTP status, or 0 when nothing answered. */
  status: number;
  body: Record<string, unknown>;
}

export interface HealthLog {
  readonly samples: Record<string, HealthSample[]>;
  /** The samples of `target` taken between two times. */
  between(target: string, from: number, to: number): HealthSample[];
  stop(): Promise<void>;
}

export function watchHealth(
  targets: Record<string, string | (() => string)>,
  everyMs = 500,
): HealthLog {
  const samples: Record<string, HealthSample[]> = {};
  let running = true;
  const loops = Object.entries(targets).map(async ([name, base]) => {
    samples[name] = [];
    while (running) {
      const at = Date.now();
      const url = `${typeof base === 'function' ? base() : base}/health`;
      let sample: HealthSample;
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(3_000) });
        sample = { at, status: res.status, body: (await res.json()) as Record<string, unknown> };
      } catch {
        sample = { at, status: 0, body: {} };
      }
      samples[name].push(sample);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  });
  return {
    samples,
    between: (target, from, to) =>
      (samples[target] ?? []).filter((s) => s.at >= from && s.at <= to),
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

/** `503 {"status":"degraded","database":"down"} × 58` for the log: each distinct answer, counted. */
export function describeSamples(samples: HealthSample[]): string {
  const counts = new Map<string, number>();
  for (const s of samples) {
    const key = `${s.status || 'no answer'} ${JSON.stringify(s.body)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => `${key} × ${n}`).join('; ') || 'none';
}
