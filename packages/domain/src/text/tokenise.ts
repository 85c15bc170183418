/**
 * Splitting cleaned text into tokens. Vietnamese is written one syllable per space-separated unit,
 * so a token is a syllable ("hộ", "chiếu"); words are recovered later from syllable bigrams.
 */
import { MAX_INPUT_CHARS, normaliseText } from './normalise';
import { syllableKeys } from './syllable';

export interface TokenLimits {
  readonly maxChars: number;
  readonly maxTokens: number;
}

/** A citizen's question: anything beyond this is not a question, and is ignored to bound the work. */
export const QUESTION_LIMITS: TokenLimits = { maxChars: MAX_INPUT_CHARS, maxTokens: 80 };
/** Staff-written FAQ texts: long answers are indexed whole, up to a sanity bound. */
export const DOCUMENT_LIMITS: TokenLimits = { maxChars: 20_000, maxTokens: 5_000 };

export interface Token {
  /** The token as typed, lower-cased NFC. */
  readonly text: string;
  /** Diacritic-exact comparison key (see syllableKeys). */
  readonly exact: string;
  /** Diacritic-free comparison key. */
  readonly folded: string;
  /** True when typed with diacritics. */
  readonly marked: boolean;
}

// Letters (any script) and digits form tokens; everything else (punctuation, emoji, symbols)
// separates them. Combining marks are kept so NFD leftovers stay attached to their letter.
const TOKEN = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

// Tokens repeat endlessly across texts, so each distinct one is made once (they are immutable);
// the bound keeps memory flat when the input is garbage.
const MEMO_LIMIT = 50_000;
const memo = new Map<string, Token>();

function tokenOf(text: string): Token {
  let token = memo.get(text);
  if (!token) {
    token = Object.freeze({ text, ...syllableKeys(text) });
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(text, token);
  }
  return token;
}

/** Normalises any input and returns its tokens with their comparison keys. */
export function tokenise(input: unknown, limits: TokenLimits = QUESTION_LIMITS): Token[] {
  const words = normaliseText(input, limits.maxChars).match(TOKEN) ?? [];
  const count = Math.min(words.length, limits.maxTokens);
  const tokens = new Array<Token>(count);
  for (let i = 0; i < count; i++) tokens[i] = tokenOf(words[i]);
  return tokens;
}
