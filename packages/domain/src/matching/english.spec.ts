import { describe, expect, it } from 'vitest';
import { tokenise } from '../text';
import { looksEnglish } from './english';

const english = (text: string) => looksEnglish(tokenise(text), (folded) => folded === 'xkld');

describe('looksEnglish', () => {
  it.each([
    'my employer took my passport',
    'What are the signs of human trafficking?',
    'sent by my employer',
    'how much does it cost to work in japan',
  ])('reads "%s" as English', (text) => {
    expect(english(text)).toBe(true);
  });

  // "my" and "by" fold like "mỹ" and "bị": typed without diacritics they are Vietnamese too.
  it.each([
    'visa my',
    'visa my bao lau',
    'di my lam viec',
    'bi lua',
    'xkld han quoc',
    'visa passport',
  ])('reads "%s" as Vietnamese', (text) => {
    expect(english(text)).toBe(false);
  });
});
