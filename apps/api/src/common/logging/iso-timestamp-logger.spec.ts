import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiLogger, IsoTimestampLogger } from './iso-timestamp-logger';

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

  it('prints LOG_LEVEL and the levels above it, not the ones below', () => {
    const lines: string[] = [];
    const write = (chunk: unknown) => {
      lines.push(String(chunk));
      return true;
    };
    vi.spyOn(process.stdout, 'write').mockImplementation(write);
    vi.spyOn(process.stderr, 'write').mockImplementation(write);
    const logger = apiLogger('warn');
    logger.log('ready', 'Database');
    logger.warn('slow', 'Database');
    logger.error('down', undefined, 'Database');
    expect(lines).toEqual([
      expect.stringMatching(/Z\S* .*\bWARN\b.*\[Database\].*slow/),
      expect.stringMatching(/Z\S* .*\bERROR\b.*\[Database\].*down/),
    ]);
  });
});
