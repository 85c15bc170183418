import type { Channel } from '../messages/bot-message';

/**
 * `POST /api/v1/bot/updates/release` (service token): the bot could not send the replies of an
 * update it posted (Telegram answered 429 or 5xx, the network failed). The API then hands the
 * stored replies to the next delivery of that update at once, instead of answering it with no
 * replies while the first attempt might still be delivering (the 20 s after it was received).
 * 204 when released, 404 when the API never recorded the update.
 */
export interface BotUpdateRef {
  channel: Channel;
  /** The update's id as the event carried it (BotEvent.updateId). */
  updateId: string;
}

/**
 * The update, and how many platform messages of its replies went out before sending failed
 * (a long text is several Telegram messages): the next delivery, on any bot instance or after a
 * restart, gets them as BotEventResult.sentParts and sends only the rest. The count only grows.
 */
export interface ReleaseBotUpdateRequest extends BotUpdateRef {
  sentParts?: number;
}

/**
 * `POST /api/v1/bot/updates/redeliver` (service token): the bot answered the platform's webhook
 * already (Zalo delivers an update it got 200 for never again) and could not send the update's
 * replies for a reason that passes (Zalo's -32, a 5xx, token trouble). The API queues the stored
 * replies in the outbox (kind `reply`), after the `sentParts` that went out, not before
 * `retryAfterSeconds`: any bot instance delivers them, as it delivers staff replies, after a
 * restart too. The update then counts as delivered (a later delivery of it gets nothing).
 * 204 when queued; 404 when the API never recorded the update; 409 when its replies were
 * delivered or queued already (another delivery saw to them).
 */
export interface RedeliverBotUpdateRequest extends BotUpdateRef {
  sentParts: number;
  retryAfterSeconds?: number;
}

/**
 * `POST /api/v1/bot/updates/delivered` (service token): the replies of these updates reached
 * the person (or failed for good). A later delivery of one of them is then answered with nothing
 * to send, at any time; without this, a delivery within the 20 s after the update was first
 * received is answered `delivering` (the first attempt may still be sending), and one after
 * that gets the stored replies again (the first attempt died). 204; updates never recorded are
 * passed over.
 */
export interface DeliveredBotUpdatesRequest {
  /** At most MAX_EVENT_BATCH (100). */
  updates: BotUpdateRef[];
}
