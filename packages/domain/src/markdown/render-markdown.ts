import MarkdownIt from 'markdown-it';

/**
 * Renders staff-written Markdown (FAQ answers, articles) to HTML that is safe to insert in a
 * page: raw HTML in the source is shown as text, never interpreted; links are limited to
 * http(s), mailto and tel (markdown-it refuses javascript:, vbscript:, file: and data: URLs
 * except images) and open in a new tab without an opener.
 */
const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });

const SAFE_LINK = /^(https?:|mailto:|tel:)/i;
const defaultValidate = md.validateLink.bind(md);
md.validateLink = (url) =>
  defaultValidate(url) && (SAFE_LINK.test(url.trim()) || !/^[a-z][a-z0-9+.-]*:/i.test(url.trim()));

const renderLinkOpen =
  md.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx].attrSet('target', '_blank');
  tokens[idx].attrSet('rel', 'noopener noreferrer nofollow');
  return renderLinkOpen(tokens, idx, options, env, self);
};

export function renderMarkdown(source: string): string {
  return md.render(source.normalize('NFC'));
}
