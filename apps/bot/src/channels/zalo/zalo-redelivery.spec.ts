import type { BotEvent } from '@gcm/domain';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ZaloRedelivery, type PendingEvent, type TryResult } from './zalo-redelivery';

const event: BotEvent = {
  channel: 'zalo',
  type: 'text',
  updateId: 'm-1',
  chatId: 'u-1',
  user: { id: 'u-1' },
  text: 'Xin chào',
};

function setup(tryAgain: (pending: PendingEvent) => Promise<TryResult>) {
  const logger = { warn: vi.fn<(m: string) => void>(), error: vi.fn<(m: string) => void>() };
  const sut = new ZaloRedelivery({ tryAgain, logger });
  const waits = () =>
    logger.warn.mock.calls.map(([m]) => Number(/trying again in (\d+) s/.exec(m)?.[1]));
  return { sut, logger, waits };
}

const failing = (retryAfterSeconds?: number) =>
  vi.fn(async (pending: PendingEvent): Promise<TryResult> => ({
    done: false,
    next: pending,
    reason: 'Zalo HTTP 502',
    retryAfterSeconds,
  }));

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('ZaloRedelivery', () => {
  it('tries again after 5 s, doubling up to 5 minutes, and gives up after an hour with an error', async () => {
    const tryAgain = failing();
    const { sut, logger, waits } = setup(tryAgain);

    sut.add({ event }, { reason: 'API timed out' });
    await vi.advanceTimersByTimeAsync(3_600_000);

    expect(waits().slice(0, 8)).toEqual([5, 10, 20, 40, 80, 160, 300, 300]);
    expect(logger.error).toHaveBeenCalledOnce();
    expect(logger.error.mock.calls[0][0]).toMatch(/m-1 for u-1 given up after \d+ tries/);
    const tries = tryAgain.mock.calls.length;
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(tryAgain).toHaveBeenCalledTimes(tries);
    expect(sut.size).toBe(0);
  });

  it('waits what the failure asked for (a minute for Zalo’s -32)', async () => {
    const { sut, waits } = setup(failing(60));

    sut.add({ event }, { reason: 'Zalo error -32', retryAfterSeconds: 60 });
    await vi.advanceTimersByTimeAsync(59_000);

    expect(waits()).toEqual([60]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(waits()).toEqual([60, 60]);
  });

  it('hands the next try what the last one left', async () => {
    const seen: PendingEvent[] = [];
    const { sut } = setup(async (pending) => {
      seen.push(pending);
      return seen.length === 1
        ? { done: false, next: { event, sentParts: 1 }, reason: 'Zalo HTTP 502' }
        : { done: true };
    });

    sut.add({ event }, { reason: 'API timed out' });
    await vi.advanceTimersByTimeAsync(15_000);

    expect(seen).toEqual([{ event }, { event, sentParts: 1 }]);
    expect(sut.size).toBe(0);
  });

  it('on stop, tries no more and says how many events were still waiting', async () => {
    const tryAgain = failing();
    const { sut, logger } = setup(tryAgain);
    sut.add({ event }, { reason: 'API timed out' });
    sut.add({ event: { ...event, updateId: 'm-2' } }, { reason: 'API timed out' });

    expect(await sut.stop()).toBe(2);
    await vi.advanceTimersByTimeAsync(60_000);

    expect(tryAgain).not.toHaveBeenCalled();
    expect(logger.error).toHaveBeenCalledWith(
      'Zalo: stopping with 2 answered event(s) still waiting to be delivered again; their replies are lost',
    );
  });

  it('keeps at most maxEvents, dropping the one waiting longest with an error in the log', async () => {
    const logger = { warn: vi.fn<(m: string) => void>(), error: vi.fn<(m: string) => void>() };
    const tryAgain = vi.fn(async (_pending: PendingEvent): Promise<TryResult> => ({ done: true }));
    const sut = new ZaloRedelivery({ tryAgain, logger, maxEvents: 2 });
    const numbered = (n: number): PendingEvent => ({ event: { ...event, updateId: `m-${n}` } });

    sut.add(numbered(1), { reason: 'Zalo HTTP 502' });
    await vi.advanceTimersByTimeAsync(1000);
    sut.add(numbered(2), { reason: 'Zalo HTTP 502' });
    sut.add(numbered(3), { reason: 'Zalo HTTP 502' });

    expect(sut.size).toBe(2);
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringMatching(/queue full \(2 events\); dropped event m-1 .* to keep event m-3/),
    );
    await vi.advanceTimersByTimeAsync(5000);
    expect(tryAgain.mock.calls.map(([p]) => p.event.updateId).sort()).toEqual(['m-2', 'm-3']);
  });
});
