import { Transform } from 'class-transformer';

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
    Array.isArray(value)
      ? value.map(toCleanText).filter((v) => v !== '')
      : value,
  );

/** "true"/"false" in a query string become booleans. */
export const QueryBoolean = () =>
  Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));
