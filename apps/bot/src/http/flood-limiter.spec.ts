import { describe, expect, it } from 'vitest';
import { FloodLimiter } from './flood-limiter';

describe('FloodLimiter', () => {
  it('allows max requests per window and says how long to wait after that', () => {
    let now = 0;
    const sut = new FloodLimiter(3, 60_000, () => now);

    expect([sut.hit('s'), sut.hit('s'), sut.hit('s')]).toEqual([0, 0, 0]);
    now = 10_000;
    expect(sut.hit('s')).toBe(50_000);
    expect(sut.hit('other')).toBe(0);
  });

  it('slides: a request leaves the window windowMs after it was made', () => {
    let now = 0;
    const sut = new FloodLimiter(2, 1000, () => now);
    sut.hit('s');
    now = 500;
    sut.hit('s');

    now = 1000;
    expect(sut.hit('s')).toBe(0);
    expect(sut.hit('s')).toBe(500);
  });
});
