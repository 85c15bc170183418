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
