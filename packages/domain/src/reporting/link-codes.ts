/**
 * One-time codes that link a chat account (Zalo, Telegram) to a unit's reporting officer: the
 * console shows the code, the officer types it to the bot.
 *
 * Eight characters from an alphabet without the look-alikes 0/O, 1/I/L: 31 symbols, so
 * 31^8 ≈ 8.5 × 10^11 codes (about 39 bits). Enough for a code that is valid for a short time, used
 * once and behind the API's rate limit. Shown in two groups, `ABCD-EFGH`; read back whatever the
 * case, spaces or dashes.
 */

export const LINK_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const LINK_CODE_LENGTH = 8;

/** A source of random bytes, e.g. `crypto.randomBytes` in Node, or a wrapper of `getRandomValues`. */
export type RandomBytes = (size: number) => Uint8Array;

// The largest multiple of the alphabet's size below 256: bytes from here up are thrown away, so
// every symbol is equally likely (no modulo bias).
const UNBIASED_LIMIT = 256 - (256 % LINK_CODE_ALPHABET.length);
const MAX_DRAWS = 32;

/**
 * A new code in its canonical form (`K7QX9MZD`), drawn from `randomBytes`. Throws when the source
 * keeps giving unusable bytes (a broken source, not bad luck: each byte is usable with
 * probability 248/256).
 */
export function generateLinkCode(randomBytes: RandomBytes): string {
  let code = '';
  for (let draw = 0; draw < MAX_DRAWS && code.length < LINK_CODE_LENGTH; draw += 1) {
    for (const byte of randomBytes(LINK_CODE_LENGTH * 2)) {
      if (byte >= UNBIASED_LIMIT) continue;
      code += LINK_CODE_ALPHABET[byte % LINK_CODE_ALPHABET.length];
      if (code.length === LINK_CODE_LENGTH) break;
    }
  }
  if (code.length < LINK_CODE_LENGTH) {
    throw new Error('the random source gave too few usable bytes for a link code');
  }
  return code;
}

/**
 * What a person typed, as a canonical code, or null when it cannot be one: upper case; spaces,
 * dashes, dots and underscores dropped; full-width characters read as plain ones
 * ("abcd efgh", "ABCD-EFGH", "ａｂｃｄ－ｅｆｇｈ" → "ABCDEFGH").
 */
export function normaliseLinkCode(text: string): string | null {
  if (typeof text !== 'string' || text.length > 64) return null;
  const code = text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-‐‑‒–—_.\u200B-\u200D\uFEFF]/g, '');
  return isLinkCode(code) ? code : null;
}

/** Whether `code` is a code in canonical form: eight symbols of the alphabet. */
export function isLinkCode(code: string): boolean {
  if (typeof code !== 'string' || code.length !== LINK_CODE_LENGTH) return false;
  return [...code].every((symbol) => LINK_CODE_ALPHABET.includes(symbol));
}

/** A code as shown to people: `ABCD-EFGH`. */
export function formatLinkCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
