/**
 * The Zalo OA webhook: checking a request's signature and turning an event into a BotEvent.
 *
 * Signature. Zalo signs every event with the header
 *   X-ZEvent-Signature: mac=<hex SHA-256 of (app_id + raw body + timestamp + OA secret key)>
 * where app_id is the app's id, the raw body is the JSON exactly as sent, timestamp is the
 * event's `timestamp` field from that JSON, and the OA secret key is the key of the OA linked
 * to the app (not the app secret). It is a plain hash of the concatenation, not an HMAC.
 * Sources: Zalo's webhook guide as retold in "Zalo API - PHP Webhook & Callback"
 * (https://hainh.me/zalo-api-php-webhook-callback-official-account.html: "so sánh giá trị
 * trong header X-ZEvent-Signature với mã hash SHA256 của chuỗi kết hợp ... ID của ứng dụng,
 * chuỗi JSON trả về trong body, timestamp được lấy từ chuỗi JSON trên, mã bí mật của Official
 * Account"), and Chatwoot's Zalo channel (app/jobs/webhooks/zalo_events_job.rb:
 * `signature == "mac=#{Digest::SHA256.hexdigest("#{app_id}#{post_body}#{timestamp}#{oa_secret_key}")}"`).
 * We hash with our configured app id, so an event meant for another app does not verify.
 *
 * Events (v3 webhook): `event_name`, `app_id`, `timestamp` (ms, a string), `sender.id` (the
 * person's id for this OA, where replies go), `recipient.id` (the OA), `message.msg_id`,
 * `message.text`, `message.attachments[].payload.url`; `follow`/`unfollow` carry
 * `follower.id`; `user_click_chatnow` carries the person as a top-level `user_id` (with
 * `oa_id`) and no `sender`; `user_submit_info` carries `info.phone`; the OA's own sends echo
 * back as `oa_send_*`.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { BOT_EVENT_LIMITS as LIMIT, type BotEvent, type TextEvent } from '@gcm/domain';
import { cleanText, cutText } from '../../common/clean-text';
import { actionFromText } from './zalo-render';

export const SIGNATURE_HEADER = 'x-zevent-signature';

/** The X-ZEvent-Signature value Zalo sends for this body. */
export function zaloSignature(
  appId: string,
  rawBody: Buffer | string,
  timestamp: string,
  oaSecretKey: string,
): string {
  const hash = createHash('sha256')
    .update(appId)
    .update(rawBody)
    .update(timestamp)
    .update(oaSecretKey)
    .digest('hex');
  return `mac=${hash}`;
}

/** Constant-time check of a received signature (with or without the `mac=` prefix). */
export function verifyZaloSignature(input: {
  appId: string;
  oaSecretKey: string;
  rawBody: Buffer;
  timestamp: string;
  signature: string;
}): boolean {
  const expected = Buffer.from(
    zaloSignature(input.appId, input.rawBody, input.timestamp, input.oaSecretKey).slice(4),
  );
  const given = Buffer.from(input.signature.trim().replace(/^mac=/i, '').toLowerCase());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Most `timestamp` values of a body tried against its signature. */
const MAX_TIMESTAMPS = 4;

/**
 * Checks a request's signature on its raw bytes, before anything reads it as JSON (a forged body
 * that is not even JSON gets 401 like any other forgery). The timestamp that goes into the hash
 * is taken from the raw text as it was signed: each `"timestamp": "…"` (or a bare number) is
 * tried, the first few at most. Whichever verifies, the body is Zalo's, byte for byte.
 */
export function verifySignedBody(input: {
  appId: string;
  oaSecretKey: string;
  rawBody: Buffer;
  signature: string;
}): boolean {
  const raw = input.rawBody.toString('utf8');
  const found = raw.matchAll(/"timestamp"\s*:\s*(?:"([^"\\]{1,40})"|(-?\d{1,20}))/g);
  let tried = 0;
  for (const match of found) {
    if (tried++ >= MAX_TIMESTAMPS) break;
    if (verifyZaloSignature({ ...input, timestamp: match[1] ?? match[2] })) return true;
  }
  return false;
}

/**
 * How far an event's `timestamp` may be from this machine's clock. The signature never expires,
 * and the API recognises an event it has handled for 48 hours only: without this, a signed event
 * that someone recorded could be sent again days later and be answered again, and one dated
 * ahead would pass any later check. An hour covers Zalo's retries of a delivery that failed for
 * a moment; after a longer outage Zalo's late retries are dropped rather than answered hours
 * late. The 5 minutes ahead allow for clocks that differ.
 */
export const ZALO_EVENT_MAX_AGE_MS = 60 * 60_000;
export const ZALO_EVENT_MAX_AHEAD_MS = 5 * 60_000;

/** Why an event is too old or too far ahead to handle, or undefined when it is fresh. */
export function staleness(event: BotEvent, now = Date.now()): string | undefined {
  const at = event.sentAt ? Date.parse(event.sentAt) : Number.NaN;
  if (Number.isNaN(at)) return 'it carries no readable timestamp';
  if (at < now - ZALO_EVENT_MAX_AGE_MS) return `sent at ${event.sentAt}, more than an hour ago`;
  if (at > now + ZALO_EVENT_MAX_AHEAD_MS) {
    return `sent at ${event.sentAt}, more than 5 minutes ahead of this machine's clock`;
  }
  return undefined;
}

export type MappedEvent =
  | { kind: 'event'; event: BotEvent }
  /** Valid but nothing to answer (the OA's own messages, read receipts, reactions…). */
  | { kind: 'ignored'; reason: string }
  /** Signed by Zalo but not readable as an event (answered 200 all the same, and logged). */
  | { kind: 'invalid'; reason: string };

/** user_send_* events we cannot read, and what to call them in the log. */
const UNSUPPORTED_SENDS: Record<string, string> = {
  user_send_sticker: 'sticker',
  user_send_gif: 'gif',
  user_send_audio: 'audio',
  user_send_video: 'video',
  user_send_location: 'location',
  user_send_business_card: 'business card',
};

/** Maps a (signed, parsed) webhook event to the BotEvent to hand to the API. */
export function toBotEvent(payload: Record<string, unknown>): MappedEvent {
  const name = str(payload.event_name);
  if (!name) return { kind: 'invalid', reason: 'no event_name' };
  if (name.startsWith('oa_')) return { kind: 'ignored', reason: `${name} (sent by the OA)` };

  const isFollowEvent = name === 'follow' || name === 'unfollow';
  const userId = isFollowEvent
    ? (str(field(payload.follower, 'id')) ?? str(field(payload.sender, 'id')))
    : (str(payload.user_id) ?? str(field(payload.sender, 'id')));
  const message = record(payload.message);
  const timestamp = str(payload.timestamp) ?? num(payload.timestamp);

  if (userId && userId.length > LIMIT.id) {
    return { kind: 'invalid', reason: `${name} with a user id longer than ${LIMIT.id}` };
  }
  const msgId = str(message?.msg_id);
  const common = userId ? commonFields(name, userId, timestamp, msgId) : undefined;
  if (common && common.updateId.length > LIMIT.id) {
    return { kind: 'invalid', reason: `${name} with an id longer than ${LIMIT.id}` };
  }

  switch (name) {
    case 'follow':
    case 'user_click_chatnow':
      return common ? event({ ...common, type: 'follow' }) : noUser(name);
    case 'unfollow':
      return common ? event({ ...common, type: 'unfollow' }) : noUser(name);
    case 'user_send_text':
    case 'user_send_link': {
      if (!common) return noUser(name);
      const text = cleanText(str(message?.text) ?? firstAttachmentUrl(message) ?? '');
      return event(textEvent(common, text.trim()));
    }
    case 'user_send_image':
    case 'user_send_file': {
      if (!common) return noUser(name);
      const url = firstAttachmentUrl(message);
      // A link the API would refuse is no better than none.
      if (!url || url.length > LIMIT.fileRef) {
        return event({ ...common, type: 'unsupported', what: name.slice(10) });
      }
      const attachment = record(firstAttachment(message)?.payload);
      const fileName = str(attachment?.name);
      const mimeType = str(attachment?.type);
      // What the person typed with the picture or file, as Telegram's caption.
      const caption = cutText(cleanText(str(message?.text) ?? '').trim(), LIMIT.argument).trim();
      return event({
        ...common,
        type: 'file',
        fileRef: url,
        ...(fileName ? { fileName: cutText(cleanText(fileName), LIMIT.fileName) } : {}),
        ...(mimeType ? { mimeType: cutText(mimeType, LIMIT.mimeType) } : {}),
        ...(caption ? { caption } : {}),
      });
    }
    case 'user_submit_info': {
      if (!common) return noUser(name);
      const phone = str(field(payload.info, 'phone'));
      return phone && phone.length <= LIMIT.phone
        ? event({ ...common, type: 'contact', phone })
        : event({ ...common, type: 'unsupported', what: 'user info without a phone' });
    }
    default:
      if (name in UNSUPPORTED_SENDS) {
        return common
          ? event({ ...common, type: 'unsupported', what: UNSUPPORTED_SENDS[name] })
          : noUser(name);
      }
      if (name.startsWith('user_send_')) {
        return common
          ? event({ ...common, type: 'unsupported', what: cutText(name.slice(10), LIMIT.what) })
          : noUser(name);
      }
      // Read and delivery receipts, reactions, tags, anonymous chats, shop and call events.
      return { kind: 'ignored', reason: name };
  }
}

type Common = Omit<TextEvent, 'type' | 'text'>;

function commonFields(
  name: string,
  userId: string,
  timestamp: string | undefined,
  msgId: string | undefined,
): Common {
  const sentAt = timestamp ? new Date(Number(timestamp)) : undefined;
  return {
    channel: 'zalo',
    // Events without a message id (follow, unfollow, submitted info) are identified by what
    // happened, to whom and when; a retried delivery carries the same three.
    updateId: msgId ?? `${name}:${userId}:${timestamp ?? ''}`,
    chatId: userId,
    user: { id: userId },
    ...(sentAt && !Number.isNaN(sentAt.getTime()) ? { sentAt: sentAt.toISOString() } : {}),
  };
}

/**
 * A command: "/" and a name the API takes (at most 64 characters, as Telegram's), then the
 * argument. A longer "/word" is no command of ours: it is read as text.
 */
const COMMAND = new RegExp(
  `^\\/([a-z][a-z0-9_]{0,${LIMIT.command - 1}})(?:\\s+([\\s\\S]*))?$`,
  'i',
);

/**
 * Free text, a pressed button (our action prefix) or a command ("/huy", "/start abc"), each
 * within the API's limits: an action longer than any of our buttons makes is text someone typed.
 */
function textEvent(common: Common, text: string): BotEvent {
  if (!text) return { ...common, type: 'unsupported', what: 'empty text' };
  const action = actionFromText(text);
  if (action !== undefined && action.length <= LIMIT.action) {
    return action
      ? { ...common, type: 'action', action }
      : { ...common, type: 'unsupported', what: 'empty action' };
  }
  const command = COMMAND.exec(text);
  if (command && (command[2]?.trim().length ?? 0) <= LIMIT.argument) {
    const argument = command[2]?.trim();
    return {
      ...common,
      type: 'command',
      command: command[1].toLowerCase(),
      ...(argument ? { argument } : {}),
    };
  }
  return { ...common, type: 'text', text };
}

function event(value: BotEvent): MappedEvent {
  return { kind: 'event', event: value };
}

function noUser(name: string): MappedEvent {
  return { kind: 'invalid', reason: `${name} without a user id` };
}

function firstAttachment(message: Record<string, unknown> | undefined) {
  const list = message?.attachments;
  return Array.isArray(list) ? record(list[0]) : undefined;
}

function firstAttachmentUrl(message: Record<string, unknown> | undefined): string | undefined {
  return str(field(firstAttachment(message)?.payload, 'url'));
}

function field(value: unknown, key: string): unknown {
  return record(value)?.[key];
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function num(value: unknown): string | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}
