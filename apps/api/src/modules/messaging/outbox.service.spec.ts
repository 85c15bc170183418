import { describe, expect, it } from 'vitest';
import { backoffSeconds, retryDelaySeconds } from './outbox.service';

describe('backoffSeconds', () => {
  it('doubles from 2 s and stops at 15 minutes', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4].map((a) => backoffSeconds(a, middle))).toEqual([2, 4, 8, 16]);
    expect(backoffSeconds(30, middle)).toBe(900);
  });

  it('spreads retries by ±20 %', () => {
    expect(backoffSeconds(4, () => 0)).toBe(13);
    expect(backoffSeconds(4, () => 1)).toBe(19);
  });
});

describe('retryDelaySeconds', () => {
  const middle = () => 0.5;

  it('waits what the channel asked for when it is a positive number of seconds', () => {
    expect(retryDelaySeconds(60, 1, middle)).toBe(60);
  });

  it('backs off when the channel gave no wait, or a wait of 0 or less', () => {
    expect([undefined, 0, -3].map((wait) => retryDelaySeconds(wait, 3, middle))).toEqual([8, 8, 8]);
  });
});
