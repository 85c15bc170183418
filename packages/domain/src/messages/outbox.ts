import type { BotReply, Channel } from './bot-message';

/**
 * Why the API wants a message sent on its own initiative: a staff reply, a broadcast, a report's
 * reminder, a report returned for correction (`correction`) or accepted (`report_review`), or the
 * bot's own replies to an update it could not send at once after answering the webhook (`reply`,
 * POST /bot/updates/redeliver), the police answering a confidential report (`tip_reply`, its
 * text sealed at rest), or a police officer's linked chat told that a report or an addition to
 * one arrived (`tip_notice`, never its content), or the linked chat of someone who works the
 * inbox told that a person who may be in danger is waiting in it (`urgent_notice`, never what
 * they wrote).
 *
 * `fetch_file` is no message: its "delivery" is fetching a file a person sent (a photo of a
 * confidential report, the photo or document of a task update) from the chat platform and
 * uploading its bytes to the API. Its `chatId` is the file's key (`tipPhotoFileKey`,
 * `taskUpdateFileKey`), not a chat, and `replies` is empty:
 * the bot asks GET /bot/files/:key for the platform's reference and PUTs the bytes there.
 */
export const OUTBOX_KINDS = [
  'staff_reply',
  'broadcast',
  'reminder',
  'correction',
  'report_review',
  'reply',
  'tip_reply',
  'fetch_file',
  'tip_notice',
  'urgent_notice',
] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/** A message a bot instance has claimed for delivery (POST /api/v1/bot/outbox/claim). */
export interface OutboxItem {
  id: string;
  kind: OutboxKind;
  channel: Channel;
  chatId: string;
  replies: BotReply[];
  /** Deliveries tried before this one. */
  attempts: number;
  /**
   * Platform messages of `replies` that earlier deliveries sent (a text longer than the
   * platform allows goes out in several): this delivery sends only the ones after them.
   */
  sentParts: number;
  /** This claim of the item: its report must carry it (another claim of the item has another). */
  claimId: string;
}

export interface OutboxClaimRequest {
  /** The channels this instance can deliver to. */
  channels: Channel[];
  /** At most this many items (1–500). */
  limit: number;
  /** Seconds the claim holds before another instance may take the item again (5–600). */
  leaseSeconds: number;
}

/**
 * What a delivery came to: `sent`; `retry` (429 or 5xx; after `retryAfterSeconds` when the
 * channel said — a positive number: 0 or less counts as not said —, otherwise with exponential
 * back-off); `failed` for good because of the person (blocked the bot, unknown chat, outside
 * the window in which the platform lets us write): the conversation is marked unreachable;
 * `rejected` for good because of the message (the platform refused the request as malformed):
 * the message fails, the person stays reachable.
 */
export const OUTBOX_OUTCOMES = ['sent', 'retry', 'failed', 'rejected'] as const;

export interface OutboxResultRequest {
  /** The `claimId` the item was claimed with: a report of an earlier claim is refused (409). */
  claimId: string;
  outcome: (typeof OUTBOX_OUTCOMES)[number];
  retryAfterSeconds?: number;
  error?: string;
  /**
   * How many platform messages of the item have gone out so far, those of earlier deliveries
   * included (the item's `sentParts` at least). The item's next delivery skips them.
   */
  sentParts?: number;
}

/** A message of a conversation, as the web chat shows it. */
/** How a staff reply is getting to a Telegram or Zalo chat (the outbox row that carries it). */
export interface ReplyDelivery {
  /** pending: waiting; sending: a bot instance has it; sent; failed (given up). */
  status: 'pending' | 'sending' | 'sent' | 'failed';
  sentAt: string | null;
  /** Why it failed, as the platform said (for failed). */
  error: string | null;
}

export interface ConversationMessage {
  /** Increasing within the conversation: ask for messages after the last one seen. */
  seq: number;
  direction: 'in' | 'out';
  /** For 'out': the reply; for 'in': the person's text or the label of the button pressed. */
  reply?: BotReply;
  text?: string;
  createdAt: string;
  /** Staff replies on Telegram and Zalo in the inbox transcript: how the delivery is going. */
  delivery?: ReplyDelivery;
}

/** The platform's reference of a file to fetch (GET /api/v1/bot/files/:key). */
export interface FileSourceResponse {
  /** Telegram's file_id, or the URL Zalo gave. */
  fileRef: string;
  /** Bytes the API takes at most (PUT /api/v1/bot/files/:key answers 413 above). */
  maxBytes: number;
}

/** The outbox key of the photo of a confidential report's entry. */
export const tipPhotoFileKey = (entryId: string) => `tip_photo:${entryId}`;
/** The outbox key of the file of a task's progress update sent from a chat. */
export const taskUpdateFileKey = (updateId: string) => `task_update:${updateId}`;
