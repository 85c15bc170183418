import type { Channel } from '../messages/bot-message';

/**
 * `POST /api/v1/bot/updates/release` (service token): the bot could not send the replies of an
 * update it posted (Telegram answered 429 or 5xx, the network failed). The API then hands the
 * stored replies to the next delivery of that update at once, instead of answering it with no
 * replies while the first attempt might still be delivering (the 20 s after it was received).
 * 204 when released, 404 when the API never recorded the update.
 */
export interface ReleaseBotUpdateRequest {
  channel: Channel;
  /** The update's id as the event carried it (BotEvent.updateId). */
  updateId: string;
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
  updates: ReleaseBotUpdateRequest[];
}
