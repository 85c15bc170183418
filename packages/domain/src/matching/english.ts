/**
 * Just enough English for matching: a light suffix stemmer, function words, and a test for
 * whether a question is written in English.
 */
import { isVietnameseSyllable, type Token } from '../text';

/**
 * Strips common inflections so "months"/"month", "applying"/"apply", "passports"/"passport"
 * compare equal. Applied the same way to questions, FAQs and glossary phrases, so it only has to
 * be consistent, not linguistically exact.
 */
export function stemEnglish(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ied') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ing') && word.length > 5) return word.slice(0, -3);
  if (word.endsWith('ed') && word.length > 4) return word.slice(0, -2);
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * A token read as English: as typed when typed without diacritics. Its folded key respells
 * Vietnamese syllables ("my" as "mi", like "mỹ" and "mĩ"), which would hide "my" and "by" from
 * the function words and part English words from each other.
 */
export function englishWord(token: Token): string {
  return token.marked ? token.folded : token.text;
}

/** The stem a token is indexed and looked up by when read as English. */
export function englishStem(token: Token): string {
  return stemEnglish(englishWord(token));
}

/** English function words: they carry almost no information about which FAQ fits. */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if then so of to in on at by for from with about into over as is are was ' +
    'were be been being am do does did done doing have has had having i me my mine we us our you your ' +
    'he him his she her it its they them their this that these those there here what which who whom ' +
    'whose when where why how can could should would will shall may might must not no yes ' +
    'please hi hello thanks thank any some all get got just also very much many more most ' +
    'hasnt havent dont doesnt didnt cant cannot wont isnt arent wasnt werent im ive id ' +
    'while during before after until than too only own same other such each both few again ' +
    'once because through between against above below up down out off under further now ' +
    'myself yourself himself herself itself ourselves themselves yours ours hers theirs ' +
    'whats wheres hows whos youre theyre shes hes thats theres lets ok okay still even really'
  ).split(' '),
);

/**
 * Whether a question is in English: it has no Vietnamese diacritics and most of its tokens are
 * English function words or words that cannot be Vietnamese syllables. `knownAbbreviation` lets
 * Vietnamese abbreviations such as "xkld" (also impossible syllables) count as Vietnamese.
 */
export function looksEnglish(
  tokens: readonly Token[],
  knownAbbreviation: (folded: string) => boolean,
): boolean {
  if (tokens.length === 0 || tokens.some((t) => t.marked)) return false;
  let english = 0;
  let functionWords = 0;
  for (const [i, token] of tokens.entries()) {
    const { folded } = token;
    // "my" and "by" are also Vietnamese without diacritics ("visa my": a visa for Mỹ; "bi lua":
    // "bị lừa"): English only before a word that cannot be Vietnamese ("my passport").
    const next = tokens[i + 1];
    const respelled = folded !== token.text;
    if (
      ENGLISH_STOP_WORDS.has(englishWord(token)) &&
      (!respelled || (next !== undefined && !isVietnameseSyllable(next.folded)))
    ) {
      english++;
      functionWords++;
    } else if (!isVietnameseSyllable(folded) && !knownAbbreviation(folded) && !/\d/.test(folded)) {
      english++;
    }
  }
  // One English function word is needed: a bare "visa passport" is as likely a Vietnamese query.
  return functionWords > 0 && english / tokens.length >= 0.5;
}
