/**
 * The EventSink of every channel: posts each event to the API and returns its replies. The API
 * records an event once per (channel, updateId), so trying again after a lost answer is safe.
 */
import type { ApiClient } from '@gcm/api-client';
import type { BotEvent, BotReply } from '@gcm/domain';
import type { EventSink } from '../channels/channel';
import { errorMessage, silentLogger, type Logger } from '../common/logger';
import { withRetry } from './retry';

export interface ApiSinkOptions {
  /** Tries in all, the first included (default 2). */
  tries?: number;
  /** Wait before the second try (default 300 ms). */
  backoffMs?: number;
  log?: Logger;
}

export class ApiSink implements EventSink {
  constructor(
    private readonly api: Pick<ApiClient['bot'], 'postEvent'>,
    private readonly options: ApiSinkOptions = {},
  ) {}

  /**
   * Throws when the API cannot answer after the tries, or refuses the event (4xx, not tried
   * again): a webhook then answers 5xx and the platform delivers the update again later.
   */
  async handle(event: BotEvent): Promise<BotReply[]> {
    const log = this.options.log ?? silentLogger;
    const result = await withRetry(() => this.api.postEvent(event), {
      tries: this.options.tries ?? 2,
      backoffMs: this.options.backoffMs ?? 300,
      onRetry: (error) =>
        log.warn(
          `posting ${event.channel} event ${event.updateId} failed (${errorMessage(error)}), trying again`,
        ),
    });
    return result.replies;
  }
}
