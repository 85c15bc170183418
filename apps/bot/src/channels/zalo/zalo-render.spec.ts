import { describe, expect, it } from 'vitest';
import type { TextReply } from '@gcm/domain';
import { actionFromText, markdownToPlain, renderText, splitText } from './zalo-render';

const reply = (text: string, extra: Partial<TextReply> = {}): TextReply => ({
  type: 'text',
  text,
  ...extra,
});

describe('markdownToPlain', () => {
  it('drops emphasis and writes links as "title: url"', () => {
    expect(
      markdownToPlain('**Quan trọng:** đọc _kỹ_ [hợp đồng mẫu](https://a.vn/hop_dong_mau).'),
    ).toBe('Quan trọng: đọc kỹ hợp đồng mẫu: https://a.vn/hop_dong_mau.');
  });

  it('turns list items into bullets and headings into lines', () => {
    expect(markdownToPlain('## Cần chuẩn bị\n- Hộ chiếu\n* Hợp đồng\n1. Khám sức khỏe')).toBe(
      'Cần chuẩn bị\n• Hộ chiếu\n• Hợp đồng\n1. Khám sức khỏe',
    );
  });

  it('leaves underscores in URLs and words alone', () => {
    expect(markdownToPlain('Xem https://a.vn/x_y_z và snake_case_word')).toBe(
      'Xem https://a.vn/x_y_z và snake_case_word',
    );
  });

  it('writes a link whose title is its URL once', () => {
    expect(markdownToPlain('[https://a.vn](https://a.vn)')).toBe('https://a.vn');
  });
});

describe('splitText', () => {
  it('keeps short text whole', () => {
    expect(splitText('ngắn')).toEqual(['ngắn']);
  });

  it('cuts at paragraph breaks, then spaces, within the limit', () => {
    const sut = splitText(`${'a '.repeat(40)}\n\n${'b '.repeat(40)}`, 100);

    expect(sut).toEqual(['a '.repeat(40).trim(), 'b '.repeat(40).trim()]);
    expect(splitText('x'.repeat(250), 100).map((p) => p.length)).toEqual([100, 100, 50]);
  });

  it('never cuts a surrogate pair', () => {
    const sut = splitText(`${'x'.repeat(99)}😀${'y'.repeat(10)}`, 100);

    expect(sut[0]).toBe('x'.repeat(99));
    expect(sut[1].startsWith('😀')).toBe(true);
  });
});

describe('renderText', () => {
  it('puts at most five buttons under a message and the rest under a follow-up', () => {
    const buttons = Array.from({ length: 7 }, (_, i) => [
      { label: `Mục ${i + 1}`, action: `item.${i + 1}` },
    ]);

    const sut = renderText(reply('Chọn một mục', { buttons }));

    expect(sut).toHaveLength(2);
    expect(sut[0].text).toBe('Chọn một mục');
    expect(sut[0].buttons).toHaveLength(5);
    expect(sut[1].buttons?.map((b) => b.kind === 'query' && b.payload)).toEqual([
      '#gcm:item.6',
      '#gcm:item.7',
    ]);
  });

  it('shortens button titles to 100 characters', () => {
    const sut = renderText(reply('x', { buttons: [[{ label: 'Đ'.repeat(150), action: 'a' }]] }));

    expect(sut[0].buttons?.[0].title).toHaveLength(100);
  });
});

describe('actionFromText', () => {
  it('recognises our button payloads only', () => {
    expect(actionFromText('#gcm:menu')).toBe('menu');
    expect(actionFromText('#menu')).toBeUndefined();
    expect(actionFromText('gcm:menu')).toBeUndefined();
  });
});
