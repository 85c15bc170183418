import type { Channel } from '../messages/bot-message';

/**
 * A chat platform's rotating credentials as the API keeps them for the bot instances
 * (`GET /api/v1/bot/channels/:channel/tokens`). Zalo needs this: each renewal of its access
 * token returns a new refresh token and spends the old one, so the newest pair must outlive a
 * restart and be the same for every instance. Secrets: only the bot's service token reads them.
 */
export interface ChannelTokensResponse {
  channel: Channel;
  accessToken: string;
  refreshToken: string | null;
  /** When the access token expires (ISO 8601), when known. */
  accessExpiresAt: string | null;
  /** 1 for the first pair stored, then one more with every save. */
  revision: number;
  updatedAt: string;
}

/**
 * `PUT /api/v1/bot/channels/:channel/tokens`: a compare-and-set. The API stores the pair only
 * if the stored one is still at `expectedRevision`, and answers 409 otherwise (another instance
 * renewed first: read its pair and carry on with that).
 */
export interface SaveChannelTokensRequest {
  accessToken: string;
  refreshToken?: string | null;
  accessExpiresAt?: string | null;
  /** The revision of the stored pair these tokens replace; 0 when none was stored. */
  expectedRevision: number;
}
