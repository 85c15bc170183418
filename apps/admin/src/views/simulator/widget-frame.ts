/** What the bot's widget keeps in the browser (apps/bot/src/channels/web/widget/chat-widget.js). */
const WIDGET_KEYS = ['gcm-chat-session', 'gcm-chat-active', 'gcm-chat-open'] as const;

/**
 * The page inside the simulator's frame: the bot's own widget script, opened at once. The frame
 * shares the console's origin (srcdoc), so the console's CSP allows the bot's address
 * (WEB_CHAT_URL) and the bot sees the console's origin (WEB_CHAT_ORIGINS must allow it).
 */
export function widgetPage(webChatUrl: string, title: string): string {
  const src = `${webChatUrl.replace(/\/$/, '')}/web/widget.js`;
  return [
    '<!doctype html>',
    `<html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>`,
    '<style>html,body{margin:0;height:100%;background:#f5f7fa;font-family:system-ui,sans-serif}</style>',
    `</head><body><script src="${escapeHtml(src)}" data-open="true"></script></body></html>`,
  ].join('');
}

/** Forgets the widget's session, so that the next frame starts a new conversation. */
export function forgetWidgetSession(storages: Storage[]): void {
  for (const storage of storages) {
    for (const key of WIDGET_KEYS) {
      try {
        storage.removeItem(key);
      } catch {
        // Storage refused (private mode): the widget then keeps nothing either.
      }
    }
  }
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
