import { describe, expect, it } from 'vitest';
import { markdownToPlain } from './markdown-to-plain';

describe('markdownToPlain', () => {
  it('drops emphasis, writes links as "title: url" and list items with a bullet', () => {
    const sut = markdownToPlain('⚠️ **Cảnh báo**\n\n- Đọc _kỹ_ [hợp đồng](https://a.vn/hop_dong)');
    expect(sut).toBe('⚠️ Cảnh báo\n\n• Đọc kỹ hợp đồng: https://a.vn/hop_dong');
  });

  it('writes a phone link as its number alone, which the chat app makes tappable', () => {
    expect(markdownToPlain('Công an · ☎ [0209 111](tel:0209111)')).toBe('Công an · ☎ 0209 111');
  });
});
