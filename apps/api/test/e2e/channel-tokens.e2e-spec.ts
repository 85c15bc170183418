import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_TOKEN, botRequest } from '../support/bot-factories';
import { signedInAs, startTestApp, TestAgent, TestApp } from '../support/test-app';

/** A pair as a Zalo renewal gives it: new access token, new refresh token, a known expiry. */
function renewed(n: number, expectedRevision: number) {
  return {
    accessToken: `zalo-access-${n}`,
    refreshToken: `zalo-refresh-${n}`,
    accessExpiresAt: new Date(Date.UTC(2026, 0, 1, n)).toISOString(),
    expectedRevision,
  };
}

describe('channel tokens for the bot instances', () => {
  let t: TestApp;
  let admin: TestAgent;
  let bot: ReturnType<typeof botRequest>;

  beforeAll(async () => {
    t = await startTestApp({ BOT_SERVICE_TOKEN: BOT_TOKEN });
    admin = (await signedInAs(t, 'admin')).agent;
    bot = botRequest(t.url);
  });
  afterAll(() => t.close());

  it('refuses a missing or wrong service token, and a staff session', async () => {
    const path = '/api/v1/bot/channels/zalo/tokens';
    const missing = await request(t.url).get(path).expect(401);
    expect(missing.body.code).toBe('unauthenticated');
    await request(t.url)
      .put(path)
      .set('Authorization', 'Bearer wrong-token-wrong-token-wrong-token!')
      .send(renewed(1, 0))
      .expect(401);
    await admin.get(path).expect(401);
    await admin.put(path).send(renewed(1, 0)).expect(401);
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM channel_tokens`))[0].n).toBe(
      0,
    );
  });

  it('answers 404 while nothing is stored', async () => {
    const res = await bot.tokens('zalo').expect(404);
    expect(res.body).toEqual({ code: 'channel_tokens_not_found', message: expect.any(String) });
  });

  it('stores the first pair at revision 1 and each renewal at the next one', async () => {
    const first = await bot.saveTokens('zalo', renewed(1, 0)).expect(200);
    expect(first.body).toEqual({
      channel: 'zalo',
      accessToken: 'zalo-access-1',
      refreshToken: 'zalo-refresh-1',
      accessExpiresAt: renewed(1, 0).accessExpiresAt,
      revision: 1,
      updatedAt: expect.any(String),
    });

    await bot.saveTokens('zalo', renewed(2, 1)).expect(200);

    const stored = await bot.tokens('zalo').expect(200);
    expect(stored.headers['cache-control'], 'secrets are never cached').toBe('no-store');
    expect(stored.body).toMatchObject({
      accessToken: 'zalo-access-2',
      refreshToken: 'zalo-refresh-2',
      accessExpiresAt: renewed(2, 0).accessExpiresAt,
      revision: 2,
    });
  });

  it('refuses a save based on an older pair with 409, and keeps the newer one', async () => {
    const { revision } = (await bot.tokens('zalo').expect(200)).body;

    const stale = await bot.saveTokens('zalo', renewed(90, revision - 1)).expect(409);
    const again = await bot.saveTokens('zalo', renewed(91, 0)).expect(409);

    expect(stale.body.code).toBe('channel_tokens_stale');
    expect(stale.body.message).toContain(`revision ${revision}`);
    expect(again.body.code).toBe('channel_tokens_stale');
    expect((await bot.tokens('zalo').expect(200)).body).toMatchObject({
      accessToken: 'zalo-access-2',
      revision,
    });
  });

  it('lets exactly one of two saves from the same revision win', async () => {
    const { revision } = (await bot.tokens('zalo').expect(200)).body;

    const answers = await Promise.all([
      bot.saveTokens('zalo', renewed(3, revision)),
      bot.saveTokens('zalo', renewed(4, revision)),
    ]);

    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const winner = answers.find((a) => a.status === 200)!.body;
    expect((await bot.tokens('zalo').expect(200)).body).toEqual(winner);
    expect(winner.revision).toBe(revision + 1);
  });

  it('keeps each channel to itself, and knows only the platforms', async () => {
    await bot.tokens('telegram').expect(404);
    const unknown = await bot.tokens('viber').expect(400);
    expect(unknown.body.code).toBe('validation_failed');
  });

  it('refuses a body that is not a pair of tokens', async () => {
    const res = await bot
      .saveTokens('zalo', { accessToken: '', expectedRevision: -1, accessExpiresAt: 'tomorrow' })
      .expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'accessExpiresAt',
      'accessToken',
      'expectedRevision',
    ]);
    await bot.saveTokens('zalo', { ...renewed(5, 1), secretKey: 'x' }).expect(400);
  });

  it('audits each renewal without the tokens themselves', async () => {
    const log = await admin
      .get('/api/v1/audit')
      .query({ entityType: 'channel_tokens', entityId: 'zalo' })
      .expect(200);
    const { revision } = (await bot.tokens('zalo').expect(200)).body;

    expect(log.body.items).toHaveLength(revision);
    expect(log.body.items[0]).toMatchObject({
      action: 'channel_tokens.renew',
      actorId: null,
      after: { revision },
    });
    expect(JSON.stringify(log.body)).not.toMatch(/zalo-access|zalo-refresh/);
  });
});
