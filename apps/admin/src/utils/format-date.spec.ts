import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './format-date';

describe('formatDateTime', () => {
  it('shows dd/mm/yyyy HH:mm in Asia/Ho_Chi_Minh (UTC+7)', () => {
    expect(formatDateTime('2025-03-04T02:05:00.000Z')).toBe('04/03/2025 09:05');
  });

  it('moves to the next day in Vietnam when it is still the evening in UTC', () => {
    expect(formatDateTime('2024-12-31T17:30:00Z')).toBe('01/01/2025 00:30');
  });

  it('uses a 24-hour clock with 00 for midnight', () => {
    expect(formatDateTime(new Date('2025-11-04T17:00:00Z'))).toBe('05/11/2025 00:00');
    expect(formatDateTime('2025-11-05T09:59:00Z')).toBe('05/11/2025 16:59');
  });

  it('shows a dash for missing or invalid values', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime(undefined)).toBe('—');
    expect(formatDateTime('')).toBe('—');
    expect(formatDateTime('not a date')).toBe('—');
  });
});

describe('formatDate', () => {
  it('shows dd/mm/yyyy in Asia/Ho_Chi_Minh', () => {
    expect(formatDate('2025-07-04T18:00:00Z')).toBe('05/07/2025');
    expect(formatDate(null)).toBe('—');
  });
});
