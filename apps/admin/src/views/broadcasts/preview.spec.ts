import { describe, expect, it } from 'vitest';
import { broadcastText, telegramPreview, unitTree, zaloPreview } from './preview';

describe('broadcast preview', () => {
  it('writes a warning as the API does, bold title with a sign', () => {
    expect(broadcastText('warning', 'Lừa đảo', 'Cẩn thận')).toBe('⚠️ **Lừa đảo**\n\nCẩn thận');
  });

  it('shows Telegram formatting and Zalo plain text', () => {
    const text = broadcastText('article', 'Tin', 'Xem [trang](https://a.vn)');
    expect(telegramPreview(text)).toContain('<strong>Tin</strong>');
    expect(zaloPreview(text)).toBe('Tin\n\nXem trang: https://a.vn');
  });

  it('never lets raw HTML through to the Telegram preview', () => {
    expect(telegramPreview('<img src=x onerror=alert(1)>')).not.toContain('<img');
  });
});

describe('unitTree', () => {
  it('puts children under their parent and keeps orphans at the top', () => {
    const sut = unitTree([
      { id: 'w', name: 'Phường B', code: 'PB', parentId: 'c' },
      { id: 'c', name: 'Tỉnh A', code: 'TA', parentId: null },
      { id: 'o', name: 'Xã C', code: 'XC', parentId: 'gone' },
    ]);
    expect(sut.map((n) => n.value)).toEqual(['c', 'o']);
    expect(sut[0].children.map((n) => n.value)).toEqual(['w']);
  });
});
