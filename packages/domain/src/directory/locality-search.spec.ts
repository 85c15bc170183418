import { describe, expect, it } from 'vitest';
import { localityKey, searchLocalities } from './locality-search';

const units = [
  { id: '1', name: 'UBND phường Đức Xuân' },
  { id: '2', name: 'UBND phường Sông Cầu' },
  { id: '3', name: 'UBND xã Dương Quang' },
  { id: '4', name: 'UBND phường Xuất Hóa' },
  { id: '5', name: 'Xã Đức Xuân Hạ' },
];

describe('localityKey', () => {
  it('drops diacritics, punctuation and the words naming the level', () => {
    expect(localityKey('UBND phường Đức Xuân')).toBe('duc xuan');
    expect(localityKey('P. Đức Xuân')).toBe('duc xuan');
    expect(localityKey('thi tran Cho Moi')).toBe('cho moi');
  });

  it('keeps a name that is only a level word', () => {
    expect(localityKey('Phường')).toBe('phuong');
  });
});

describe('searchLocalities', () => {
  it('finds a ward typed without diacritics, the very name before longer ones', () => {
    const sut = searchLocalities('duc xuan', units);
    expect(sut.matches.map((u) => u.id)).toEqual(['1']);
  });

  it('lists every ward whose name holds the words typed', () => {
    const sut = searchLocalities('xuân', units);
    expect(sut.matches.map((u) => u.id)).toEqual(['1', '5']);
  });

  it('finds nothing for part of a word rather than guessing', () => {
    expect(searchLocalities('xu', units).matches).toEqual([]);
    expect(searchLocalities('   ', units).matches).toEqual([]);
  });

  it('says when more matched than it shows', () => {
    const many = Array.from({ length: 7 }, (_, i) => ({ id: String(i), name: `Xã Tân ${i}` }));
    const sut = searchLocalities('tan', many, 5);
    expect(sut.matches).toHaveLength(5);
    expect(sut.more).toBe(true);
  });
});
