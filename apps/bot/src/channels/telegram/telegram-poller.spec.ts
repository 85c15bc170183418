/**
 * The poller against an in-memory getUpdates: an update that keeps failing is tried again with
 * back-off (Telegram's retry_after exactly when it gave one), in its own chat: the other chats
 * go on meanwhile, and it is dropped in the end.
 */
import type { Telegram } from 'telegraf';
import type { Update } from 'telegraf/types';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeliveryError } from '../channel';
import { TelegramPoller, type TelegramPollerOptions, type UpdateHandler } from './telegram-poller';

/** getUpdates as Telegram answers it: every queued update at or after the offset. */
function fakeTelegram() {
  let queue: Update[] = [];
  const offsets: (number | undefined)[] = [];
  const telegram = {
    async callApi(method: string, payload: { offset?: number }, extra?: { signal?: AbortSignal }) {
      if (method !== 'getUpdates') throw new Error(`unexpected ${method}`);
      offsets.push(payload.offset);
      if (payload.offset !== undefined) queue = queue.filter((u) => u.update_id >= payload.offset!);
      if (queue.length > 0) return [...queue];
      await new Promise((resolve) => setTimeout(resolve, 10));
      if (extra?.signal?.aborted) throw new Error('aborted');
      return [];
    },
  };
  return {
    telegram: telegram as unknown as Telegram,
    offsets,
    push: (...updates: Update[]) => queue.push(...updates),
    get pending() {
      return queue.map((u) => u.update_id);
    },
  };
}

const text = (updateId: number, chatId: number) =>
  ({
    update_id: updateId,
    message: { message_id: updateId, date: 0, chat: { id: chatId, type: 'private' }, text: 'hỏi' },
  }) as unknown as Update;

const pollers: TelegramPoller[] = [];
afterEach(async () => {
  for (const poller of pollers.splice(0)) await poller.stop();
});

function start(
  source: ReturnType<typeof fakeTelegram>,
  handle: UpdateHandler,
  options: Partial<TelegramPollerOptions> = {},
) {
  const errors: string[] = [];
  const poller = new TelegramPoller(source.telegram, handle, {
    timeoutSeconds: 0,
    retryDelayMs: { min: 5, max: 20 },
    logger: { info: () => {}, warn: () => {}, error: (m) => errors.push(m) },
    ...options,
  });
  pollers.push(poller);
  poller.start();
  return { poller, errors };
}

describe('TelegramPoller', () => {
  it('drops an update that keeps failing after the tries allowed, and goes on', async () => {
    const source = fakeTelegram();
    const tries = new Map<number, number>();
    const handled: number[] = [];
    const { errors } = start(
      source,
      async (update) => {
        tries.set(update.update_id, (tries.get(update.update_id) ?? 0) + 1);
        if (update.update_id === 1) throw new DeliveryError('Telegram sendMessage: 502', 'retry');
        handled.push(update.update_id);
      },
      { giveUp: { tries: 3, afterMs: 60_000 } },
    );
    source.push(text(1, 100), text(2, 100), text(3, 200));

    await vi.waitFor(() => expect(source.pending).toEqual([]), { timeout: 3_000 });

    expect(tries.get(1)).toBe(3);
    expect(handled).toEqual(expect.arrayContaining([2, 3]));
    expect(handled.indexOf(2)).toBeGreaterThanOrEqual(0);
    expect(errors).toEqual([
      expect.stringMatching(/^Telegram: update 1 dropped after 3 failed tries/),
    ]);
    expect(errors[0]).toContain('502');
  });

  it('drops an update that has been failing for longer than allowed', async () => {
    const source = fakeTelegram();
    let tries = 0;
    const { errors } = start(
      source,
      async () => {
        tries += 1;
        throw new Error('something odd');
      },
      { giveUp: { tries: 1_000, afterMs: 100 } },
    );
    source.push(text(1, 100));

    await vi.waitFor(() => expect(source.pending).toEqual([]), { timeout: 3_000 });

    expect(tries).toBeGreaterThan(1);
    expect(errors).toEqual([expect.stringContaining('update 1 dropped')]);
  });

  it('passes over at once an update that can never be handled', async () => {
    const source = fakeTelegram();
    let tries = 0;
    const { errors } = start(
      source,
      async () => {
        tries += 1;
        throw new Error('refused for good');
      },
      { classify: () => 'permanent' },
    );
    source.push(text(1, 100));

    await vi.waitFor(() => expect(source.pending).toEqual([]), { timeout: 3_000 });

    expect(tries).toBe(1);
    expect(errors).toEqual([expect.stringContaining('update 1 can never be handled')]);
  });

  it('never drops updates while the API as a whole cannot be reached', async () => {
    const source = fakeTelegram();
    let down = true;
    let tries = 0;
    start(
      source,
      async () => {
        tries += 1;
        if (down) throw new Error('API unreachable');
      },
      { giveUp: { tries: 2, afterMs: 10 }, classify: () => 'outage' },
    );
    source.push(text(1, 100));

    await vi.waitFor(() => expect(tries).toBeGreaterThanOrEqual(4), { timeout: 3_000 });
    expect(source.pending).toEqual([1]);
    down = false;

    await vi.waitFor(() => expect(source.pending).toEqual([]), { timeout: 3_000 });
  });

  it('does not count the time the API was unreachable toward the time allowed', async () => {
    const source = fakeTelegram();
    const started = Date.now();
    let calls = 0;
    class Outage extends Error {}
    const { errors } = start(
      source,
      async () => {
        calls += 1;
        // One temporary failure, then the API is unreachable for 600 ms, then temporary again.
        if (calls > 1 && Date.now() - started < 600) throw new Outage('API unreachable');
        throw new Error('telegram 5xx');
      },
      {
        giveUp: { tries: 1_000, afterMs: 500 },
        classify: (error) => (error instanceof Outage ? 'outage' : 'temporary'),
      },
    );
    source.push(text(1, 100));

    await new Promise((resolve) => setTimeout(resolve, 900));
    // 900 ms since the first failure, but only about 300 ms of it failing for itself.
    expect(errors).toEqual([]);
    expect(source.pending).toEqual([1]);

    await vi.waitFor(() => expect(source.pending).toEqual([]), { timeout: 3_000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_100);
    expect(errors).toEqual([
      expect.stringMatching(/update 1 dropped after \d+ failed tries in [01] s/),
    ]);
  });

  it('does not count the time getUpdates itself failed toward the time allowed', async () => {
    const source = fakeTelegram();
    const started = Date.now();
    const realCall = source.telegram.callApi.bind(source.telegram);
    let tries = 0;
    (source.telegram as unknown as { callApi: typeof realCall }).callApi = async (...args) => {
      const elapsed = Date.now() - started;
      if (tries > 0 && elapsed < 600) throw new Error('Telegram unreachable');
      return realCall(...args);
    };
    const { errors } = start(
      source,
      async () => {
        tries += 1;
        throw new Error('telegram 5xx');
      },
      { giveUp: { tries: 1_000, afterMs: 500 } },
    );
    source.push(text(1, 100));

    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(errors).toEqual([]);
    await vi.waitFor(() => expect(source.pending).toEqual([]), { timeout: 3_000 });
  });

  it("tries a failed update again after exactly Telegram's retry_after, each time", async () => {
    const source = fakeTelegram();
    const at: number[] = [];
    start(
      source,
      async () => {
        at.push(Date.now());
        if (at.length <= 3) throw new DeliveryError('Telegram sendMessage: 429', 'retry', 1);
      },
      { retryDelayMs: { min: 1_000, max: 30_000 } },
    );
    source.push(text(1, 100));

    await vi.waitFor(() => expect(source.pending).toEqual([]), { timeout: 6_000 });

    // 1 s, 1 s, 1 s: not the back-off's 1, 2, 4 s. Timers may fire a millisecond early by
    // Date.now()'s rounding, and late on a loaded machine, but never near the back-off's 2 s.
    const gaps = at.slice(1).map((t, i) => t - at[i]);
    expect(gaps).toHaveLength(3);
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(995);
      expect(gap).toBeLessThan(1_800);
    }
  });

  it('handles other chats, and updates that come meanwhile, while one chat waits to try again', async () => {
    const source = fakeTelegram();
    const handled: { id: number; at: number }[] = [];
    let failed = false;
    start(source, async (update) => {
      if (update.update_id === 1 && !failed) {
        failed = true;
        throw new DeliveryError('Telegram sendMessage: 429', 'retry', 2);
      }
      handled.push({ id: update.update_id, at: Date.now() });
    });
    source.push(text(1, 100), text(2, 100), text(3, 200));
    await vi.waitFor(() => expect(handled.map((h) => h.id)).toEqual([3]));
    const asked = Date.now();
    source.push(text(4, 300));

    await vi.waitFor(() => expect(handled.map((h) => h.id)).toEqual([3, 4]));
    expect(handled[1].at - asked).toBeLessThan(500);
    // Nothing acknowledged past the waiting update: it comes again after a restart, and so do
    // those handled after it (the API answers them as duplicates).
    expect(source.pending).toEqual([1, 2, 3, 4]);

    await vi.waitFor(() => expect(source.pending).toEqual([]), { timeout: 4_000 });
    expect(handled.map((h) => h.id)).toEqual([3, 4, 1, 2]);
  });

  it("waits at least Telegram's retry_after before trying a failed update again", async () => {
    const source = fakeTelegram();
    const at: number[] = [];
    start(source, async () => {
      at.push(Date.now());
      if (at.length === 1) throw new DeliveryError('Telegram sendMessage: 429', 'retry', 1);
    });
    source.push(text(1, 100));

    await vi.waitFor(() => expect(source.pending).toEqual([]), { timeout: 3_000 });

    expect(at).toHaveLength(2);
    // A timer may fire a millisecond early by Date.now()'s rounding.
    expect(at[1] - at[0]).toBeGreaterThanOrEqual(995);
  });
});
