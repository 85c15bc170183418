/**
 * Starts a channel, and keeps trying in the background when it cannot start yet (Telegram
 * unreachable at boot, say): the other channels and the web chat work meanwhile.
 */
import { errorMessage, type Logger } from '../common/logger';
import { sleep } from '../common/sleep';
import type { Channel, EventSink } from './channel';

const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 5 * 60_000;

/** Resolves true once started, false when the first try failed (tries continue until `signal`). */
export async function startChannel(
  channel: Channel,
  sink: EventSink,
  log: Logger,
  signal: AbortSignal,
): Promise<boolean> {
  try {
    await channel.start(sink);
    return true;
  } catch (error) {
    log.error(`${channel.name}: could not start: ${errorMessage(error)}`);
  }
  void (async () => {
    for (
      let delayMs = FIRST_RETRY_MS;
      !signal.aborted;
      delayMs = Math.min(delayMs * 2, MAX_RETRY_MS)
    ) {
      await sleep(delayMs, signal);
      if (signal.aborted) return;
      try {
        await channel.start(sink);
        log.info(`${channel.name}: started`);
        return;
      } catch (error) {
        log.error(`${channel.name}: could not start: ${errorMessage(error)}`);
      }
    }
  })();
  return false;
}
