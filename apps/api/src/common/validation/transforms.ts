import { stripControlChars } from '@gcm/domain';
import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, Matches, MaxLength } from 'class-validator';
import { Optional } from './optional';

/** White space and zero-width characters (space, joiners, word joiner, BOM): invisible. */
const EDGE_SPACE = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/g;

/** Removes control characters other than \t, \n and \r; other values pass through. */
export function withoutControlChars(value: unknown): unknown {
  return typeof value === 'string' ? stripControlChars(value) : value;
}

/**
 * NFC, without control characters, and trimmed of white space and zero-width characters (a text
 * of only those is empty); other values pass through for the validators to refuse.
 */
export function toCleanText(value: unknown): unknown {
  return typeof value === 'string'
    ? stripControlChars(value).normalize('NFC').replace(EDGE_SPACE, '')
    : value;
}

/** Trims, drops control characters and normalises text to NFC. */
export const CleanText = () => Transform(({ value }) => toCleanText(value));

/**
 * Free text kept as sent (a person's chat message, a name), without the control characters
 * PostgreSQL cannot store or nobody meant to send.
 */
export const StripControlChars = () => Transform(({ value }) => withoutControlChars(value));

/**
 * An identifier (a chat or update id) must not contain control characters: refused, not
 * changed, since a changed id would name another chat.
 */
export const NoControlChars = () =>
  // eslint-disable-next-line no-control-regex -- finding them is the point
  Matches(/^[^\u0000-\u001F\u007F-\u009F]*$/, {
    message: '$property must not contain control characters',
  });

/** Like CleanText, and an empty text becomes null (for optional fields). */
export const CleanOptionalText = () =>
  Transform(({ value }) => {
    const text = toCleanText(value);
    return text === '' ? null : text;
  });

/** Cleans every text of a list and drops the empty ones. */
export const CleanTextList = () =>
  Transform(({ value }) =>
    Array.isArray(value) ? value.map(toCleanText).filter((v) => v !== '') : value,
  );

/** "true"/"false" in a query string become booleans. */
export const QueryBoolean = () =>
  Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));

/**
 * An optional list of short texts: cleaned like CleanTextList, at most `maxItems` items of at
 * most `maxLength` characters each.
 */
export const OptionalTextList = (maxItems: number, maxLength: number) =>
  applyDecorators(
    Optional(),
    CleanTextList(),
    IsArray({ message: '$property must be a list of texts' }),
    ArrayMaxSize(maxItems),
    IsString({ each: true, message: '$property must be a list of texts' }),
    MaxLength(maxLength, { each: true }),
  );
