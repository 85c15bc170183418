import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs, startTestApp, TestApp } from '../support/test-app';

describe('the console bot simulator settings', () => {
  const WEB_CHAT_URL = 'http://127.0.0.1:3901';
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ WEB_CHAT_URL: `${WEB_CHAT_URL}/` });
  });
  afterAll(() => t.close());

  it('tells inbox workers where the web chat is, and lets the console load it', async () => {
    const coordinator = (await signedInAs(t, 'coordinator')).agent;
    const res = await coordinator.get('/api/v1/assistant/simulator').expect(200);
    expect(res.body).toEqual({ webChatUrl: WEB_CHAT_URL });
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toMatch(new RegExp(`script-src 'self' ${WEB_CHAT_URL};`));
    expect(csp).toMatch(new RegExp(`connect-src [^;]*${WEB_CHAT_URL}`));
  });

  it('is not for leaders, who only read', async () => {
    const { agent } = await signedInAs(t, 'viewer');
    await agent.get('/api/v1/assistant/simulator').expect(403);
  });
});
