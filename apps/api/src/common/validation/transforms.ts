import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength } from 'class-validator';

/** NFC and trimmed; other values pass through for the validators to refuse. */
export function toCleanText(value: unknown): unknown {
  return typeof value === 'string' ? value.normalize('NFC').trim() : value;
}

/** Trims and normalises text to NFC. */
export const CleanText = () => Transform(({ value }) => toCleanText(value));

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
    IsOptional(),
    CleanTextList(),
    IsArray({ message: '$property must be a list of texts' }),
    ArrayMaxSize(maxItems),
    IsString({ each: true, message: '$property must be a list of texts' }),
    MaxLength(maxLength, { each: true }),
  );
