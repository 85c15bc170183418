import { afterEach, describe, expect, it, vi } from 'vitest';
import { RateLimiter } from './rate-limiter';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('RateLimiter', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('spaces messages to one chat by 1 s / perChatPerSecond', () => {
    const time = clock();
    const sut = new RateLimiter({ perSecond: 30, perChatPerSecond: 1 }, time.now);

    expect(sut.tryReserve('a')).toEqual({ granted: true, waitMs: 0 });
    expect(sut.tryReserve('a')).toEqual({ granted: false, waitMs: 1000 });
    time.advance(1000);
    expect(sut.tryReserve('a')).toEqual({ granted: true, waitMs: 0 });
  });

  it('spaces messages of the whole bot by 1 s / perSecond', () => {
    const time = clock();
    const sut = new RateLimiter({ perSecond: 10, perChatPerSecond: 1 }, time.now);

    const waits = ['a', 'b', 'c'].map((chat) => sut.tryReserve(chat).waitMs);

    expect(waits).toEqual([0, 100, 200]);
  });

  it('does not let a waiting chat hold up the other chats', () => {
    const time = clock();
    const sut = new RateLimiter({ perSecond: 10, perChatPerSecond: 1 }, time.now);
    sut.tryReserve('busy');

    expect(sut.tryReserve('busy').granted).toBe(false);
    expect(sut.tryReserve('other')).toEqual({ granted: true, waitMs: 100 });
  });

  it('counts a delivery of several replies as several messages', () => {
    const time = clock();
    const sut = new RateLimiter({ perSecond: 10, perChatPerSecond: 1 }, time.now);

    sut.tryReserve('a', 3);

    expect(sut.tryReserve('a')).toEqual({ granted: false, waitMs: 3000 });
    expect(sut.tryReserve('b').waitMs).toBe(300);
  });

  it('holds a chat for as long as the platform asked', () => {
    const time = clock();
    const sut = new RateLimiter({ perSecond: 30, perChatPerSecond: 1 }, time.now);

    sut.holdChat('a', 5000);

    expect(sut.tryReserve('a')).toEqual({ granted: false, waitMs: 5000 });
  });

  it('acquire waits for the chat, then for the bot-wide slot (fake timers)', async () => {
    vi.useFakeTimers({ now: 0 });
    const sut = new RateLimiter({ perSecond: 2, perChatPerSecond: 0.5 });
    const sentAt: number[] = [];

    const sending = (async () => {
      for (let i = 0; i < 3; i++) {
        await sut.acquire('a', 1);
        sentAt.push(Date.now());
      }
    })();
    await vi.runAllTimersAsync();
    await sending;

    expect(sentAt).toEqual([0, 2000, 4000]);
  });

  it('acquire gives up when the signal aborts', async () => {
    vi.useFakeTimers({ now: 0 });
    const sut = new RateLimiter({ perSecond: 1, perChatPerSecond: 1 });
    const controller = new AbortController();
    await sut.acquire('a', 1);

    const second = sut.acquire('a', 1, { signal: controller.signal });
    controller.abort();

    await expect(second).resolves.toBe('stopped');
  });

  it('acquire gives up at once when the slot would come after the deadline', async () => {
    vi.useFakeTimers({ now: 0 });
    const sut = new RateLimiter({ perSecond: 10, perChatPerSecond: 1 });
    await sut.acquire('a', 1);

    await expect(sut.acquire('a', 1, { deadline: 500 })).resolves.toBe('too-late');
    const other = sut.acquire('b', 1, { deadline: 500 });
    await vi.runAllTimersAsync();
    await expect(other).resolves.toBe('ready');
    expect(Date.now()).toBe(100);
  });
});
