import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SendPriority } from './channel';
import { NoSlotError, RateLimiter, type SlotOptions } from './rate-limiter';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});

afterEach(() => {
  vi.useRealTimers();
});

/** Acquires slots one after another, noting when each was granted. */
function acquireAll(sut: RateLimiter, chats: string[], options: SlotOptions = {}) {
  const at: Record<string, number[]> = {};
  const done = Promise.all(
    chats.map(async (chat) => {
      expect(await sut.acquire(chat, 1, options)).toBe('ready');
      (at[chat] ??= []).push(Date.now());
    }),
  );
  return { at, done };
}

/** A delivery of `messages` sends, each taking `sendMs`; notes when each started. */
function delivery(
  sut: RateLimiter,
  chat: string,
  label: string,
  log: string[],
  { messages = 1, sendMs = 0, priority = 'outbox' as SendPriority } = {},
) {
  return sut.deliver(chat, { priority }, async (send) => {
    for (let i = 1; i <= messages; i += 1) {
      await send(async () => {
        log.push(`${Date.now()} ${label}${messages > 1 ? ` ${i}/${messages}` : ''}`);
        await new Promise((resolve) => setTimeout(resolve, sendMs));
      });
    }
  });
}

describe('RateLimiter', () => {
  it('spaces messages to one chat by 1 s / perChatPerSecond', async () => {
    const sut = new RateLimiter({ perSecond: 30, perChatPerSecond: 1 });
    const { at, done } = acquireAll(sut, ['a', 'a', 'a']);

    await vi.runAllTimersAsync();
    await done;

    expect(at.a).toEqual([0, 1000, 2000]);
  });

  it('spaces messages of the whole bot by 1 s / perSecond', async () => {
    const sut = new RateLimiter({ perSecond: 10, perChatPerSecond: 1 });
    const { at, done } = acquireAll(sut, ['a', 'b', 'c']);

    await vi.runAllTimersAsync();
    await done;

    expect([at.a, at.b, at.c]).toEqual([[0], [100], [200]]);
  });

  it('does not let a chat that must wait hold up the other chats', async () => {
    const sut = new RateLimiter({ perSecond: 10, perChatPerSecond: 1 });
    sut.holdChat('busy', 5000);
    const { at, done } = acquireAll(sut, ['busy', 'other', 'third']);

    await vi.runAllTimersAsync();
    await done;

    expect(at).toEqual({ busy: [5000], other: [0], third: [100] });
  });

  it('counts a slot for several messages as several', async () => {
    const sut = new RateLimiter({ perSecond: 10, perChatPerSecond: 1 });
    await sut.acquire('a', 3);
    const { at, done } = acquireAll(sut, ['a', 'b']);

    await vi.runAllTimersAsync();
    await done;

    expect(at).toEqual({ a: [3000], b: [300] });
  });

  it('gives replies to people waiting the next slot before outbox messages queued earlier', async () => {
    const sut = new RateLimiter({ perSecond: 1, perChatPerSecond: 1 });
    const log: string[] = [];
    const sends = ['o1', 'o2', 'o3'].map((chat) => delivery(sut, chat, chat, log));
    await vi.advanceTimersByTimeAsync(10);
    sends.push(delivery(sut, 'r', 'r', log, { priority: 'reply' }));

    await vi.runAllTimersAsync();
    await Promise.all(sends);

    expect(log).toEqual(['0 o1', '1000 r', '2000 o2', '3000 o3']);
  });

  it('keeps the parts of a delivery together in its chat, paced one a second from their answers', async () => {
    const sut = new RateLimiter({ perSecond: 30, perChatPerSecond: 1 });
    const log: string[] = [];
    const warning = delivery(sut, 'a', 'warning', log, { messages: 2, sendMs: 20 });
    await vi.advanceTimersByTimeAsync(10);
    // Asked after part 1 went out: it waits for part 2, then a second more.
    const answer = delivery(sut, 'a', 'answer', log, { priority: 'reply', sendMs: 20 });

    await vi.runAllTimersAsync();
    await Promise.all([warning, answer]);

    expect(log).toEqual(['0 warning 1/2', '1020 warning 2/2', '2040 answer']);
  });

  it('lets a reply go before an outbox delivery to the same chat that has not begun', async () => {
    const sut = new RateLimiter({ perSecond: 1, perChatPerSecond: 1 });
    const log: string[] = [];
    const first = delivery(sut, 'x', 'other chat', log);
    const warning = delivery(sut, 'a', 'warning', log, { messages: 2 });
    await vi.advanceTimersByTimeAsync(10);
    const answer = delivery(sut, 'a', 'answer', log, { priority: 'reply' });

    await vi.runAllTimersAsync();
    await Promise.all([first, warning, answer]);

    expect(log).toEqual(['0 other chat', '1000 answer', '2000 warning 1/2', '3000 warning 2/2']);
  });

  it('never starts more than perSecond sends within a second of the earlier ones being answered', async () => {
    const sut = new RateLimiter({ perSecond: 4, perChatPerSecond: 1 });
    const log: string[] = [];
    // Each send takes 100 ms to be answered: the 5th waits for the 1st answer plus a second.
    const sends = ['a', 'b', 'c', 'd', 'e'].map((chat) =>
      delivery(sut, chat, chat, log, { sendMs: 100 }),
    );

    await vi.runAllTimersAsync();
    await Promise.all(sends);

    expect(log).toEqual(['0 a', '250 b', '500 c', '750 d', '1100 e']);
  });

  it('holds a chat for as long as the platform asked', async () => {
    const sut = new RateLimiter({ perSecond: 30, perChatPerSecond: 1 });
    sut.holdChat('a', 5000);
    const { at, done } = acquireAll(sut, ['a']);

    await vi.runAllTimersAsync();
    await done;

    expect(at.a).toEqual([5000]);
  });

  it('ends a wait when the signal aborts', async () => {
    const sut = new RateLimiter({ perSecond: 1, perChatPerSecond: 1 });
    const controller = new AbortController();
    await sut.acquire('a', 1);

    const second = sut.acquire('a', 1, { signal: controller.signal });
    controller.abort();

    await expect(second).resolves.toBe('stopped');
  });

  it('gives up at once when the slot would come after the deadline', async () => {
    const sut = new RateLimiter({ perSecond: 10, perChatPerSecond: 1 });
    await sut.acquire('a', 1);

    await expect(sut.acquire('a', 1, { deadline: 500 })).resolves.toBe('too-late');
    const other = sut.acquire('b', 1, { deadline: 500 });
    await vi.runAllTimersAsync();
    await expect(other).resolves.toBe('ready');
    expect(Date.now()).toBe(100);
  });

  it('gives up at the deadline when others keep the slots until then', async () => {
    const sut = new RateLimiter({ perSecond: 1, perChatPerSecond: 1 });
    const replies = ['r1', 'r2', 'r3'].map((chat) => sut.acquire(chat, 1, { priority: 'reply' }));
    const late = sut.acquire('o', 1, { deadline: 1500 });

    await vi.runAllTimersAsync();

    await expect(late).resolves.toBe('too-late');
    await expect(Promise.all(replies)).resolves.toEqual(['ready', 'ready', 'ready']);
  });

  it('refuses a delivery’s message without a slot with NoSlotError, counting what went out', async () => {
    const sut = new RateLimiter({ perSecond: 30, perChatPerSecond: 1 });
    let sent = 0;
    const result = sut
      .deliver('a', { deadline: 500 }, async (send) => {
        await send(async () => (sent += 1));
        await send(async () => (sent += 1));
      })
      .catch((error: unknown) => error);

    await vi.runAllTimersAsync();

    const error = await result;
    expect(error).toBeInstanceOf(NoSlotError);
    expect(error).toMatchObject({ reason: 'too-late', kind: 'retry' });
    expect(sent).toBe(1);
  });
});
