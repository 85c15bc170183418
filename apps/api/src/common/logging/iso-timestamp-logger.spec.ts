import { afterEach, describe, expect, it, vi } from 'vitest';
import { IsoTimestampLogger } from './iso-timestamp-logger';

describe('IsoTimestampLogger', () => {
  afterEach(() => vi.restoreAllMocks());

  it('stamps each line with the time in ISO 8601, UTC, not the locale date', () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    new IsoTimestampLogger('Clock', { colors: false }).log('started');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      / - \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z +LOG \[Clock\] started\n$/,
    );
  });
});
