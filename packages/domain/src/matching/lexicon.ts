/**
 * Phrase lexicon compiled from the editors' synonym dictionary and bilingual glossary.
 *
 * A question is scanned left to right; where a known phrase starts, the longest one wins and its
 * alternatives become one slot of the query. Rebuilding the lexicon is cheap (it does not touch
 * the FAQ index), so editors' changes take effect at once.
 */
import { DOCUMENT_LIMITS, isVietnameseSyllable, tokenise, type Token } from '../text';
import { englishStem } from './english';
import { QUALITY, type Alternative } from './query-types';
import type { GlossaryEntry, SynonymEntry } from './types';

interface Pattern {
  /** Vietnamese patterns compare syllables, English ones compare stems. */
  readonly lang: 'vi' | 'en';
  readonly tokens: readonly Token[];
}

interface Entry {
  readonly pattern: Pattern;
  readonly alternatives: Map<string, Alternative>;
  /** Whether the pattern has a word that cannot be Vietnamese ("work permit", "xkld"). */
  readonly foreign: boolean;
  /** The alternatives as a list, made once the lexicon is complete. */
  list?: readonly Alternative[];
}

export interface LexiconMatch {
  readonly length: number;
  readonly alternatives: readonly Alternative[];
}

const toTokens = (phrase: string): Token[] => tokenise(phrase, DOCUMENT_LIMITS);
const stemsOf = (tokens: readonly Token[]): string[] => tokens.map(englishStem);

function altKey(alt: Alternative): string {
  return alt.lang === 'vi'
    ? `vi:${alt.tokens.map((t) => t.exact).join(' ')}`
    : `en:${alt.stems.join(' ')}`;
}

// A word of at least two letters that cannot be a Vietnamese syllable: "visa", "xkld", "permit".
export function isForeignToVietnamese(token: Token): boolean {
  return token.folded.length >= 2 && !isVietnameseSyllable(token.folded);
}

function viAlternative(tokens: readonly Token[], quality: number): Alternative {
  return { lang: 'vi', tokens, quality };
}

/**
 * Whether a typed token matches a pattern token.
 * - An accented pattern syllable matches the same accents, or, typed without any accents, the
 *   same letters; except a lone accented syllable, whose folded form is too ambiguous ("Hàn"
 *   typed "han" is more likely "hạn").
 * - An unaccented pattern ("ko", "xkld", "dc") matches by letters, so "đc" and "xklđ" match too,
 *   but an accented real syllable does not match an unaccented pattern ("tờ" is not "to").
 */
function tokenMatches(typed: Token, pattern: Token, lone: boolean): boolean {
  if (pattern.marked) {
    if (typed.marked) return typed.exact === pattern.exact;
    return !lone && typed.folded === pattern.folded;
  }
  if (typed.folded !== pattern.folded) return false;
  return !typed.marked || !isVietnameseSyllable(typed.folded);
}

/** An entry's alternatives as a list, made once the lexicon is complete and then kept. */
function alternativesOf(entry: Entry): readonly Alternative[] {
  entry.list ??= [...entry.alternatives.values()];
  return entry.list;
}

const MIN_CHAINED_QUALITY = 0.6;
const NONE: readonly Entry[] = [];

export class Lexicon {
  private readonly byFirst = new Map<string, Entry[]>();
  private readonly entries = new Map<string, Entry>();
  private readonly abbreviations = new Set<string>();

  constructor(synonyms: readonly SynonymEntry[], glossary: readonly GlossaryEntry[]) {
    for (const entry of synonyms) this.addSynonym(entry);
    for (const entry of glossary) this.addGlossary(entry);
    this.chainReadings();
    for (const list of this.byFirst.values()) {
      list.sort((a, b) => b.pattern.tokens.length - a.pattern.tokens.length);
    }
  }

  /** A synonym term that cannot be a Vietnamese syllable, such as "xkld" or "đsq". */
  isAbbreviation(folded: string): boolean {
    return this.abbreviations.has(folded);
  }

  /**
   * Whether a syllable typed without diacritics may be a one-word entry with these readings
   * ("nhat" may be "Nhật", a country, though it may as well be "nhất"): for readings that only
   * hold in context, such as "đi Nhật về".
   */
  mayRead(folded: string, test: (alt: Alternative) => boolean): boolean {
    return (this.byFirst.get(`vi:${folded}`) ?? NONE).some(
      (entry) => entry.pattern.tokens.length === 1 && alternativesOf(entry).some(test),
    );
  }

  /**
   * The longest phrase starting at `start`. In a Vietnamese question an English phrase only
   * matches if it contains a word that cannot be Vietnamese ("work permit" yes, "ban" no: typed
   * without accents it is far more often "bạn"). Likewise an English question only uses the
   * Vietnamese entries that cannot be English words ("xkld", "gcm", not the teencode "a" or "e").
   */
  longestMatch(
    tokens: readonly Token[],
    start: number,
    english: boolean,
  ): LexiconMatch | undefined {
    const first = tokens[start];
    // Both lists are sorted longest first; merged, a Vietnamese pattern goes first on a tie.
    const vietnamese = this.byFirst.get(`vi:${first.folded}`) ?? NONE;
    const englishList = first.marked
      ? NONE
      : (this.byFirst.get(`en:${englishStem(first)}`) ?? NONE);
    let v = 0;
    let e = 0;
    while (v < vietnamese.length || e < englishList.length) {
      const takeVietnamese =
        e >= englishList.length ||
        (v < vietnamese.length &&
          vietnamese[v].pattern.tokens.length >= englishList[e].pattern.tokens.length);
      const entry = takeVietnamese ? vietnamese[v++] : englishList[e++];
      // English patterns in a Vietnamese question, and Vietnamese ones in an English question,
      // only when they cannot be words of the question's language.
      const usable = takeVietnamese ? !english || entry.foreign : english || entry.foreign;
      if (usable && this.matchesAt(entry.pattern, tokens, start)) {
        return { length: entry.pattern.tokens.length, alternatives: alternativesOf(entry) };
      }
    }
    return undefined;
  }

  private matchesAt(pattern: Pattern, tokens: readonly Token[], start: number): boolean {
    const n = pattern.tokens.length;
    if (start + n > tokens.length) return false;
    const lone = n === 1;
    for (let k = 0; k < n; k++) {
      const typed = tokens[start + k];
      const ok =
        pattern.lang === 'vi'
          ? tokenMatches(typed, pattern.tokens[k], lone)
          : !typed.marked && englishStem(typed) === englishStem(pattern.tokens[k]);
      if (!ok) return false;
    }
    return true;
  }

  private addSynonym({ term, expansions, mutual, broader = [] }: SynonymEntry): void {
    const termTokens = toTokens(term);
    const expansionTokens = expansions.map(toTokens).filter((t) => t.length > 0);
    const broaderAlts = broader
      .map(toTokens)
      .filter((t) => t.length > 0)
      .map((tokens): Alternative => ({
        lang: 'vi',
        tokens,
        quality: QUALITY.broader,
        broader: true,
      }));
    if (termTokens.length === 0 || expansionTokens.length + broaderAlts.length === 0) return;
    if (termTokens.length === 1 && !isVietnameseSyllable(termTokens[0].folded)) {
      this.abbreviations.add(termTokens[0].folded);
    }
    this.add({ lang: 'vi', tokens: termTokens }, [
      viAlternative(termTokens, QUALITY.literal),
      ...expansionTokens.map((t) => viAlternative(t, QUALITY.synonym)),
      ...broaderAlts,
    ]);
    // The reverse direction lets a question that spells a word out find an FAQ that abbreviates it.
    for (const tokens of expansionTokens) {
      const siblings = mutual ? expansionTokens.filter((other) => other !== tokens) : [];
      this.add({ lang: 'vi', tokens }, [
        viAlternative(tokens, QUALITY.literal),
        viAlternative(termTokens, QUALITY.synonym),
        ...siblings.map((t) => viAlternative(t, QUALITY.synonym)),
        ...broaderAlts,
      ]);
    }
  }

  private addGlossary({ en, vi }: GlossaryEntry): void {
    const english = en.map(toTokens).filter((t) => t.length > 0);
    const vietnamese = vi.map(toTokens).filter((t) => t.length > 0);
    if (english.length === 0 || vietnamese.length === 0) return;
    const englishAlts: Alternative[] = english.map((tokens) => ({
      lang: 'en',
      stems: stemsOf(tokens),
      quality: QUALITY.synonym,
    }));
    // An English question reads each English phrase as any of the Vietnamese ones. A phrase of
    // un-Vietnamese words is also kept as typed, since Vietnamese FAQs use some ("visa"); others
    // would match Vietnamese syllables by accident ("the" is "thẻ" without accents).
    for (const tokens of english) {
      const asTyped = tokens.every(isForeignToVietnamese)
        ? [viAlternative(tokens, QUALITY.literal)]
        : [];
      this.add({ lang: 'en', tokens }, [
        ...englishAlts,
        ...asTyped,
        ...vietnamese.map((t) => viAlternative(t, QUALITY.synonym)),
      ]);
    }
    // A Vietnamese phrase also reaches FAQs that only have an English version, and, less
    // surely, the other Vietnamese renderings of the same English term ("em bé" and "trẻ em"
    // for "child"): they are translations of one thing, if not always synonyms.
    for (const tokens of vietnamese) {
      const siblings = vietnamese
        .filter((other) => other !== tokens)
        .map((other) => viAlternative(other, QUALITY.translation));
      this.add({ lang: 'vi', tokens }, [
        viAlternative(tokens, QUALITY.literal),
        ...englishAlts,
        ...siblings,
      ]);
    }
  }

  /**
   * A reading that is itself an entry brings that entry's readings, one step further and less
   * surely: "xkld" is "xuất khẩu lao động", which is also "đi làm việc ở nước ngoài".
   */
  private chainReadings(): void {
    const snapshot = new Map(
      [...this.entries].map(([key, entry]) => [key, [...entry.alternatives.values()]]),
    );
    for (const [key, entry] of this.entries) {
      for (const alt of snapshot.get(key) ?? []) {
        if (alt.lang !== 'vi' || alt.broader || alt.quality >= QUALITY.literal) continue;
        const next = snapshot.get(`vi:${alt.tokens.map((t) => t.exact).join(' ')}`) ?? [];
        for (const further of next) {
          const chained = { ...further, quality: alt.quality * further.quality };
          // Two loose steps away is too far to mean the same thing (a broader term still tells
          // what kind of thing it is).
          if (chained.quality < MIN_CHAINED_QUALITY && !chained.broader) continue;
          const k = altKey(chained);
          const existing = entry.alternatives.get(k);
          if (!existing || existing.quality < chained.quality) entry.alternatives.set(k, chained);
        }
      }
    }
  }

  private add(pattern: Pattern, alternatives: readonly Alternative[]): void {
    const keyTokens =
      pattern.lang === 'vi' ? pattern.tokens.map((t) => t.exact) : stemsOf(pattern.tokens);
    const key = `${pattern.lang}:${keyTokens.join(' ')}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = {
        pattern,
        alternatives: new Map(),
        foreign: pattern.tokens.some(isForeignToVietnamese),
      };
      this.entries.set(key, entry);
      const firstKey =
        pattern.lang === 'vi' ? `vi:${pattern.tokens[0].folded}` : `en:${keyTokens[0]}`;
      const list = this.byFirst.get(firstKey) ?? [];
      list.push(entry);
      this.byFirst.set(firstKey, list);
    }
    for (const alt of alternatives) {
      const k = altKey(alt);
      const existing = entry.alternatives.get(k);
      if (!existing || existing.quality < alt.quality) entry.alternatives.set(k, alt);
    }
  }
}
