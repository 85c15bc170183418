import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render-markdown';

describe('renderMarkdown', () => {
  it('renders the Markdown staff write', () => {
    const html = renderMarkdown('**Lưu ý:**\n- Giữ hộ chiếu\n- Đọc kỹ hợp đồng');
    expect(html).toContain('<strong>Lưu ý:</strong>');
    expect(html).toContain('<li>Giữ hộ chiếu</li>');
  });

  it('shows raw HTML as text instead of running it', () => {
    const html = renderMarkdown('<script>alert(1)</script><img src=x onerror=alert(2)>');
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&lt;script&gt;');
  });

  it('drops dangerous links and opens safe ones in a new tab without an opener', () => {
    expect(renderMarkdown('[bấm](javascript:alert(1))')).not.toContain('href');
    expect(renderMarkdown('[x](data:text/html;base64,PHNjcmlwdD4=)')).not.toContain('href');
    expect(renderMarkdown('[Cổng dịch vụ công](https://dichvucong.gov.vn)')).toContain(
      '<a href="https://dichvucong.gov.vn" target="_blank" rel="noopener noreferrer nofollow">',
    );
  });

  it('links only to https, mailto and tel addresses', () => {
    for (const source of [
      '[trang](//evil.example/login)',
      '[trang](http://plain.example)',
      '[trang](/relative/path)',
      '[trang](#anchor)',
      '<//evil.example>',
      'http://plain.example',
    ])
      expect(renderMarkdown(source), source).not.toContain('href');
    expect(renderMarkdown('[Gọi 113](tel:113)')).toContain('href="tel:113"');
    expect(renderMarkdown('Thư: hotro@gcm.gov.vn')).toContain('href="mailto:hotro@gcm.gov.vn"');
    expect(renderMarkdown('Xem www.dichvucong.gov.vn')).toContain(
      'href="https://www.dichvucong.gov.vn"',
    );
  });

  it('shows no image, only a link to it, so no address learns who read the answer', () => {
    const html = renderMarkdown('Xem ![sơ đồ](https://tracker.example/p.gif "Sơ đồ")');
    expect(html).not.toContain('<img');
    expect(html).toBe(
      '<p>Xem <a href="https://tracker.example/p.gif" target="_blank" rel="noopener noreferrer nofollow">sơ đồ</a></p>\n',
    );
    expect(renderMarkdown('![](https://tracker.example/p.gif)')).toContain(
      '>https://tracker.example/p.gif</a>',
    );
    for (const source of [
      '![x](http://tracker.example/p.gif)',
      '![x](//tracker.example/p.gif)',
      '![x](data:image/png;base64,iVBORw0KGgo=)',
    ])
      expect(renderMarkdown(source), source).not.toMatch(/<img|href/);
    // An image inside a link is its text: no link inside a link.
    expect(renderMarkdown('[![logo](https://a.example/l.png)](https://b.example)')).toBe(
      '<p><a href="https://b.example" target="_blank" rel="noopener noreferrer nofollow">logo</a></p>\n',
    );
  });

  it('normalises to NFC', () => {
    expect(renderMarkdown('Hộ chiếu'.normalize('NFD'))).toBe('<p>Hộ chiếu</p>\n');
  });

  it('drops a FAQ answer\'s "Xem thêm" marker line, but shows any other HTML comment as text', () => {
    expect(renderMarkdown('Ngắn gọn.\n<!-- more -->\nChi tiết.')).toBe(
      '<p>Ngắn gọn.</p>\n<p>Chi tiết.</p>\n',
    );
    expect(renderMarkdown('<!-- ghi chú -->')).toContain('&lt;!-- ghi chú --&gt;');
  });
});
