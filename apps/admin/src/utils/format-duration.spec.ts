import { describe, expect, it } from 'vitest';
import { formatDuration, type DurationWords } from './format-duration';

const vietnamese: DurationWords = (unit, count) =>
  `${count} ${{ day: 'ngày', hour: 'giờ', minute: 'phút' }[unit]}`;
const sut = (seconds: number) => formatDuration(seconds, vietnamese, 'dưới 1 phút');

describe('formatDuration', () => {
  it('gives the two largest units of a waiting time', () => {
    expect(sut(3 * 3600 + 12 * 60 + 59)).toBe('3 giờ 12 phút');
    expect(sut(2 * 86400 + 4 * 3600 + 30 * 60)).toBe('2 ngày 4 giờ');
    expect(sut(15 * 60)).toBe('15 phút');
  });

  it('leaves out a zero second unit and says less than a minute', () => {
    expect(sut(3 * 3600)).toBe('3 giờ');
    expect(sut(86400 + 59 * 60)).toBe('1 ngày');
    expect(sut(59)).toBe('dưới 1 phút');
    expect(sut(-5)).toBe('dưới 1 phút');
  });
});
