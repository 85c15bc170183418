/**
 * Turns neutral BotReplies into what a Zalo OA customer-service message can carry: plain text
 * (no formatting at all) of at most 2000 characters, and at most five buttons under it.
 * Limits from the v3 "tin tư vấn" documentation: text ≤ 2000 characters, a button title
 * ≤ 100 characters, a query payload ≤ 1000 characters.
 */
import {
  markdownToPlain,
  type DocumentReply,
  type LinkReply,
  type ReplyButton,
  type TextReply,
} from '@gcm/domain';
import type { ZaloButton } from './zalo-client';

/** Moved to @gcm/domain so that the console previews a broadcast exactly as Zalo shows it. */
export { markdownToPlain };

export const ZALO_MAX_TEXT = 2000;
export const ZALO_MAX_BUTTONS = 5;
export const ZALO_MAX_BUTTON_TITLE = 100;

/**
 * Marks a button press. A pressed query button reaches us as ordinary text from the person,
 * so the payload needs a prefix nobody types. The `:` keeps it from ever matching an OA
 * "truy vấn tự động" syntax (`#` + letters, digits and `_`).
 */
export const ACTION_PREFIX = '#gcm:';

/** Text shown above buttons that did not fit under the previous message. */
const MORE_BUTTONS_TEXT = '…';

export interface ZaloOutgoing {
  text: string;
  buttons?: ZaloButton[];
}

/** A text reply as one or more messages; the buttons go under the last one, five at a time. */
export function renderText(reply: TextReply): ZaloOutgoing[] {
  const plain = reply.format === 'markdown' ? markdownToPlain(reply.text) : reply.text;
  const messages: ZaloOutgoing[] = splitText(plain.normalize('NFC')).map((text) => ({ text }));
  const buttons = (reply.buttons ?? []).flat().map(toZaloButton);
  for (let i = 0; i < buttons.length; i += ZALO_MAX_BUTTONS) {
    const group = buttons.slice(i, i + ZALO_MAX_BUTTONS);
    const last = messages.at(-1);
    if (i === 0 && last) last.buttons = group;
    else messages.push({ text: MORE_BUTTONS_TEXT, buttons: group });
  }
  return messages;
}

/** "title: url", then the description on its own line. */
export function linkText(link: Pick<LinkReply, 'url' | 'title' | 'description'>): string {
  const title = link.title.trim();
  const head = !title || title === link.url ? link.url : `${title}: ${link.url}`;
  return fit([head, link.description?.trim()]);
}

/** "📄 name: url", then the caption. */
export function documentText(doc: Pick<DocumentReply, 'url' | 'fileName' | 'caption'>): string {
  return fit([`📄 ${doc.fileName.trim() || 'Tài liệu'}: ${doc.url}`, doc.caption?.trim()]);
}

/** The action a message carries when it came from one of our buttons, else undefined. */
export function actionFromText(text: string): string | undefined {
  return text.startsWith(ACTION_PREFIX) ? text.slice(ACTION_PREFIX.length) : undefined;
}

function toZaloButton(button: ReplyButton): ZaloButton {
  return {
    kind: 'query',
    title: truncate(button.label.normalize('NFC').trim(), ZALO_MAX_BUTTON_TITLE),
    payload: ACTION_PREFIX + button.action,
  };
}

/**
 * Splits text into pieces of at most `max` characters, at a paragraph break if there is one
 * in the second half of the window, else at a line break, else at a space, else anywhere
 * (never inside a surrogate pair).
 */
export function splitText(text: string, max = ZALO_MAX_TEXT): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const cut = cutPoint(rest, max);
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

function cutPoint(text: string, max: number): number {
  const window = text.slice(0, max + 1);
  const floor = Math.floor(max / 2);
  for (const separator of ['\n\n', '\n', ' ']) {
    const at = window.lastIndexOf(separator);
    if (at >= floor) return at;
  }
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}

/** Joins lines and keeps the result within one message. */
function fit(lines: (string | undefined)[]): string {
  return truncate(lines.filter(Boolean).join('\n').normalize('NFC'), ZALO_MAX_TEXT);
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
