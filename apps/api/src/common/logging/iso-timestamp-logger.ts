import { ConsoleLogger, type LogLevel } from '@nestjs/common';

/**
 * Nest's console logger with ISO 8601 timestamps in UTC ("2026-12-07T12:09:55.123Z"). The default
 * prints the date in the machine's locale, "12/07/2026, 12:09:55 PM" on most servers, which an
 * operator in Vietnam reads as 12 July, and without a time zone.
 */
export class IsoTimestampLogger extends ConsoleLogger {
  protected override getTimestamp(): string {
    return new Date().toISOString();
  }
}

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** The API's logger: ISO timestamps, and `level` (LOG_LEVEL) with every level above it. */
export function apiLogger(level: Exclude<LogLevel, 'fatal'>): IsoTimestampLogger {
  return new IsoTimestampLogger({ logLevels: LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(level) + 1) });
}
