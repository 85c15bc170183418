import type { Logger } from '../common/logger';
import { sleep } from '../common/sleep';
import type { ApiHealth } from './api-health';

export interface WaitForApiOptions {
  /** The API's address, for the log. */
  url: string;
  log: Logger;
  /** Ends the wait (the bot is stopping). */
  signal?: AbortSignal;
  /** Say that the bot is waiting once it has waited this long (default 10 s). */
  noticeAfterMs?: number;
  /** The first pause between two checks, doubled after each (default 250 ms, at most 5 s). */
  firstDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * Checks the API's /health until it answers, with growing pauses. `pnpm start` starts the bot
 * next to an API that needs a few seconds, so waiting is normal and says nothing; after
 * `noticeAfterMs` one line says where the bot is waiting and what to set if that is the wrong
 * place. Returns once the API answers, or when `signal` aborts.
 */
export async function waitForApi(
  check: () => Promise<ApiHealth>,
  options: WaitForApiOptions,
): Promise<void> {
  const { url, log, signal } = options;
  const noticeAt = Date.now() + (options.noticeAfterMs ?? 10_000);
  const maxDelayMs = options.maxDelayMs ?? 5_000;
  let delayMs = options.firstDelayMs ?? 250;
  let told = false;
  while (!signal?.aborted) {
    if ((await check()).api === 'up') return;
    if (!told && Date.now() >= noticeAt) {
      told = true;
      log.warn(
        `waiting for the API at ${url}, which does not answer yet ` +
          '(if the API listens elsewhere, set API_URL to its address)',
      );
    }
    await sleep(delayMs, signal);
    delayMs = Math.min(delayMs * 2, maxDelayMs);
  }
}
