import { describe, expect, it } from 'vitest';
import { periodDays, showDay } from './period';

describe('periodDays', () => {
  // 00:30 on 06/12/2026 in Vietnam, still 05/12 in UTC.
  const now = new Date('2026-12-05T17:30:00Z');

  it('ends the presets today in Vietnam, today included', () => {
    expect(periodDays('7', null, now)).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(periodDays('30', null, now)).toEqual({ from: '2026-11-07', to: '2026-12-06' });
  });

  it('takes the chosen days as they are, and the last 7 days until some are chosen', () => {
    expect(periodDays('custom', ['2026-10-01', '2026-10-31'], now)).toEqual({
      from: '2026-10-01',
      to: '2026-10-31',
    });
    expect(periodDays('custom', null, now).to).toBe('2026-12-06');
  });

  it('shows a day as dd/mm/yyyy', () => {
    expect(showDay('2026-11-07')).toBe('07/11/2026');
  });
});
