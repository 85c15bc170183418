import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINK_CODE_ALPHABET } from '@gcm/domain';
import { ManualClock } from '../../src/common/clock/clock';
import {
  LINK_CODE_FAILURES_GLOBAL,
  LINK_CODE_FAILURES_PER_CHAT,
  LinkCodesService,
} from '../../src/modules/linked-accounts/link-codes.service';
import { LinkedAccountsService } from '../../src/modules/linked-accounts/linked-accounts.service';
import { createUnit, signedInAs, startTestApp, TestAgent, TestApp } from '../support/test-app';

const HOUR = 3600_000;

/** Link codes through HTTP (staff) and the service the bot's /lienket dialog calls. */
describe('link codes and linked chat accounts', () => {
  const clock = new ManualClock(new Date('2026-05-04T02:00:00Z'));
  let t: TestApp;
  let links: LinkCodesService;
  let accounts: LinkedAccountsService;
  const as: Record<string, TestAgent> = {};
  const user: Record<string, string> = {};
  let ward: { id: string; name: string };
  let police: { id: string };

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    links = t.app.get(LinkCodesService);
    accounts = t.app.get(LinkedAccountsService);
    ward = await createUnit(t, { kind: 'commune', name: 'UBND phường Đức Xuân' });
    police = await createUnit(t, { kind: 'police' });
    for (const role of ['admin', 'coordinator', 'viewer'] as const)
      as[role] = (await signedInAs(t, role)).agent;
    for (const [name, unitId] of [
      ['officer', ward.id],
      ['officer2', ward.id],
      ['policeOfficer', police.id],
    ] as const) {
      const signed = await signedInAs(t, 'unit_reporter', { unitId });
      as[name] = signed.agent;
      user[name] = signed.userId;
    }
  });
  afterAll(() => t?.close());

  const issue = (agent: TestAgent, userId: string, unitId = ward.id) =>
    agent.post(`/api/v1/units/${unitId}/link-codes`).send({ userId });
  const redeem = (chatId: string, text: string, channel: 'telegram' | 'zalo' = 'telegram') =>
    links.redeem({ channel, chatId, text, displayName: 'Anh Nam' });

  it('staff issue a short one-time code for a member of the unit', async () => {
    const issued = await issue(as.coordinator, user.officer).expect(201);
    expect(issued.body).toEqual({
      id: expect.any(String),
      code: expect.stringMatching(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/),
      expiresAt: new Date(clock.now().getTime() + 72 * HOUR).toISOString(),
    });
    for (const symbol of issued.body.code.replace('-', ''))
      expect(LINK_CODE_ALPHABET).toContain(symbol);
    const notMember = await issue(as.admin, user.policeOfficer).expect(400);
    expect(notMember.body.details[0].field).toBe('userId');
    await issue(as.viewer, user.officer).expect(403);
    await issue(as.officer, user.officer).expect(403);
    const listed = await as.admin.get(`/api/v1/units/${ward.id}/link-codes`).expect(200);
    expect(listed.body[0]).toMatchObject({ status: 'active', user: { id: user.officer } });
    expect(JSON.stringify(listed.body)).not.toContain(issued.body.code);
  });

  it('lists the members a code may be issued to: the unit’s active users, for the roles that issue codes', async () => {
    const members = await as.coordinator.get(`/api/v1/units/${ward.id}/members`).expect(200);
    expect(members.body.map((m: { id: string }) => m.id).sort()).toEqual(
      [user.officer, user.officer2].sort(),
    );
    expect(members.body[0]).toEqual({
      id: expect.any(String),
      fullName: expect.any(String),
      email: expect.stringContaining('@'),
      role: 'unit_reporter',
    });
    // A deactivated user is no longer offered.
    const leaving = await signedInAs(t, 'unit_reporter', { unitId: ward.id });
    await as.admin.delete(`/api/v1/users/${leaving.userId}`).expect(204);
    const after = await as.admin.get(`/api/v1/units/${ward.id}/members`).expect(200);
    expect(after.body.map((m: { id: string }) => m.id)).not.toContain(leaving.userId);
    await as.viewer.get(`/api/v1/units/${ward.id}/members`).expect(403);
    await as.officer.get(`/api/v1/units/${ward.id}/members`).expect(403);
    const missing = await as.admin
      .get('/api/v1/units/00000000-0000-4000-8000-000000000000/members')
      .expect(404);
    expect(missing.body.code).toBe('unit_not_found');
  });

  it('links the chat once; the person sees their name and unit and can undo it', async () => {
    const { code } = (await issue(as.admin, user.officer).expect(201)).body;
    const typed = code.toLowerCase().replace('-', ' ');
    const linked = await redeem('tg-1', typed);
    expect(linked).toMatchObject({
      ok: true,
      replaced: null,
      account: {
        channel: 'telegram',
        chatId: 'tg-1',
        displayName: 'Anh Nam',
        unit: { id: ward.id, name: 'UBND phường Đức Xuân' },
        user: { id: user.officer, fullName: expect.any(String) },
        active: true,
      },
    });
    expect(await accounts.findByChat('telegram', 'tg-1')).toMatchObject({
      user: { id: user.officer },
    });

    const twice = await redeem('tg-2', code);
    expect(twice).toMatchObject({ ok: false, code: 'link_code_used' });
    expect(twice.ok || twice.message).toMatch(/đã được sử dụng/);

    const again = await redeem(
      'tg-1',
      (await issue(as.admin, user.officer2).expect(201)).body.code,
    );
    expect(again).toMatchObject({ ok: false, code: 'chat_account_already_linked' });

    const listed = await as.coordinator.get(`/api/v1/units/${ward.id}/linked-accounts`).expect(200);
    expect(listed.body).toEqual([
      expect.objectContaining({
        channel: 'telegram',
        chatId: 'tg-1',
        user: expect.objectContaining({ id: user.officer }),
      }),
    ]);
    expect(await accounts.unlinkChat('telegram', 'tg-1')).toMatchObject({ id: listed.body[0].id });
    expect(await accounts.findByChat('telegram', 'tg-1')).toBeNull();
    expect(await accounts.unlinkChat('telegram', 'tg-1')).toBeNull();
  });

  it('one account per user and channel: a new link replaces the old one; staff can unlink', async () => {
    const first = (await issue(as.admin, user.officer2).expect(201)).body.code;
    expect((await redeem('tg-10', first)).ok).toBe(true);
    const second = (await issue(as.admin, user.officer2).expect(201)).body.code;
    expect(await redeem('tg-11', second)).toMatchObject({
      ok: true,
      replaced: { chatId: 'tg-10' },
    });
    const onZalo = (await issue(as.admin, user.officer2).expect(201)).body.code;
    expect((await redeem('zl-11', onZalo, 'zalo')).ok).toBe(true);
    const listed = (await as.admin.get(`/api/v1/units/${ward.id}/linked-accounts`).expect(200))
      .body;
    expect(listed.map((a: { chatId: string }) => a.chatId).sort()).toEqual(['tg-11', 'zl-11']);
    await as.viewer.delete(`/api/v1/units/${ward.id}/linked-accounts/${listed[0].id}`).expect(403);
    await as.admin.delete(`/api/v1/units/${police.id}/linked-accounts/${listed[0].id}`).expect(404);
    await as.admin.delete(`/api/v1/units/${ward.id}/linked-accounts/${listed[0].id}`).expect(204);
    const audit = await as.admin
      .get('/api/v1/audit')
      .query({ entityType: 'linked_account' })
      .expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['linked_account.link', 'linked_account.unlink']),
    );
  });

  it('expires after 72 hours (a driven clock) and can be revoked', async () => {
    const expiring = (await issue(as.admin, user.officer).expect(201)).body.code;
    clock.advance(72 * HOUR + 1000);
    expect(await redeem('tg-20', expiring)).toMatchObject({ ok: false, code: 'link_code_expired' });

    const revoked = (await issue(as.admin, user.officer).expect(201)).body;
    await as.coordinator.delete(`/api/v1/units/${ward.id}/link-codes/${revoked.id}`).expect(204);
    await as.coordinator.delete(`/api/v1/units/${ward.id}/link-codes/${revoked.id}`).expect(204);
    await as.coordinator.delete(`/api/v1/units/${police.id}/link-codes/${revoked.id}`).expect(404);
    expect(await redeem('tg-21', revoked.code)).toMatchObject({
      ok: false,
      code: 'link_code_revoked',
    });
    const statuses = (
      await as.admin.get(`/api/v1/units/${ward.id}/link-codes`).expect(200)
    ).body.map((c: { status: string }) => c.status);
    expect(statuses).toEqual(expect.arrayContaining(['used', 'expired', 'revoked']));
  });

  it('limits guessing per chat and overall', async () => {
    clock.advance(HOUR);
    const right = (await issue(as.admin, user.officer).expect(201)).body.code;
    for (let i = 0; i < LINK_CODE_FAILURES_PER_CHAT; i += 1)
      expect(await redeem('tg-guess', `ABCD-EF${'GH'[i % 2]}${i + 2}`)).toMatchObject({
        ok: false,
        code: 'link_code_not_found',
      });
    const blocked = await redeem('tg-guess', right);
    expect(blocked).toMatchObject({ ok: false, code: 'link_code_rate_limited' });
    expect(blocked.ok || blocked.retryAfterSeconds).toBeGreaterThan(0);
    // Another chat is not held by this one's guesses; after the window, this one may try again.
    clock.advance(16 * 60_000);
    expect(await redeem('tg-guess', right)).toMatchObject({ ok: true });

    clock.advance(HOUR);
    for (let i = 0; i < LINK_CODE_FAILURES_GLOBAL; i += 1) await redeem(`tg-spread-${i}`, 'nope');
    const fresh = (await issue(as.admin, user.officer2).expect(201)).body.code;
    expect(await redeem('tg-innocent', fresh)).toMatchObject({
      ok: false,
      code: 'link_code_rate_limited',
    });
  });
});
