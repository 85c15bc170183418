import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@gcm/domain';
import { UrgentNotices1767300000000 } from '../../src/database/migrations/1767300000000-urgent-notices';
import { BOT_TOKEN, commandEvent, postEvent, textEvent, texts } from '../support/bot-factories';
import { createUnitTree, signedInAs, startTestApp, TestAgent, TestApp } from '../support/test-app';

interface NoticeRow {
  chat_id: string;
  channel: string;
  replies: { type: string; text: string }[];
}

/** The urgent notices queued for staff chats, oldest first. */
async function notices(t: TestApp): Promise<NoticeRow[]> {
  return t.dataSource.query(
    `SELECT chat_id, channel, replies FROM outbox WHERE kind = 'urgent_notice' ORDER BY created_at, id`,
  );
}

async function itemId(t: TestApp, chatId: string): Promise<string> {
  const [item] = await t.dataSource.query(
    `SELECT h.id FROM handoff_items h JOIN conversations c ON c.id = h.conversation_id
     WHERE c.chat_id = $1 ORDER BY h.created_at DESC LIMIT 1`,
    [chatId],
  );
  return item.id;
}

describe('urgent inbox items reach the phones of those who work the inbox', () => {
  let t: TestApp;
  let admin: TestAgent;
  const users: Record<string, { userId: string; unitId: string }> = {};

  /** Links the chat to the user with /lienket, as staff do with a code an admin issued. */
  async function link(chat: string, role: Role, unitId: string) {
    const { userId } = await signedInAs(t, role, { unitId });
    const issued = await admin
      .post(`/api/v1/units/${unitId}/link-codes`)
      .send({ userId })
      .expect(201);
    const linked = await postEvent(t.url, commandEvent(chat, 'lienket', issued.body.code)).expect(
      200,
    );
    expect(texts(linked.body)[0]).toMatch(/^Đã liên kết tài khoản này/);
    users[chat] = { userId, unitId };
  }

  beforeAll(async () => {
    t = await startTestApp({ BOT_SERVICE_TOKEN: BOT_TOKEN, PUBLIC_URL: 'http://canbo.gcm.test/' });
    admin = (await signedInAs(t, 'admin')).agent;
    const tree = await createUnitTree(t);
    // The provincial department's coordinator and editor work the inbox; a viewer and a ward's
    // reporting officer do not.
    await link('staff-coordinator', 'coordinator', tree.province.id);
    await link('staff-editor', 'editor', tree.city.id);
    await link('staff-viewer', 'viewer', tree.province.id);
    await link('ward-officer', 'unit_reporter', tree.wardA.id);
  });
  afterAll(() => t.close());

  it('tells them once when an item becomes urgent, with a link to it and nothing the person wrote', async () => {
    // Waiting for staff calmly: no notice.
    await postEvent(t.url, textEvent('citizen-1', 'gặp cán bộ')).expect(200);
    await postEvent(t.url, textEvent('citizen-1', 'tôi muốn hỏi về visa đi Nhật')).expect(200);
    expect(await notices(t)).toEqual([]);

    // Then in danger: the item turns urgent, and both who work the inbox are told.
    const danger = 'bọn nó đang đánh tôi, cứu tôi với';
    const res = await postEvent(t.url, textEvent('citizen-1', danger)).expect(200);
    expect(texts(res.body)[0]).toMatch(/113/);
    const id = await itemId(t, 'citizen-1');
    const sent = await notices(t);
    expect(sent.map((n) => n.chat_id).sort()).toEqual(['staff-coordinator', 'staff-editor']);
    for (const notice of sent) {
      expect(notice.channel).toBe('telegram');
      expect(notice.replies).toHaveLength(1);
      const [text] = notice.replies.map((r) => r.text);
      expect(text).toContain('Hộp thư hỏi đáp có tin nhắn khẩn cấp');
      expect(text).toContain('nhắn qua Telegram');
      expect(text).toContain(`http://canbo.gcm.test/inbox?item=${id}`);
      expect(text).not.toContain('đánh tôi');
    }

    // More of the same in the item already urgent: not told again.
    await postEvent(t.url, textEvent('citizen-1', 'họ lại đánh tôi nữa, cứu tôi')).expect(200);
    expect(await notices(t)).toHaveLength(2);
  });

  it('tells them when the first words that reach the inbox already sound like danger', async () => {
    const before = (await notices(t)).length;
    await postEvent(t.url, textEvent('citizen-2', 'tôi bị nhốt trong nhà chủ, cứu tôi')).expect(
      200,
    );
    const id = await itemId(t, 'citizen-2');
    const after = (await notices(t)).slice(before);
    expect(after.map((n) => n.chat_id).sort()).toEqual(['staff-coordinator', 'staff-editor']);
    expect(after[0].replies[0].text).toContain(`inbox?item=${id}`);
  });

  it('does not tell the chat of a user who was deactivated', async () => {
    const coordinator = users['staff-coordinator'];
    await admin.patch(`/api/v1/users/${coordinator.userId}`).send({ isActive: false }).expect(200);
    const before = (await notices(t)).length;
    await postEvent(
      t.url,
      textEvent('citizen-3', 'chủ giữ hộ chiếu, tôi bị nhốt, cứu tôi với'),
    ).expect(200);
    const after = (await notices(t)).slice(before);
    expect(after.map((n) => n.chat_id)).toEqual(['staff-editor']);
  });

  it('migrates down and up: the kind is refused, then taken again', async () => {
    const migration = new UrgentNotices1767300000000();
    await t.dataSource.transaction(async (manager) => {
      await migration.down(manager.queryRunner!);
      expect(await manager.query(`SELECT id FROM outbox WHERE kind = 'urgent_notice'`)).toEqual([]);
      await migration.up(manager.queryRunner!);
    });
    await postEvent(t.url, textEvent('citizen-4', 'cứu tôi, tôi bị đánh')).expect(200);
    expect((await notices(t)).map((n) => n.chat_id)).toEqual(['staff-editor']);
  });
});
