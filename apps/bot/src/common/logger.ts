/**
 * The bot's log: one line per event on stdout/stderr, prefixed `Bot:` like the start-up lines.
 * Passed in rather than imported so that tests can stay quiet or look at what was logged.
 */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const consoleLogger: Logger = {
  info: (message) => console.log(`Bot: ${message}`),
  warn: (message) => console.warn(`Bot: ${message}`),
  error: (message) => console.error(`Bot: ${message}`),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/** The message of anything thrown, for a log line. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
