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

  it('normalises to NFC', () => {
    expect(renderMarkdown('Hộ chiếu'.normalize('NFD'))).toBe('<p>Hộ chiếu</p>\n');
  });
});
