import MarkdownIt from 'markdown-it';
import { withoutMoreMarker } from '../dialog/answer-split';

/**
 * Renders staff-written Markdown (FAQ answers, articles) to HTML that is safe to insert in a
 * page: raw HTML in the source is shown as text, never interpreted; links go only to https,
 * mailto and tel addresses (not http, protocol-relative `//host` or relative ones, which would
 * point wherever the page is shown) and open in a new tab without an opener. Images are not
 * shown, so that no outside address learns who read an answer: an image becomes a link to it.
 */
const SAFE_LINK = /^(https:\/\/|mailto:|tel:)/i;
const NEW_TAB = { target: '_blank', rel: 'noopener noreferrer nofollow' };

/**
 * The configured renderer, made on first use: a bundle that never renders Markdown (the
 * console's sign-in page) leaves markdown-it out.
 */
function createRenderer(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });
  md.validateLink = (url) => SAFE_LINK.test(url);

  // A bare www.example.vn becomes an https link rather than an http one, which would be refused.
  const normaliseLinkify = md.linkify.normalize.bind(md.linkify);
  md.linkify.normalize = (match) => {
    if (!match.schema) match.url = `https://${match.url}`;
    else normaliseLinkify(match);
  };

  const renderLinkOpen =
    md.renderer.rules.link_open ??
    ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    for (const [name, value] of Object.entries(NEW_TAB)) tokens[idx].attrSet(name, value);
    return renderLinkOpen(tokens, idx, options, env, self);
  };

  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const escape = md.utils.escapeHtml;
    const src = tokens[idx].attrGet('src') ?? '';
    const text = escape(self.renderInlineAsText(tokens[idx].children ?? [], options, env) || src);
    if (insideLink(tokens, idx)) return text;
    const attrs = Object.entries({ href: src, ...NEW_TAB })
      .map(([name, value]) => ` ${name}="${escape(value)}"`)
      .join('');
    return `<a${attrs}>${text}</a>`;
  };
  return md;
}

let renderer: MarkdownIt | undefined;

/** A token of the parsed Markdown (named this way so that both CJS and ESM typings agree). */
type Token = ReturnType<MarkdownIt['parse']>[number];

function insideLink(tokens: Token[], idx: number): boolean {
  let depth = 0;
  for (const token of tokens.slice(0, idx))
    depth += token.type === 'link_open' ? 1 : token.type === 'link_close' ? -1 : 0;
  return depth > 0;
}

export function renderMarkdown(source: string): string {
  renderer ??= createRenderer();
  // A FAQ answer's "Xem thêm" cut (`<!-- more -->`) is ours, not HTML to show as text.
  return renderer.render(withoutMoreMarker(source.normalize('NFC')));
}
