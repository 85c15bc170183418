import type { ErrorBody } from '../errors';

/**
 * The neutral message model between the channel adapters (apps/bot) and the API. An adapter
 * turns a channel update into a BotEvent and renders BotReply values within its channel's
 * limits; nothing outside an adapter knows which platform it is on.
 */

export const CHANNELS = ['telegram', 'zalo', 'web'] as const;
export type Channel = (typeof CHANNELS)[number];

export type BotLocale = 'vi' | 'en';

export interface BotUser {
  /** The channel's id of the person (Telegram user id, Zalo user id, web session id). */
  id: string;
  displayName?: string;
  /** The language the channel reports for the person, when it does. */
  languageCode?: string;
}

interface BotEventBase {
  channel: Channel;
  /**
   * The channel's id of this update, unique per channel (Telegram update_id, Zalo msg_id or
   * event timestamp + sender, a web message id). The API processes each (channel, updateId) once.
   */
  updateId: string;
  /** Where replies go (Telegram chat id, Zalo user id, web session id). */
  chatId: string;
  user: BotUser;
  /** When the channel says the update happened (ISO 8601). */
  sentAt?: string;
  /**
   * The channel asks that this event open no inbox item: the person's network has opened many
   * lately (the web chat's per-address limit). The bot still answers from the FAQs.
   */
  handoffsPaused?: boolean;
}

/** Free text typed by the person. */
export interface TextEvent extends BotEventBase {
  type: 'text';
  text: string;
}

/** A command such as /start, /help, /menu, /lang, /huy (without the slash), with its argument. */
export interface CommandEvent extends BotEventBase {
  type: 'command';
  command: string;
  argument?: string;
}

/** A press on a button the bot offered; `action` is the button's payload. */
export interface ActionEvent extends BotEventBase {
  type: 'action';
  action: string;
}

/** The person shared a phone number (Telegram contact, Zalo user info). */
export interface ContactEvent extends BotEventBase {
  type: 'contact';
  phone: string;
}

/** The person sent a file or picture. */
export interface FileEvent extends BotEventBase {
  type: 'file';
  fileName?: string;
  mimeType?: string;
  /** A reference the adapter can turn back into the file (Telegram file_id, Zalo URL). */
  fileRef: string;
  /** What the person typed with it (a photo's or document's caption), when anything. */
  caption?: string;
}

/** The person followed the account or opened the chat (Zalo follow, web chat opened). */
export interface FollowEvent extends BotEventBase {
  type: 'follow';
}

/** The person unfollowed or blocked the bot: nothing can be sent to them any more. */
export interface UnfollowEvent extends BotEventBase {
  type: 'unfollow';
}

/** Anything else (a sticker, a location, an unknown update kind): answered politely. */
export interface UnsupportedEvent extends BotEventBase {
  type: 'unsupported';
  /** What it was, for the log (e.g. "sticker"). */
  what: string;
}

export type BotEvent =
  | TextEvent
  | CommandEvent
  | ActionEvent
  | ContactEvent
  | FileEvent
  | FollowEvent
  | UnfollowEvent
  | UnsupportedEvent;

export type BotEventType = BotEvent['type'];

export interface ReplyButton {
  label: string;
  /** Sent back as ActionEvent.action when pressed (at most 64 bytes: Telegram's limit). */
  action: string;
}

/** Text; `markdown` uses the small common subset: **bold**, _italic_, [links](https://…), lists. */
export interface TextReply {
  type: 'text';
  text: string;
  format?: 'plain' | 'markdown';
  /** Rows of buttons. Adapters fit them to their channel (Zalo: at most 5 buttons). */
  buttons?: ReplyButton[][];
}

export interface DocumentReply {
  type: 'document';
  url: string;
  fileName: string;
  caption?: string;
}

export interface LinkReply {
  type: 'link';
  url: string;
  title: string;
  description?: string;
}

export type BotReply = TextReply | DocumentReply | LinkReply;

/** What POST /api/v1/bot/events answers. */
export interface BotEventResult {
  replies: BotReply[];
  /**
   * True when this (channel, updateId) was seen before: it is not processed again. `replies` is
   * then empty when the first attempt said it delivered them (POST /bot/updates/delivered) or
   * while it may still be delivering them (`delivering`, about 20 s), and the stored replies
   * after that (the platform retries because the first attempt failed or died).
   */
  duplicate: boolean;
  /**
   * With `duplicate`: the first attempt has not said it delivered the replies and may still be
   * doing so. Nothing to send now; the update is to come again later (a webhook answers 5xx),
   * when it gets nothing if that attempt delivered, or the stored replies if it never did.
   */
  delivering?: true;
  /**
   * With the stored replies of a duplicate: how many platform messages of them an earlier
   * delivery sent before it failed (POST /bot/updates/release): send only the ones after them.
   */
  sentParts?: number;
  /**
   * True when this event put the person's question in the staff inbox: a new inbox item, opened
   * by asking for staff ("Gặp cán bộ") or by a question without an answer. Absent on a
   * duplicate. The bot limits how many one client address opens from the web chat.
   */
  handoffOpened?: boolean;
}

/** Most events one POST /api/v1/bot/events/batch may carry. */
export const MAX_EVENT_BATCH = 100;

/** What POST /api/v1/bot/events/batch takes: events of any chats, handled in this order. */
export interface BotEventBatchRequest {
  events: BotEvent[];
}

/**
 * One event's outcome in a batch: its result, or why it was not handled (an event the API
 * refuses, or one that failed on its own); the others of the batch are handled regardless.
 */
export type BotEventOutcome = BotEventResult | { error: ErrorBody };

/** What POST /api/v1/bot/events/batch answers: one outcome per event, in the request's order. */
export interface BotEventBatchResponse {
  results: BotEventOutcome[];
}

/**
 * The longest value, in characters, the API takes for each field of a BotEvent (it refuses an
 * event with a longer one as invalid, 400 `validation_failed`, except `text`, which it cuts).
 * Adapters keep their mapping within these.
 */
export const BOT_EVENT_LIMITS = {
  /** updateId, chatId and user.id. */
  id: 128,
  displayName: 200,
  languageCode: 16,
  command: 64,
  argument: 4000,
  action: 256,
  phone: 32,
  fileRef: 2000,
  fileName: 300,
  mimeType: 200,
  what: 64,
} as const;

/**
 * How long after recording an update (or handing out its replies again) the API answers a
 * repeat of it with no replies, in case the first attempt is still delivering them; after it, a
 * repeat gets the stored replies (`bot_updates.resend_after`). A bot that knows its send failed
 * ends the wait at once with `POST /bot/updates/release`.
 */
export const RESEND_AFTER_SECONDS = 20;

/** Most bytes a button action may hold (Telegram's callback_data limit). */
export const MAX_ACTION_BYTES = 64;
