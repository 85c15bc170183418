/** Staff replies to the inbox and broadcasts (/api/v1/assistant/handoffs, /api/v1/broadcasts). */

export interface StaffReplyRequest {
  /** Up to 4,000 characters. */
  text: string;
}

export interface CreateBroadcastRequest {
  /** A published article or warning. */
  articleId: string;
  /** Only subscribers of this topic (and of all topics). */
  topicId?: string;
  /** Only subscribers whose area is this one, below it or above it (and those with none). */
  localityId?: string;
}

/** Each recipient counts once: queued + sending + sent + failed + unreachable = total. */
export interface BroadcastCounts {
  queued: number;
  sending: number;
  sent: number;
  /** Given up for another reason (the platform refused the message itself, retries ran out). */
  failed: number;
  /** Refused by the platform because of the person: blocked the bot, unfollowed, gone. */
  unreachable: number;
  total: number;
}

export interface BroadcastResponse {
  id: string;
  articleId: string;
  topicId: string | null;
  localityId: string | null;
  createdAt: string;
  counts: BroadcastCounts;
}

/** GET /broadcasts/audience: the conversations a broadcast would reach, per channel. */
export interface BroadcastAudienceQuery {
  topicId?: string;
  localityId?: string;
}

export interface BroadcastAudienceResponse {
  total: number;
  byChannel: { telegram: number; zalo: number };
}
