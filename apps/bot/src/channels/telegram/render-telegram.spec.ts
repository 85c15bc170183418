import { describe, expect, it } from 'vitest';
import { parseTelegramHtml } from '../../../test/support/fake-telegram-server';
import {
  renderTelegramLink,
  renderTelegramText,
  toCallbackData,
  toInlineKeyboard,
  truncateText,
} from './render-telegram';

const markdown = (text: string, max?: number) => renderTelegramText(text, 'markdown', max);

describe('renderTelegramText', () => {
  it('escapes <, > and & in plain text', () => {
    expect(renderTelegramText('<script>alert("x")</script> & co')).toEqual([
      '&lt;script&gt;alert("x")&lt;/script&gt; &amp; co',
    ]);
  });

  it('leaves Markdown as it is in plain text', () => {
    expect(renderTelegramText('**not bold**')).toEqual(['**not bold**']);
  });

  it('renders bold, italic and links', () => {
    expect(
      markdown('**Hồ sơ** cần _bản sao_ xem [hướng dẫn](https://dichvucong.gov.vn/a?b=1&c=2)'),
    ).toEqual([
      '<b>Hồ sơ</b> cần <i>bản sao</i> xem <a href="https://dichvucong.gov.vn/a?b=1&amp;c=2">hướng dẫn</a>',
    ]);
  });

  it('shows a phone link as its number, which Telegram makes tappable (it links no tel: URL)', () => {
    expect(markdown('**Công an** · ☎ [0000 000 001](tel:0000000001)')).toEqual([
      '<b>Công an</b> · ☎ 0000 000 001',
    ]);
  });

  it('nests formatting inside a link and italic inside bold', () => {
    expect(
      markdown('[**Đường dây nóng** 111](https://example.vn) và **rất _quan trọng_**'),
    ).toEqual([
      '<a href="https://example.vn"><b>Đường dây nóng</b> 111</a> và <b>rất <i>quan trọng</i></b>',
    ]);
  });

  it('turns "- " list items into bullets and keeps line breaks', () => {
    expect(markdown('Cần mang:\n- CCCD\n- **Hộ chiếu**\n\nHết.')).toEqual([
      'Cần mang:\n• CCCD\n• <b>Hộ chiếu</b>\n\nHết.',
    ]);
  });

  it('escapes HTML inside Markdown and keeps anything else as text', () => {
    expect(markdown('# Tiêu đề <b>x</b> & `code` [a](javascript:alert(1)) *một*')).toEqual([
      '# Tiêu đề &lt;b&gt;x&lt;/b&gt; &amp; `code` [a](javascript:alert(1)) *một*',
    ]);
  });

  it('does not read underscores inside words or unclosed markers as formatting', () => {
    expect(markdown('file_name_v2.pdf, ** không, _mở')).toEqual([
      'file_name_v2.pdf, ** không, _mở',
    ]);
  });

  it('normalises to NFC', () => {
    const decomposed = 'Vie\u0302\u0323t Nam';
    expect(renderTelegramText(decomposed)).toEqual(['Việt Nam'.normalize('NFC')]);
  });

  it('returns nothing for an empty text', () => {
    expect(renderTelegramText('  \n ')).toEqual([]);
  });

  it('splits a long text at paragraph boundaries first', () => {
    const paragraph = 'Câu hỏi thường gặp về lao động ở nước ngoài. '.repeat(40).trim();
    const text = Array.from({ length: 5 }, () => paragraph).join('\n\n');

    const parts = renderTelegramText(text);

    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(4096);
      expect(part.endsWith('.')).toBe(true);
    }
    expect(parts.join('\n\n')).toBe(text);
  });

  it('splits a single long line at word boundaries', () => {
    const text = Array.from({ length: 3000 }, (_, i) => `từ${i}`).join(' ');

    const parts = renderTelegramText(text, 'plain', 1000);

    expect(parts.every((part) => part.length <= 1000)).toBe(true);
    expect(parts.join(' ')).toBe(text);
  });

  it('cuts a text without spaces hard, never inside a surrogate pair', () => {
    const parts = renderTelegramText('😀'.repeat(10), 'plain', 5);

    expect(parts).toEqual(['😀😀', '😀😀', '😀😀', '😀😀', '😀😀']);
  });

  it('counts visible characters, not markup, and never breaks a tag when splitting', () => {
    const line = `**${'đậm '.repeat(30).trim()}** và <thường> & _nghiêng_`;
    const text = Array.from({ length: 200 }, () => line).join('\n');

    const parts = markdown(text, 500);

    expect(parts.length).toBeGreaterThan(10);
    for (const part of parts) {
      const visible = parseTelegramHtml(part); // throws on broken tags or entities
      expect(visible.length).toBeLessThanOrEqual(500);
    }
  });

  it('keeps bold text bold on both sides of a split inside it', () => {
    const parts = markdown(`**${'a'.repeat(8)} ${'b'.repeat(8)}**`, 10);

    expect(parts).toEqual([`<b>${'a'.repeat(8)}</b>`, `<b>${'b'.repeat(8)}</b>`]);
  });
});

describe('renderTelegramLink', () => {
  it('links the title and adds the description', () => {
    expect(
      renderTelegramLink('Cảnh báo <lừa đảo>', 'https://vi.example/?a=1&b=2', 'Đọc & chia sẻ'),
    ).toEqual([
      '<a href="https://vi.example/?a=1&amp;b=2">Cảnh báo &lt;lừa đảo&gt;</a>\nĐọc &amp; chia sẻ',
    ]);
  });

  it('shows a URL that is not http(s) as text', () => {
    expect(renderTelegramLink('Gọi', 'tel:111')).toEqual(['Gọi\ntel:111']);
  });
});

describe('buttons', () => {
  it('become an inline keyboard, dropping empty rows', () => {
    expect(
      toInlineKeyboard([
        [
          { label: 'Có', action: 'yes' },
          { label: 'Không', action: 'no' },
        ],
        [],
      ]),
    ).toEqual([
      [
        { text: 'Có', callback_data: 'yes' },
        { text: 'Không', callback_data: 'no' },
      ],
    ]);
  });

  it('keep callback_data within 64 bytes without splitting a character', () => {
    const action = `faq:${'ư'.repeat(40)}`; // 4 + 80 bytes

    const data = toCallbackData(action);

    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(data).toBe(`faq:${'ư'.repeat(30)}`);
    expect(toCallbackData('menu:main')).toBe('menu:main');
  });
});

describe('truncateText', () => {
  it('cuts with an ellipsis', () => {
    expect(truncateText('abcdefgh', 5)).toBe('abcd…');
    expect(truncateText('abc', 5)).toBe('abc');
  });
});
