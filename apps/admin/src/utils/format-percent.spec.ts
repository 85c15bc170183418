import { describe, expect, it } from 'vitest';
import { chancePercent, percent } from './format-percent';

describe('chancePercent', () => {
  it('says a chance as a whole percentage, never 0% or 100%', () => {
    expect(chancePercent(0.834)).toBe('83%');
    expect(chancePercent(0.998)).toBe('99%');
    expect(chancePercent(0.001)).toBe('1%');
  });
});

describe('percent', () => {
  it('rounds a confidence to a whole percentage', () => {
    expect(percent(0.876)).toBe('88%');
    expect(percent(0)).toBe('0%');
  });
});
