import { describe, expect, it } from 'vitest';
import { markdownToPlain } from './markdown-to-plain';

describe('markdownToPlain', () => {
  it('drops emphasis, writes links as "title: url" and list items with a bullet', () => {
    const sut = markdownToPlain('⚠️ **Cảnh báo**\n\n- Đọc _kỹ_ [hợp đồng](https://a.vn/hop_dong)');
    expect(sut).toBe('⚠️ Cảnh báo\n\n• Đọc kỹ hợp đồng: https://a.vn/hop_dong');
  });
});
