import { describe, expect, it } from 'vitest';
import { teencodeRespellings, TypoIndex, withinOneEdit } from './typo';

describe('withinOneEdit', () => {
  it.each([
    ['thuen', 'thuyen'],
    ['thuyen', 'thuen'],
    ['ngaoi', 'ngoai'],
    ['chieu', 'chiey'],
    ['hon', 'hon'],
  ])('%s ~ %s', (a, b) => {
    expect(withinOneEdit(a, b)).toBe(true);
  });

  it.each([
    ['thuyen', 'thu'],
    ['chu', 'tru2'],
    ['abcd', 'badc'],
  ])('%s is not one edit from %s', (a, b) => {
    expect(withinOneEdit(a, b)).toBe(false);
  });
});

describe('TypoIndex', () => {
  it('finds vocabulary words one edit away, and forgets deleted ones', () => {
    const index = new TypoIndex();
    for (const word of ['thuyen', 'vien', 'nguoi']) index.add(word);
    expect(index.candidates('thuen')).toEqual(['thuyen']);
    expect(index.candidates('nguoii')).toEqual(['nguoi']);
    expect(index.candidates('thuyen')).toEqual([]);
    index.delete('thuyen');
    expect(index.candidates('thuen')).toEqual([]);
  });

  it('does not correct short tokens', () => {
    const index = new TypoIndex();
    index.add('ban');
    expect(index.candidates('bn')).toEqual([]);
  });
});

describe('teencodeRespellings', () => {
  it('undoes phone letter swaps at the start of a syllable', () => {
    expect(teencodeRespellings('fai')).toContain('phai');
    expect(teencodeRespellings('wa')).toContain('qua');
    expect(teencodeRespellings('jo')).toContain('gio');
    expect(teencodeRespellings('zay')).toContain('vay');
  });
});
