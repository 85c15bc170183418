/**
 * Writes src/text/data/syllable-frequencies.json: how often each Vietnamese syllable occurs in
 * the definitions and examples of a general dictionary (@vntk/dictionary, MIT), lower-case NFC,
 * most frequent first, counted twice or more. Only the counts are kept, no text of the source.
 * It tells which readings of unaccented letters people mostly mean ("gia": giá, gia, già...),
 * see text/syllable-frequency.ts. Run: pnpm --filter @gcm/domain syllable-frequencies
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOCUMENT_LIMITS, isVietnameseSyllable, tokenise } from '../src/text';

interface Sense {
  readonly definition?: string;
  readonly example?: string;
}

const source = require.resolve('@vntk/dictionary/data/dictionary.json');
const senses = Object.values(JSON.parse(readFileSync(source, 'utf8')) as Record<string, Sense[]>);
const counts = new Map<string, number>();
for (const sense of senses.flat()) {
  // Examples separate their phrases with "~".
  for (const text of [sense.definition ?? '', (sense.example ?? '').replaceAll('~', ' ')]) {
    for (const token of tokenise(text, DOCUMENT_LIMITS)) {
      if (!token.marked && !isVietnameseSyllable(token.folded)) continue;
      counts.set(token.text, (counts.get(token.text) ?? 0) + 1);
    }
  }
}
const kept = [...counts].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1]);
const out = join(import.meta.dirname, '../src/text/data/syllable-frequencies.json');
writeFileSync(out, `${JSON.stringify(Object.fromEntries(kept))}\n`);
console.log(`${kept.length} syllables written to ${out}`);
