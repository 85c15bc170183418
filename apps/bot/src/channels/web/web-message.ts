/**
 * Turns what the widget posts to /web/messages into a BotEvent, or says in Vietnamese why not.
 * The widget makes the ids: `sessionId` (kept in the browser) is the chat, `clientMessageId` the
 * update, so a message the widget sends again after a lost answer is answered, not run twice.
 */
import { ErrorCode, MAX_ACTION_BYTES, type BotEvent } from '@gcm/domain';
import { cleanText } from '../../common/clean-text';
import { WEB_CHAT_TEXTS } from './web-texts';

/** Longest question, in characters after NFC (what the widget's text box allows). */
export const MAX_WEB_TEXT_LENGTH = 2000;

export interface WebMessageBody {
  sessionId: string;
  clientMessageId: string;
  text?: string;
  action?: string;
}

export type ParsedWebMessage =
  { ok: true; event: BotEvent } | { ok: false; status: number; code: ErrorCode; message: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** `/start`, `/menu`, `/huy …`: the console's simulator types commands like Telegram's. */
const COMMAND = /^\/([a-z][a-z0-9_]{0,31})(?:\s+([\s\S]*))?$/i;

export function isSessionId(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

export function parseWebMessage(body: unknown, now = new Date()): ParsedWebMessage {
  const invalid = (message: string, status = 400, code: ErrorCode = ErrorCode.ValidationFailed) =>
    ({ ok: false, status, code, message }) as const;

  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return invalid(WEB_CHAT_TEXTS.malformed, 400, ErrorCode.MalformedJson);
  }
  const { sessionId, clientMessageId, text, action } = body as Record<string, unknown>;
  if (!isSessionId(sessionId) || !isSessionId(clientMessageId)) {
    return invalid(WEB_CHAT_TEXTS.badSession);
  }
  const base = {
    channel: 'web' as const,
    updateId: clientMessageId.toLowerCase(),
    chatId: sessionId.toLowerCase(),
    user: { id: sessionId.toLowerCase() },
    sentAt: now.toISOString(),
  };

  // Text and actions reach the API in NFC, without control characters or lone surrogates.
  if (action !== undefined) {
    if (text !== undefined || typeof action !== 'string') {
      return invalid(WEB_CHAT_TEXTS.badMessage);
    }
    const cleaned = cleanText(action);
    const size = Buffer.byteLength(cleaned);
    if (size === 0 || size > MAX_ACTION_BYTES) return invalid(WEB_CHAT_TEXTS.badMessage);
    return { ok: true, event: { ...base, type: 'action', action: cleaned } };
  }

  if (text !== undefined && typeof text !== 'string') return invalid(WEB_CHAT_TEXTS.badMessage);
  const trimmed = cleanText(text ?? '').trim();
  if (!trimmed) return invalid(WEB_CHAT_TEXTS.emptyText);
  if ([...trimmed].length > MAX_WEB_TEXT_LENGTH) {
    return invalid(WEB_CHAT_TEXTS.textTooLong(MAX_WEB_TEXT_LENGTH), 413, ErrorCode.QuestionTooLong);
  }
  const command = COMMAND.exec(trimmed);
  if (command) {
    const argument = command[2]?.trim();
    return {
      ok: true,
      event: {
        ...base,
        type: 'command',
        command: command[1].toLowerCase(),
        ...(argument ? { argument } : {}),
      },
    };
  }
  return { ok: true, event: { ...base, type: 'text', text: trimmed } };
}
