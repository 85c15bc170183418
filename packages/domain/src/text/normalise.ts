/**
 * Cleaning and folding of free text typed by citizens on phones.
 *
 * Everything here is total: any string (empty, huge, HTML, emoji only, mixed scripts) yields a
 * string, never an exception, so callers can feed raw user input straight in.
 */

/** Longest input we look at. Questions are short; a 10,000-character paste is noise or abuse. */
export const MAX_INPUT_CHARS = 500;

// Raw input is cut generously before cleaning so that HTML or zero-width padding cannot push the
// real text past the limit, while a pathological input still costs bounded work.
const RAW_SCAN_FACTOR = 4;

const HTML_TAG = /<\/?[a-z][^<>]{0,200}>/gi;
const HTML_ENTITY = /&(?:#\d{1,6}|#x[0-9a-f]{1,6}|[a-z]{2,8});/gi;
// Zero-width space/joiners, word joiner, BOM and soft hyphen are invisible and may sit inside a
// word (copy-paste from chat apps), so they are removed rather than turned into spaces.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/g;
// Apostrophes inside words ("hasn't", "don’t") are dropped so the word stays one token.
const INNER_APOSTROPHE = /(\p{L})['’](\p{L})/gu;
const COMBINING_MARK = /\p{M}/gu;

/**
 * Unicode NFC, lower case, no HTML, no invisible characters, at most `maxChars` characters
 * (MAX_INPUT_CHARS for user questions; staff-written FAQ texts pass a larger limit).
 * Punctuation and emoji are kept here (tokenisation treats them as separators).
 */
export function normaliseText(input: unknown, maxChars = MAX_INPUT_CHARS): string {
  if (typeof input !== 'string' || input.length === 0) return '';
  // The replacements are skipped when their trigger character is absent: FAQ texts are long and
  // mostly clean, and each replacement scans the whole text.
  let text = input.slice(0, maxChars * RAW_SCAN_FACTOR);
  if (text.includes('<')) text = text.replace(HTML_TAG, ' ');
  if (text.includes('&')) text = text.replace(HTML_ENTITY, ' ');
  text = text.replace(INVISIBLE, '').normalize('NFC').toLowerCase();
  if (text.includes("'") || text.includes('’')) text = text.replace(INNER_APOSTROPHE, '$1$2');
  return text.slice(0, maxChars);
}

/**
 * Control characters other than tab, line feed and carriage return (C0, DEL, C1): none of them
 * means anything in a message, and PostgreSQL cannot store NUL in text or JSON.
 */
// eslint-disable-next-line no-control-regex -- finding them is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** The text without control characters other than \t, \n and \r. */
export function stripControlChars(text: string): string {
  return text.replace(CONTROL_CHARS, '');
}

/** Removes every diacritic, including đ → d, so "Đăng ký" and "dang ky" compare equal. */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARK, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** True when the text carries any Vietnamese (or other) diacritic or the letter đ. */
export function hasDiacritics(text: string): boolean {
  return foldDiacritics(text) !== text;
}
