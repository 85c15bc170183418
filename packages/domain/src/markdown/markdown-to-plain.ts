/**
 * Markdown as plain text, for channels that show no formatting at all (Zalo): used by the bot's
 * Zalo adapter and by the console's broadcast preview, so that both show the same text.
 *
 * The small Markdown subset of TextReply (**bold**, _italic_, [links](url), lists, headings)
 * as plain text: emphasis marks dropped, links as "title: url", list items as "• item". A phone
 * link ([0209 111](tel:0209111)) is its number alone: the chat app makes a number tappable itself.
 * URLs are left untouched (an underscore in a URL is not emphasis).
 */
export function markdownToPlain(source: string): string {
  const lines = source
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) =>
      line
        .replace(/^ {0,3}#{1,6}\s+/, '')
        .replace(/^ {0,3}>\s?/, '')
        .replace(/^(\s*)[-*+]\s+/, '$1• '),
    );
  const linked = lines
    .join('\n')
    .replace(/\[([^\]\n]+)\]\(\s*<?([^)\s>]+)>?\s*\)/g, (_match, title: string, url: string) =>
      /^tel:/i.test(url) ? title.trim() : title.trim() === url ? url : `${title.trim()}: ${url}`,
    );
  return linked
    .split(/(https?:\/\/[^\s)]+)/)
    .map((part, index) => (index % 2 === 1 ? part : stripEmphasis(part)))
    .join('')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function stripEmphasis(text: string): string {
  return text
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)([^\n]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])/g, '$1$2')
    .replace(/(^|[^\w])_(?=\S)([^_\n]*?\S)_(?!\w)/g, '$1$2')
    .replace(/\\([\\`*_[\]()#+\-.!>])/g, '$1');
}
