import { describe, expect, it } from 'vitest';
import { HandoffBudget } from './handoff-budget';

describe('HandoffBudget', () => {
  it('lets an address open max items an hour, then says when the oldest leaves the hour', () => {
    let now = 0;
    const sut = new HandoffBudget(2, 3_600_000, () => now);

    for (const at of [0, 1000]) {
      now = at;
      expect(sut.take('a')).toBeUndefined();
      sut.settle('a', true);
    }
    now = 60_000;

    expect(sut.take('a')).toEqual({ spent: true, retryAfterMs: 3_540_000 });
    expect(sut.take('b')).toBeUndefined();
    now = 3_600_001;
    expect(sut.take('a')).toBeUndefined();
  });

  it('gives the place of a message that opened nothing back', () => {
    const sut = new HandoffBudget(1);

    for (let i = 0; i < 5; i++) {
      expect(sut.take('a')).toBeUndefined();
      sut.settle('a', false);
    }
  });

  it('holds a place for each message in flight, so a burst cannot open more than max', () => {
    const sut = new HandoffBudget(2);

    const burst = Array.from({ length: 5 }, () => sut.take('a'));

    expect(burst.slice(0, 2)).toEqual([undefined, undefined]);
    expect(burst.slice(2)).toEqual(Array(3).fill({ spent: false, retryAfterMs: 1000 }));
    sut.settle('a', false);
    expect(sut.take('a')).toBeUndefined();
  });
});
