import { describe, expect, it } from 'vitest';
import { STARTER_GLOSSARY, STARTER_SYNONYMS } from '.';

describe('starter dictionaries', () => {
  it('have one synonym entry per term, as the API stores them (unique, case-insensitive)', () => {
    const terms = STARTER_SYNONYMS.map((entry) => entry.term.toLowerCase());
    expect(terms.filter((term, i) => terms.indexOf(term) !== i)).toEqual([]);
  });

  it('have no empty entries', () => {
    for (const entry of STARTER_SYNONYMS) {
      expect(entry.term.trim()).not.toBe('');
      expect(entry.expansions.length + (entry.broader?.length ?? 0)).toBeGreaterThan(0);
    }
    for (const entry of STARTER_GLOSSARY) {
      expect(entry.en.length).toBeGreaterThan(0);
      expect(entry.vi.length).toBeGreaterThan(0);
    }
  });
});
