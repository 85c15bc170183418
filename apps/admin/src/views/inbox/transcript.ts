import { renderMarkdown, type ConversationMessage } from '@gcm/domain';

/** What a transcript line shows: the person's text, or the bot's / staff's reply as text. */
export function messageText(message: ConversationMessage): string {
  if (message.text) return message.text;
  const reply = message.reply;
  if (!reply) return '';
  switch (reply.type) {
    case 'text':
      return reply.text;
    case 'link':
      return [reply.title, reply.url].filter(Boolean).join('\n');
    case 'document':
      return [reply.caption, reply.fileName, reply.url].filter(Boolean).join('\n');
  }
}

/** The last question the person asked and the last reply sent, to prefill a new FAQ. */
export function faqDraftOf(
  question: string,
  messages: readonly ConversationMessage[],
): { question: string; answer: string } {
  const lastOut = [...messages].reverse().find((m) => m.direction === 'out');
  return { question, answer: lastOut ? messageText(lastOut) : '' };
}

/**
 * The safe HTML of a Markdown reply (the domain's renderer: raw HTML shown as text, links https
 * only), as the web chat shows it; null for anything else, shown as plain text.
 */
export function messageHtml(message: ConversationMessage): string | null {
  const reply = message.reply;
  return reply?.type === 'text' && reply.format === 'markdown' ? renderMarkdown(reply.text) : null;
}
