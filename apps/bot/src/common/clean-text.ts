import { stripControlChars } from '@gcm/domain';

/**
 * What a person typed, as the API should get it: Unicode NFC (one spelling of each Vietnamese
 * letter, so lengths and matching agree across keyboards), line breaks as `\n`, no control
 * characters other than `\n` and `\t` (a NUL, an escape, a C1 control), and lone surrogates
 * (half an emoji, cut by a careless client) replaced by U+FFFD.
 */
export function cleanText(value: string): string {
  return stripControlChars(
    value.replace(LONE_SURROGATE, '\uFFFD').replace(/\r\n?/g, '\n'),
  ).normalize('NFC');
}

/** The first `max` code points of `value` (never half a surrogate pair). */
export function cutText(value: string, max: number): string {
  if (value.length <= max) return value;
  return Array.from(value).slice(0, max).join('');
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
