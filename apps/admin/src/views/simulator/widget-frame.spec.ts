import { describe, expect, it } from 'vitest';
import { forgetWidgetSession, widgetPage } from './widget-frame';

describe('widgetPage', () => {
  it('loads the bot widget from the web chat address, opened', () => {
    const sut = widgetPage('http://localhost:3001/', 'Thử bot');
    expect(sut).toContain('<script src="http://localhost:3001/web/widget.js" data-open="true">');
  });

  it('escapes what it writes into the page', () => {
    expect(widgetPage('http://a"b', '<x>')).not.toMatch(/<x>|a"b/);
  });
});

describe('forgetWidgetSession', () => {
  it('removes the widget keys and nothing else', () => {
    const data = new Map([
      ['gcm-chat-session', 'id'],
      ['gcm-chat-active', '1'],
      ['gcm-locale', 'vi-VN'],
    ]);
    const storage = { removeItem: (key: string) => data.delete(key) } as unknown as Storage;
    forgetWidgetSession([storage]);
    expect([...data.keys()]).toEqual(['gcm-locale']);
  });
});
