import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Network errors of the connection to the database. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/**
 * SQLSTATEs that say the server is away, not that the query was wrong: class 08 (connection
 * exception), 57P01–57P03 (shutting down, crashed, starting up), 53300 (too many connections).
 */
const SERVER_AWAY = /^(08...|57P0[123]|53300)$/;
/** What `pg` and its pool say when a connection ended or none could be had in time. */
const DRIVER_MESSAGES =
  /Connection terminated|not queryable|timeout exceeded when trying to connect|Connection ended/i;

/**
 * True when `error` means the database cannot be reached now (the server stopped, the network
 * between, a connection cut mid-query): worth a 503 and another try later, not a stack trace.
 * Looks through TypeORM's `QueryFailedError` at the driver's error.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 3 && typeof current === 'object' && current !== null; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || SERVER_AWAY.test(code))) {
      return true;
    }
    if (typeof message === 'string' && DRIVER_MESSAGES.test(message)) return true;
    current = (current as { driverError?: unknown }).driverError;
  }
  return false;
}

/** While the database is away, how often it is tried again, and how often the log says so. */
const PROBE_MS = 2_000;
const REMINDER_MS = 60_000;

/**
 * The log of a database outage, in three kinds of lines rather than a stack trace per request:
 * when the first request finds the database away, a reminder every minute while it stays away,
 * and when it answers again (tried every 2 s from the first failure), with how long it was away
 * and how many requests were answered 503 `database_unavailable` meanwhile.
 */
@Injectable()
export class DatabaseAvailability implements OnModuleDestroy {
  private readonly logger = new Logger('Database');
  private downSince: number | null = null;
  private refused = 0;
  private lastReminder = 0;
  private probe?: NodeJS.Timeout;
  private checking = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** True between the first failure of an outage and the database answering again. */
  get isDown(): boolean {
    return this.downSince !== null;
  }

  /** A request was answered 503 because the database is away (`error` says how). */
  unavailable(error: unknown): void {
    this.refused += 1;
    if (this.downSince !== null) return;
    this.downSince = Date.now();
    this.lastReminder = this.downSince;
    this.logger.error(
      `The database cannot be reached (${describe(error)}): requests that need it are answered ` +
        `503 database_unavailable until it answers again`,
    );
    this.probe = setInterval(() => void this.check(), PROBE_MS);
    this.probe.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.probe);
  }

  private async check(): Promise<void> {
    const since = this.downSince;
    if (since === null || this.checking) return;
    this.checking = true;
    try {
      await this.dataSource.query('SELECT 1');
    } catch (error) {
      if (Date.now() - this.lastReminder >= REMINDER_MS) {
        this.lastReminder = Date.now();
        this.logger.error(
          `The database is still unreachable after ${seconds(Date.now() - since)} ` +
            `(${describe(error)}); ${this.refused} request(s) answered 503 so far`,
        );
      }
      return;
    } finally {
      this.checking = false;
    }
    clearInterval(this.probe);
    this.probe = undefined;
    this.logger.warn(
      `The database answers again after ${seconds(Date.now() - since)}; ` +
        `${this.refused} request(s) were answered 503 database_unavailable meanwhile`,
    );
    this.downSince = null;
    this.refused = 0;
  }
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && !message.includes(code) ? `${code}: ${message}` : message;
}

function seconds(ms: number): string {
  return `${Math.round(ms / 1000)} s`;
}
