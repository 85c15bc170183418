/**
 * Turns a Telegram update into our neutral BotEvent. Pure: no I/O, never throws on an
 * unexpected shape (an update the gateway cannot place is `ignored`, with the reason for the log).
 *
 * Every field stays within what the API accepts (its BotEventDto), so that no message a person
 * can type is refused: a refused update would be answered with an apology, not the answer.
 * Texts are cleaned (NFC, no control characters, no lone surrogates) and cut where the API
 * would refuse them.
 */
import { BOT_EVENT_LIMITS as LIMIT, type BotEvent, type BotUser } from '@gcm/domain';
import type { Update } from 'telegraf/types';
import { cleanText, cutText } from '../../common/clean-text';

export type MappedUpdate =
  | {
      kind: 'event';
      event: BotEvent;
      /** A button press to acknowledge with answerCallbackQuery. */
      callbackQueryId?: string;
    }
  | { kind: 'ignored'; reason: string; callbackQueryId?: string };

export interface MapUpdateOptions {
  /** The bot's own username (getMe): `/start@OtherBot` in a group is not for us. */
  botUsername?: string;
}

/** The update kinds the gateway asks Telegram for (getUpdates and setWebhook). */
export const TELEGRAM_ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

// Telegram's shapes as far as we read them, every field optional: the input is someone else's JSON.
interface TgUser {
  id?: number;
  first_name?: string;
  last_name?: string;
  language_code?: string;
}
interface TgChat {
  id?: number;
  title?: string;
  first_name?: string;
  last_name?: string;
}
interface TgMessage {
  date?: number;
  chat?: TgChat;
  from?: TgUser;
  text?: string;
  caption?: string;
  contact?: { phone_number?: string; user_id?: number };
  document?: TgFile;
  video?: TgFile;
  photo?: { file_id?: string }[];
  [kind: string]: unknown;
}
interface TgFile {
  file_id?: string;
  file_name?: string;
  mime_type?: string;
}
interface TgCallbackQuery {
  id?: string;
  from?: TgUser;
  message?: TgMessage;
  data?: string;
}
interface TgChatMemberUpdated {
  chat?: TgChat;
  from?: TgUser;
  date?: number;
  old_chat_member?: { status?: string };
  new_chat_member?: { status?: string };
}

/** Message kinds we do not handle, in the order we look for them (animation carries a document). */
const UNSUPPORTED_KINDS = [
  'animation',
  'sticker',
  'location',
  'venue',
  'voice',
  'audio',
  'video_note',
  'poll',
  'dice',
  'game',
  'story',
  'invoice',
  'new_chat_members',
  'left_chat_member',
];

// "/start", "/start@GcmBot", "/huy lý do", "/hủy" (typed without Telegram's command entity).
const COMMAND = /^\/([\p{L}\p{N}_]{1,64})(?:@([A-Za-z0-9_]{1,64}))?(?:\s+([\s\S]*))?$/u;

export function mapTelegramUpdate(update: Update, options: MapUpdateOptions = {}): MappedUpdate {
  const raw = update as unknown as Record<string, unknown>;
  const updateId = String(raw.update_id);
  if (isObject(raw.message)) return mapMessage(raw.message as TgMessage, updateId, options);
  if (isObject(raw.callback_query)) {
    return mapCallbackQuery(raw.callback_query as TgCallbackQuery, updateId);
  }
  if (isObject(raw.my_chat_member)) {
    return mapMembership(raw.my_chat_member as TgChatMemberUpdated, updateId);
  }
  return mapOther(raw, updateId);
}

/** The chat an update belongs to, for keeping one chat's updates in order; undefined if none. */
export function chatIdOf(update: Update): string | undefined {
  const raw = update as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'update_id' || !isObject(value)) continue;
    const chat = (value as TgMessage).chat ?? (value as TgCallbackQuery).message?.chat;
    if (chat && typeof chat.id === 'number') return String(chat.id);
  }
  return undefined;
}

function mapMessage(message: TgMessage, updateId: string, options: MapUpdateOptions): MappedUpdate {
  const chat = message.chat;
  if (!chat || typeof chat.id !== 'number')
    return { kind: 'ignored', reason: 'message without chat' };
  const base = {
    channel: 'telegram' as const,
    updateId,
    chatId: String(chat.id),
    user: toUser(message.from, chat),
    ...(typeof message.date === 'number' ? { sentAt: toIso(message.date) } : {}),
  };
  const event = (e: BotEvent): MappedUpdate => ({ kind: 'event', event: e });

  if (typeof message.text === 'string') {
    const text = cleanText(message.text);
    const command = COMMAND.exec(text);
    // "/İİİ…" lowercases to more than the API takes for a command's name: plain text then.
    const name = command?.[1].toLowerCase();
    if (!command || !name || name.length > LIMIT.command) {
      return event({ ...base, type: 'text', text });
    }
    const [, , addressee, rest] = command;
    if (addressee && options.botUsername && !sameName(addressee, options.botUsername)) {
      return { kind: 'ignored', reason: `command for @${addressee}` };
    }
    // Cut like a plain text ("/canbo " and 4000 characters more is still a request for staff).
    const argument = cutText(rest?.trim() ?? '', LIMIT.argument).trim();
    return event({
      ...base,
      type: 'command',
      command: name,
      ...(argument ? { argument } : {}),
    });
  }
  if (isObject(message.contact)) {
    const { phone_number: phone, user_id: owner } = message.contact;
    // Only the sender's own number counts: a forwarded contact card proves nothing.
    if (
      typeof phone === 'string' &&
      phone.length <= LIMIT.phone &&
      owner !== undefined &&
      owner === message.from?.id
    ) {
      return event({ ...base, type: 'contact', phone });
    }
    return event({ ...base, type: 'unsupported', what: "someone else's contact" });
  }
  const unsupported = UNSUPPORTED_KINDS.find((kind) => message[kind] !== undefined);
  if (unsupported)
    return event({ ...base, type: 'unsupported', what: unsupported.replace(/_/g, ' ') });
  // A photo, document or video may carry a caption: what the person typed with it.
  const caption =
    typeof message.caption === 'string'
      ? cutText(cleanText(message.caption).trim(), LIMIT.argument).trim()
      : '';
  const withCaption = caption ? { caption } : {};
  for (const file of [message.document, message.video]) {
    const {
      file_id: fileRef,
      file_name: fileName,
      mime_type: mimeType,
    } = isObject(file) ? (file as TgFile) : {};
    if (typeof fileRef === 'string') {
      return event({
        ...base,
        type: 'file',
        fileRef,
        ...fileFields(fileName, mimeType),
        ...withCaption,
      });
    }
  }
  if (Array.isArray(message.photo) && message.photo.length > 0) {
    // Telegram lists the sizes smallest first; the last is the original.
    const largest = message.photo[message.photo.length - 1];
    if (typeof largest?.file_id === 'string') {
      return event({
        ...base,
        type: 'file',
        fileRef: largest.file_id,
        mimeType: 'image/jpeg',
        ...withCaption,
      });
    }
  }
  return event({ ...base, type: 'unsupported', what: 'message' });
}

function mapCallbackQuery(query: TgCallbackQuery, updateId: string): MappedUpdate {
  const callbackQueryId = typeof query.id === 'string' ? query.id : undefined;
  const chat = query.message?.chat;
  if (!chat || typeof chat.id !== 'number') {
    return {
      kind: 'ignored',
      reason: 'button press without chat (inline message)',
      callbackQueryId,
    };
  }
  const base = {
    channel: 'telegram' as const,
    updateId,
    chatId: String(chat.id),
    user: toUser(query.from, chat),
  };
  if (typeof query.data !== 'string' || query.data === '') {
    return {
      kind: 'event',
      event: { ...base, type: 'unsupported', what: 'game' },
      callbackQueryId,
    };
  }
  return {
    kind: 'event',
    event: { ...base, type: 'action', action: cleanText(query.data) },
    callbackQueryId,
  };
}

function mapMembership(change: TgChatMemberUpdated, updateId: string): MappedUpdate {
  const chat = change.chat;
  if (!chat || typeof chat.id !== 'number')
    return { kind: 'ignored', reason: 'membership without chat' };
  const status = change.new_chat_member?.status;
  const before = change.old_chat_member?.status;
  const base = {
    channel: 'telegram' as const,
    updateId,
    chatId: String(chat.id),
    user: toUser(change.from, chat),
    ...(typeof change.date === 'number' ? { sentAt: toIso(change.date) } : {}),
  };
  // Blocked by the person (kicked) or removed from a group (left): nothing can be sent any more.
  if (status === 'kicked' || status === 'left') {
    return { kind: 'event', event: { ...base, type: 'unfollow' } };
  }
  // Unblocked, or added back to a group.
  if (status === 'member' && (before === 'kicked' || before === 'left')) {
    return { kind: 'event', event: { ...base, type: 'follow' } };
  }
  return { kind: 'ignored', reason: `bot became ${status ?? 'unknown'} in chat ${chat.id}` };
}

function mapOther(raw: Record<string, unknown>, updateId: string): MappedUpdate {
  const kind = Object.keys(raw).find((key) => key !== 'update_id') ?? 'empty update';
  const value = raw[kind];
  const message = isObject(value) ? (value as TgMessage) : undefined;
  const chat = message?.chat;
  if (!chat || typeof chat.id !== 'number') {
    return { kind: 'ignored', reason: `${kind} has no chat` };
  }
  return {
    kind: 'event',
    event: {
      channel: 'telegram',
      updateId,
      chatId: String(chat.id),
      user: toUser(message.from, chat),
      type: 'unsupported',
      what: cutText(kind.replace(/_/g, ' '), LIMIT.what),
    },
  };
}

function fileFields(
  fileName?: string,
  mimeType?: string,
): { fileName?: string; mimeType?: string } {
  const name =
    typeof fileName === 'string' ? cutText(cleanText(fileName).trim(), LIMIT.fileName) : '';
  const type = typeof mimeType === 'string' && mimeType.length <= LIMIT.mimeType ? mimeType : '';
  return { ...(name ? { fileName: name } : {}), ...(type ? { mimeType: type } : {}) };
}

function toUser(from: TgUser | undefined, chat: TgChat): BotUser {
  const person = from && typeof from.id === 'number' ? from : undefined;
  const id = String(person?.id ?? chat.id);
  const name = person
    ? [person.first_name, person.last_name]
    : [chat.title ?? chat.first_name, chat.title ? undefined : chat.last_name];
  const displayName = cutText(cleanText(name.filter(Boolean).join(' ')).trim(), LIMIT.displayName);
  const languageCode = person?.language_code;
  return {
    id,
    ...(displayName ? { displayName } : {}),
    ...(typeof languageCode === 'string' &&
    languageCode &&
    languageCode.length <= LIMIT.languageCode
      ? { languageCode }
      : {}),
  };
}

function toIso(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString();
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.replace(/^@/, '').toLowerCase();
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
