import { describe, expect, it } from 'vitest';
import { tokenise } from '../text';
import { bagCosine, bestOverlap, syllableBag } from './overlap';

const bag = (text: string) => syllableBag(tokenise(text));

describe('word overlap', () => {
  it('is 1 for the same words, typed with or without diacritics, in any order', () => {
    expect(bagCosine(bag('Làm hộ chiếu ở đâu?'), bag('ở đâu lam ho chieu'))).toBeCloseTo(1);
  });

  it('is 0 with no word in common, or with nothing typed', () => {
    expect(bagCosine(bag('giá vàng hôm nay'), bag('làm hộ chiếu ở đâu'))).toBe(0);
    expect(bagCosine(bag(''), bag('làm hộ chiếu ở đâu'))).toBe(0);
  });

  it('counts the words that say what is asked, so "ở đâu" sides with "ở đâu"', () => {
    const question = bag('làm hộ chiếu ở đâu');
    const where = bag('Làm hộ chiếu ở đâu, thủ tục thế nào?');
    const kept = bag('Chủ giữ hộ chiếu thì phải làm gì?');
    expect(bagCosine(question, where)).toBeGreaterThan(bagCosine(question, kept));
  });

  it('is the same both ways, and takes the closest of a FAQ’s phrasings', () => {
    const question = bag('mất hộ chiếu ở nước ngoài');
    const phrasings = [
      bag('Bị mất hộ chiếu khi đang ở nước ngoài thì làm sao?'),
      bag('mất passport'),
    ];
    expect(bagCosine(question, phrasings[0])).toBeCloseTo(bagCosine(phrasings[0], question));
    expect(bestOverlap(question, phrasings)).toBe(bagCosine(question, phrasings[0]));
    expect(bestOverlap(question, [])).toBe(0);
  });
});
