/**
 * Vietnamese syllable keys.
 *
 * A syllable gets two comparison keys:
 * - `exact`: vowel-shape marks (â ă ê ô ơ ư đ) kept and the tone written as a trailing digit, so the
 *   old and new tone placements ("khoẻ"/"khỏe", "hoà"/"hòa", "thuỷ"/"thủy") give one key;
 * - `folded`: plain ASCII ("khoe"), what people type without a Vietnamese keyboard.
 * Both keys also merge the i/y spelling variants after a consonant ("ký"/"kí", "lý"/"lí").
 */
import { foldDiacritics } from './normalise';

// Combining tone marks in NFD: grave (huyền), acute (sắc), tilde (ngã), hook above (hỏi), dot below (nặng).
const TONE_DIGIT: Readonly<Record<string, string>> = {
  '\u0300': '2',
  '\u0301': '1',
  '\u0303': '4',
  '\u0309': '3',
  '\u0323': '5',
};
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

// "ky", "ly", "quy", "my", "ty": a lone final y after a consonant onset is spelled either way.
const ONSET_Y = /^(qu|[bcdđghklmnprstvx]{1,3})y$/;

export interface SyllableKeys {
  /** Diacritic-exact key with the tone as a digit, e.g. "khoe3", "đăng", "ky1" → "ki1". */
  readonly exact: string;
  /** Fully folded key, e.g. "khoe", "dang", "ki". */
  readonly folded: string;
  /** True when the syllable was typed with any diacritic (tone, vowel shape or đ). */
  readonly marked: boolean;
}

function mergeIY(base: string): string {
  return ONSET_Y.test(base) ? `${base.slice(0, -1)}i` : base;
}

// Syllables repeat endlessly (Vietnamese has a few thousand), so their keys are memoised; the
// bound keeps memory flat when the input is garbage.
const MEMO_LIMIT = 50_000;
const memo = new Map<string, SyllableKeys>();

/** Keys of one lower-case NFC token. Non-Vietnamese tokens pass through unchanged but folded. */
export function syllableKeys(token: string): SyllableKeys {
  let keys = memo.get(token);
  if (!keys) {
    keys = computeKeys(token);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(token, keys);
  }
  return keys;
}

function computeKeys(token: string): SyllableKeys {
  const decomposed = token.normalize('NFD');
  let tone = '';
  for (const ch of decomposed) {
    const digit = TONE_DIGIT[ch];
    if (digit) tone = digit;
  }
  const shaped = mergeIY(decomposed.replace(TONE_MARKS, '').normalize('NFC'));
  const folded = mergeIY(foldDiacritics(token));
  return { exact: shaped + tone, folded, marked: shaped + tone !== folded };
}

const VIETNAMESE_SYLLABLE =
  /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?(uye|uya|oai|oay|oeo|uay|uoi|uou|ieu|yeu|uya|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ye|a|e|i|o|u|y)(ch|ng|nh|c|m|n|p|t)?$/;

/**
 * Whether a folded token could be a Vietnamese syllable. English words ("passport", "how", "first")
 * and abbreviations ("xkld", "hc") mostly cannot, which helps to tell the language of a query.
 */
export function isVietnameseSyllable(folded: string): boolean {
  return VIETNAMESE_SYLLABLE.test(folded);
}
