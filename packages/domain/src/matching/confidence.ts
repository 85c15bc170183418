/**
 * From assessed candidates to a decision: answered, ambiguous or no_answer.
 *
 * Two shares of IDF-weighted informative mass are known per FAQ:
 * - query coverage: how much of the question the FAQ explains (question, alternates, answer);
 * - phrasing coverage: how much of the FAQ's own best phrasing (question, an alternate or the
 *   topic) the question accounts for.
 * Confidence = √(query coverage × phrasing coverage), so both directions must hold: a FAQ that
 * shares only a generic part with the question ("bị mất căn cước" vs "bị mất hộ chiếu": the FAQ's
 * "hộ chiếu" is unexplained) stays low. The FAQ explaining most of the question is the best
 * candidate, and it is given as the answer when its confidence reaches the threshold. Being shares,
 * these numbers do not grow with the number of FAQs or the length of the question, so one
 * threshold holds as the FAQ base grows.
 */
import type { ScoredCandidate } from './scoring';
import type { MatchResult, ScoredFaq } from './types';

export interface Decision {
  readonly threshold: number;
  readonly ambiguityMargin: number;
  readonly maxSuggestions: number;
}

export const DEFAULT_DECISION: Decision = {
  threshold: 0.3,
  ambiguityMargin: 0.05,
  maxSuggestions: 3,
};

export interface Assessed extends ScoredCandidate {
  /** Share of the FAQ's best phrasing accounted for by the question, in [0, 1]. */
  readonly phrasingCoverage: number;
}

function confidenceOf(candidate: Assessed): number {
  return Math.sqrt(candidate.coverage * candidate.phrasingCoverage);
}

export function decide(
  candidates: readonly Assessed[],
  decision: Decision,
): Omit<MatchResult, 'locale'> {
  const ranked = candidates
    .map((c) => ({ ...c, confidence: round(confidenceOf(c)) }))
    .sort((a, b) =>
      process.env.RANK === 'conf'
        ? b.confidence - a.confidence || b.coverage - a.coverage || a.id.localeCompare(b.id)
        : b.coverage - a.coverage || b.score - a.score || a.id.localeCompare(b.id),
    );
  const [first, second] = ranked;
  if (!first || first.confidence < decision.threshold) {
    return { status: 'no_answer', confidence: first?.confidence ?? 0, suggestions: [] };
  }
  const toFaq = ({ id, confidence }: { id: string; confidence: number }): ScoredFaq => ({
    id,
    confidence,
  });
  const suggestions = [first, ...ranked.slice(1).filter((c) => c.confidence >= decision.threshold)]
    .slice(0, decision.maxSuggestions)
    .map(toFaq);
  // The runner-up is as good an answer when its confidence is about as high, or higher.
  const close =
    second !== undefined &&
    second.confidence >= decision.threshold &&
    second.confidence > first.confidence - decision.ambiguityMargin;
  return {
    status: close ? 'ambiguous' : 'answered',
    best: toFaq(first),
    confidence: first.confidence,
    suggestions,
  };
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
