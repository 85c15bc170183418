import { describe, expect, it } from 'vitest';
import { HandoffBudget } from './handoff-budget';

describe('HandoffBudget', () => {
  it('lets an address open max items an hour, then none until the oldest leaves the hour', () => {
    let now = 0;
    const sut = new HandoffBudget(2, 3_600_000, () => now);

    for (const at of [0, 1000]) {
      now = at;
      expect(sut.take('a')).toBe(true);
      sut.settle('a', true);
    }
    now = 60_000;

    expect(sut.take('a')).toBe(false);
    now = 3_599_999;
    expect(sut.take('a')).toBe(false);
    expect(sut.take('b')).toBe(true);
    now = 3_600_001;
    expect(sut.take('a')).toBe(true);
  });

  it('gives the place of a message that opened nothing back', () => {
    const sut = new HandoffBudget(1);

    for (let i = 0; i < 5; i++) {
      expect(sut.take('a')).toBe(true);
      sut.settle('a', false);
    }
  });

  it('holds a place for each message in flight, so a burst cannot open more than max', () => {
    const sut = new HandoffBudget(2);

    const burst = Array.from({ length: 5 }, () => sut.take('a'));

    expect(burst).toEqual([true, true, false, false, false]);
    sut.settle('a', false);
    expect(sut.take('a')).toBe(true);
  });
});
