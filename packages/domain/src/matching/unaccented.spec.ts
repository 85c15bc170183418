import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateSet, STARTER_GLOSSARY, STARTER_SYNONYMS, unaccentedSplit, type QaSet } from '.';
import type { FaqEntry } from './types';

const dictionaries = { synonyms: STARTER_SYNONYMS, glossary: STARTER_GLOSSARY };

/**
 * People type without diacritics as often as with them. On the tuning set (qa-tune), the
 * questions typed with diacritics are asked again without: the bot must not tell many more of
 * them that this channel does not answer such questions.
 */
describe('questions typed without diacritics', () => {
  const dir = join(__dirname, '../../test/fixtures/qa-tune');
  const read = (file: string): unknown => JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const set: QaSet = {
    faqs: (read('faqs.json') as FaqEntry[]).map((f) => ({ ...f, id: String(f.id) })),
    questions: read('questions.json') as QaSet['questions'],
  };
  const { accented, unaccented } = unaccentedSplit(set);

  it('are seen as inside the field about as often as the same questions typed with them', () => {
    const typed = evaluateSet(accented, dictionaries);
    const folded = evaluateSet(unaccented, dictionaries);
    expect(folded.inScope.total).toBe(typed.inScope.total);
    expect(folded.inScope.total).toBeGreaterThan(200);
    // At most 2 points more of them seen as outside the field (the inbox never hears of them).
    // Half credit for every syllable typed without diacritics saw 12 of 280 so, against 2 typed
    // with diacritics; reading letters as the words they mostly are, 5.
    const outside = (r: typeof typed): number => r.inScopeOutsideField / r.inScope.total;
    expect(outside(folded) - outside(typed)).toBeLessThanOrEqual(0.02);
    // ...and the field's own questions answered or offered almost as often.
    const found = (r: typeof typed): number => r.inScope.right + r.inScope.choicesRight;
    expect(found(folded)).toBeGreaterThanOrEqual(0.95 * found(typed));
  });
});
