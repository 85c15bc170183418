import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotEvent } from '@gcm/domain';
import {
  actionEvent,
  actions,
  BOT_TOKEN,
  commandEvent,
  postEvent,
  textEvent,
  texts,
} from '../support/bot-factories';
import { createUnitTree, signedInAs, startTestApp, TestAgent, TestApp } from '../support/test-app';

/**
 * The bot's unit dialogs through POST /bot/events, on the real reporting module: linking with
 * one-time codes, a report filled in by two officers of one ward, and the bad input of issue 11.
 */
const TEMPLATE = {
  code: 'ward_residence_checks',
  title: 'Kiểm tra cư trú',
  owedBy: ['commune'],
  schedule: { kind: 'yearly', due: { day: 5, month: 11 } },
  sections: [
    {
      key: 'main',
      title: 'Số liệu',
      fields: [
        { key: 'cases', label: 'Số vụ', type: 'count', required: true, unit: 'vụ', max: 1000 },
        { key: 'people', label: 'Số người', type: 'count', required: true, unit: 'người' },
        { key: 'checked_on', label: 'Ngày kiểm tra', type: 'date', required: false },
      ],
    },
  ],
  rules: [
    {
      key: 'cases_people',
      expression: 'cases <= people',
      message: 'Số vụ không thể nhiều hơn số người.',
    },
  ],
};

describe('the unit dialogs of the bot', () => {
  let t: TestApp;
  let admin: TestAgent;
  let wardA: { id: string; name: string };
  let wardB: { id: string; name: string };
  let templateId: string;

  const send = async (event: BotEvent) => (await postEvent(t.url, event).expect(200)).body;
  const say = async (chat: string, text: string) => texts(await send(textEvent(chat, text)));
  const press = async (chat: string, action: string) => {
    const body = await send(actionEvent(chat, action));
    return { texts: texts(body), actions: actions(body) };
  };

  /** A unit reporter of `unitId` linked to the chat `chat`. */
  async function linkedOfficer(unitId: string, chat: string) {
    const { userId } = await signedInAs(t, 'unit_reporter', { unitId });
    const code = await issueCode(unitId, userId);
    const reply = texts(await send(commandEvent(chat, 'lienket', code)));
    expect(reply[0]).toMatch(/^Đã liên kết tài khoản này với cán bộ/);
    return userId;
  }

  async function issueCode(unitId: string, userId: string): Promise<string> {
    const res = await admin.post(`/api/v1/units/${unitId}/link-codes`).send({ userId }).expect(201);
    return res.body.code;
  }

  beforeAll(async () => {
    t = await startTestApp({ BOT_SERVICE_TOKEN: BOT_TOKEN }, { firstRun: true });
    admin = (await signedInAs(t, 'admin')).agent;
    ({ wardA, wardB } = await createUnitTree(t));
    const created = await admin
      .post('/api/v1/reporting/templates')
      .send({ definition: TEMPLATE })
      .expect(201);
    templateId = created.body.id;
  });
  afterAll(() => t.close());

  it('refuses a guessed, malformed, used, revoked or expired code with a clear message', async () => {
    const { userId } = await signedInAs(t, 'unit_reporter', { unitId: wardA.id });
    expect(texts(await send(commandEvent('g1', 'lienket')))[0]).toMatch(/gõ \*\*mã liên kết\*\*/);
    expect((await say('g1', 'ABC'))[0]).toMatch(/^Mã liên kết không đúng dạng/);
    expect((await say('g1', 'ABCD-EFGH'))[0]).toMatch(/^Mã liên kết không đúng\./);

    const code = await issueCode(wardA.id, userId);
    expect((await say('g1', code))[0]).toMatch(/^Đã liên kết/);
    expect(texts(await send(commandEvent('g2', 'lienket', code)))[0]).toMatch(/đã được dùng/);

    const revoked = await admin
      .post(`/api/v1/units/${wardA.id}/link-codes`)
      .send({ userId })
      .expect(201);
    await admin.delete(`/api/v1/units/${wardA.id}/link-codes/${revoked.body.id}`).expect(204);
    expect(texts(await send(commandEvent('g3', 'lienket', revoked.body.code)))[0]).toMatch(
      /đã bị thu hồi/,
    );

    const expired = await admin
      .post(`/api/v1/units/${wardA.id}/link-codes`)
      .send({ userId })
      .expect(201);
    await t.dataSource.query(
      `UPDATE link_codes SET expires_at = now() - interval '1 minute' WHERE id = $1`,
      [expired.body.id],
    );
    expect(texts(await send(commandEvent('g4', 'lienket', expired.body.code)))[0]).toMatch(
      /đã hết hạn/,
    );
  });

  it('keeps the citizens menu, adds the unit buttons for a linked account, and undoes the link', async () => {
    const citizen = await send(commandEvent('citizen-1', 'start'));
    expect(actions(citizen)).not.toContain('rp');
    await linkedOfficer(wardB.id, 'u1');
    const officer = await send(commandEvent('u1', 'menu'));
    expect(actions(officer).slice(-3)).toEqual(['rp', 'tu', 'acct']);
    // Free text outside a report still goes to the question answering.
    const asked = await say('u1', 'đi xuất khẩu lao động cần giấy tờ gì');
    expect(asked[0]).not.toMatch(/Mục \d/);

    expect((await press('u1', 'unlink')).texts[0]).toMatch(/^Hủy liên kết tài khoản này/);
    expect((await press('u1', 'unlink:ok')).texts[0]).toMatch(/^Đã hủy liên kết/);
    expect(texts(await send(commandEvent('u1', 'baocao')))[0]).toMatch(/Bạn cần liên kết/);
    expect(texts(await send(commandEvent('u1', 'capnhat')))[0]).toMatch(/Bạn cần liên kết/);
  });

  it('walks a report with bad values refused and valid ones kept, and two officers never overwrite each other', async () => {
    await linkedOfficer(wardA.id, 'a1');
    await linkedOfficer(wardA.id, 'a2');
    const list = await send(commandEvent('a1', 'baocao'));
    expect(texts(list)[0]).toContain('Kiểm tra cư trú');
    const open = actions(list).find((a) => a.startsWith('rp:o:'))!;

    expect((await press('a1', open)).texts.join('\n')).toContain('Mục 1/3');
    expect((await press('a2', open)).texts.join('\n')).toContain('Mục 1/3');

    expect((await say('a1', 'năm')).join('\n')).toMatch(
      /^Vui lòng nhập một số nguyên không âm, ví dụ 12\./,
    );
    expect((await say('a1', '-2'))[0]).toMatch(/^Số lượng không thể là số âm/);
    expect((await say('a1', '5000'))[0]).toMatch(/^Vui lòng nhập một số không lớn hơn 1\.000\./);
    expect((await say('a1', '5')).join('\n')).toContain('Mục 2/3');

    // The second officer answered the same question at the older version: refused, shown 5.
    const stale = await say('a2', '7');
    expect(stale[0]).toContain('Giá trị hiện tại của mục “Số vụ”: **5 vụ**');
    expect(stale[1]).toContain('Mục 1/3');

    // A broken rule names both fields; the valid values stay in the draft.
    const broken = await say('a1', '3');
    expect(broken[0]).toContain('Số vụ không thể nhiều hơn số người.');
    expect(broken[0]).toContain('1. Số vụ: **5 vụ**');
    expect(broken[0]).toContain('2. Số người: **3 người**');
    expect(broken[1]).toContain('Mục 1/3');
    expect((await say('a1', '2')).join('\n')).toContain('Mục 3/3');
    expect((await say('a1', '31/02/2026'))[0]).toMatch(/không có trên lịch/);
    expect((await say('a1', '2026/01/05'))[0]).toMatch(/ngày\/tháng\/năm/);

    const [submission] = (
      await admin.get(`/api/v1/reporting/submissions?unitId=${wardA.id}`).expect(200)
    ).body.items;
    const draft = (await admin.get(`/api/v1/reporting/submissions/${submission.id}`).expect(200))
      .body;
    expect(draft.values).toMatchObject({ cases: 2, people: 3 });

    // The report is the unit's: another ward's officer cannot open it.
    await linkedOfficer(wardB.id, 'b1');
    expect((await press('b1', `rp:o:${submission.id}`)).texts[0]).toMatch(
      /không còn trong danh sách/,
    );

    // Once the period is locked, nothing changes through the bot.
    await admin
      .post(`/api/v1/reporting/templates/${templateId}/periods/${draft.periodKey}/lock`)
      .send({})
      .expect(204);
    expect((await say('a1', '05/01/2026'))[0]).toMatch(/đã khóa/);
    const after = (await admin.get(`/api/v1/reporting/submissions/${submission.id}`).expect(200))
      .body;
    expect(after.values.checked_on ?? null).toBeNull();
  });
});
