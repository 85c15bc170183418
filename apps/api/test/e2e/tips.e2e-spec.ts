import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotEvent, Role } from '@gcm/domain';
import { ManualClock } from '../../src/common/clock/clock';
import { TipsRetentionService } from '../../src/modules/tips/tips-retention';
import {
  actionEvent,
  actions,
  BOT_TOKEN,
  botRequest,
  commandEvent,
  postEvent,
  textEvent,
  texts,
} from '../support/bot-factories';
import {
  createUnit,
  createUnitTree,
  signedInAs,
  startTestApp,
  TEST_TIP_KEYS,
  TestAgent,
  TestApp,
} from '../support/test-app';

const SECRET = 'Ông Hùng ở tổ 5 tuyển người đi Nhật, thu 80 triệu';
/** A real 4×4 PNG: what the bot fetched from the chat platform. */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGM4IacBRwzEcQDBAxDhtIruDgAAAABJRU5ErkJggg==',
  'base64',
);

interface PhotoEntry {
  id: string;
  kind: string;
  photo: { state: string; mimeType: string | null; sizeBytes: number | null } | null;
}

function photoEvent(chatId: string, fileRef: string, mimeType = 'image/jpeg'): BotEvent {
  return {
    channel: 'telegram',
    updateId: `photo-${Math.random()}`,
    chatId,
    user: { id: chatId },
    type: 'file',
    fileRef,
    mimeType,
    caption: 'Ảnh hợp đồng của Hùng',
  };
}

/** Sends an anonymous report from a chat through the bot's events; returns its code. */
async function reportFrom(t: TestApp, chatId: string, area: string, body = SECRET) {
  const intro = await postEvent(t.url, commandEvent(chatId, 'baotin')).expect(200);
  expect(texts(intro.body).join()).toContain('113');
  await postEvent(t.url, textEvent(chatId, body)).expect(200);
  const photo = await postEvent(t.url, photoEvent(chatId, `ph-${chatId}`)).expect(200);
  expect(texts(photo.body).join()).toContain('Đã nhận ảnh');
  await postEvent(t.url, actionEvent(chatId, 'tip:next')).expect(200);
  await postEvent(t.url, actionEvent(chatId, 'tip:anon')).expect(200);
  // A place that does not exist: asked again, and what was told is kept.
  const wrong = await postEvent(t.url, textEvent(chatId, 'khong co noi nay')).expect(200);
  expect(texts(wrong.body).join()).toContain('Những gì bạn kể vẫn được giữ');
  const confirm = await postEvent(t.url, textEvent(chatId, area)).expect(200);
  expect(texts(confirm.body).join()).toContain('1 tin nhắn, 1 ảnh');
  expect(texts(confirm.body).join()).toContain('ẩn danh');
  const sent = await postEvent(t.url, actionEvent(chatId, 'tip:send')).expect(200);
  const code = /\*\*([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2})\*\*/.exec(texts(sent.body).join())![1];
  return code.replace(/-/g, '');
}

interface NoticeRow {
  chat_id: string;
  replies: { type: string; text: string }[];
  available_at: Date;
  status: string;
}

/** The notices to police officers' chats, oldest first. */
async function noticesTo(t: TestApp, chatId?: string): Promise<NoticeRow[]> {
  return t.dataSource.query(
    `SELECT chat_id, replies, available_at, status FROM outbox
     WHERE kind = 'tip_notice' AND ($1::text IS NULL OR chat_id = $1) ORDER BY created_at, id`,
    [chatId ?? null],
  );
}

describe('confidential reports (tips)', () => {
  const clock = new ManualClock(new Date('2026-12-01T03:00:00Z'));
  let t: TestApp;
  let tree: Awaited<ReturnType<typeof createUnitTree>>;
  let users: Record<string, { agent: TestAgent; userId: string }>;
  let tipId: string;
  let code: string;

  /** Links the chat to the user with /lienket, as an officer does (a code the admin issued). */
  async function link(chat: string, userId: string, unitId: string) {
    const issued = await users.admin.agent
      .post(`/api/v1/units/${unitId}/link-codes`)
      .send({ userId })
      .expect(201);
    const linked = await postEvent(t.url, commandEvent(chat, 'lienket', issued.body.code)).expect(
      200,
    );
    expect(texts(linked.body)[0]).toMatch(
      /^(Đã liên kết tài khoản này|This account is now linked)/,
    );
  }

  beforeAll(async () => {
    t = await startTestApp(
      { BOT_SERVICE_TOKEN: BOT_TOKEN, ...TEST_TIP_KEYS, PUBLIC_URL: 'http://canbo.gcm.test/' },
      { clock },
    );
    tree = await createUnitTree(t);
    const wardPolice = await createUnit(t, { kind: 'police', parentId: tree.wardA.id });
    const cityPolice = await createUnit(t, { kind: 'police', parentId: tree.city.id });
    const otherPolice = await createUnit(t, { kind: 'police', parentId: tree.wardB.id });
    const as = (role: Role, unitId?: string) => signedInAs(t, role, { unitId });
    users = {
      wardPolice: await as('unit_reporter', wardPolice.id),
      cityPolice: await as('unit_reporter', cityPolice.id),
      otherWardPolice: await as('unit_reporter', otherPolice.id),
      policeViewer: await as('viewer', wardPolice.id),
      wardCommittee: await as('unit_reporter', tree.wardA.id),
      admin: await as('admin'),
      editor: await as('editor'),
      coordinator: await as('coordinator'),
      viewer: await as('viewer'),
    };
    // The officers' own chats: the ward's police (one of them reads English), the city's, the
    // other ward's, and a ward officer who has left (deactivated).
    await link('ca-ward', users.wardPolice.userId, wardPolice.id);
    const english = await as('unit_reporter', wardPolice.id);
    await postEvent(t.url, commandEvent('ca-ward-en', 'lang', 'en')).expect(200);
    await link('ca-ward-en', english.userId, wardPolice.id);
    await link('ca-city', users.cityPolice.userId, cityPolice.id);
    await link('ca-other', users.otherWardPolice.userId, otherPolice.id);
    const gone = await as('unit_reporter', wardPolice.id);
    await link('ca-gone', gone.userId, wardPolice.id);
    await users.admin.agent
      .patch(`/api/v1/users/${gone.userId}`)
      .send({ isActive: false })
      .expect(200);
    code = await reportFrom(t, 'tip-1', 'duc xuan');
    const [row] = await t.dataSource.query(`SELECT id FROM tips WHERE code = $1`, [code]);
    tipId = row.id;
  });
  afterAll(() => t.close());

  const readers = ['wardPolice', 'cityPolice'];

  it('every role sees that the report exists; only the police serving its area read it (HTTP, each role)', async () => {
    for (const [name, { agent }] of Object.entries(users)) {
      const list = await agent.get('/api/v1/tips').expect(200);
      const item = list.body.items.find((i: { id: string }) => i.id === tipId);
      expect(item, name).toMatchObject({
        code,
        area: { id: tree.wardA.id, name: 'Phường Đức Xuân' },
        canRead: readers.includes(name),
        contentDeleted: false,
      });
      expect(JSON.stringify(list.body), name).not.toContain('Hùng');
      const read = await agent.get(`/api/v1/tips/${tipId}`);
      if (readers.includes(name)) {
        expect(read.status, name).toBe(200);
        expect(read.body.entries.map((e: { text: string }) => e.text)).toEqual([
          SECRET,
          'Ảnh hợp đồng của Hùng',
        ]);
        expect(read.body).toMatchObject({ anonymous: true, contact: null, canReply: true });
      } else {
        expect(read.status, name).toBe(403);
        expect(JSON.stringify(read.body)).not.toContain('Hùng');
      }
    }
    await t.http.get('/api/v1/tips').expect(401);
    await t.http.get(`/api/v1/tips/${tipId}`).expect(401);
  });

  it("tells the ward's police on their linked chats that a report arrived: code, area, the console's address, never the content", async () => {
    const notices = await noticesTo(t);
    // Not the city's police (the ward has its own), not another ward's, not a deactivated officer.
    expect(notices.map((n) => n.chat_id).sort()).toEqual(['ca-ward', 'ca-ward-en']);
    const shown = `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
    const [vi] = await noticesTo(t, 'ca-ward');
    expect(vi.replies).toEqual([
      {
        type: 'text',
        text:
          `Có tin báo mới gửi Công an: mã ${shown}, địa bàn Phường Đức Xuân.\n` +
          `Xem trong trang quản trị: http://canbo.gcm.test/tips/${tipId}`,
      },
    ]);
    const [en] = await noticesTo(t, 'ca-ward-en');
    expect(en.replies[0].text).toBe(
      `A new report to the police: code ${shown}, area Phường Đức Xuân.\n` +
        `Open it in the admin console: http://canbo.gcm.test/tips/${tipId}`,
    );
    // Nothing of what the person wrote, nor which chat it came from.
    for (const leak of ['Hùng', 'Nhật', '80 triệu', 'hợp đồng', 'tip-1', 'ph-tip-1'])
      expect(JSON.stringify(notices)).not.toContain(leak);
    // Delivered by the bot like any outbox message.
    const claimed = await botRequest(t.url)
      .claim({ channels: ['telegram'], limit: 50, leaseSeconds: 30 })
      .expect(200);
    const mine = (claimed.body.items as { kind: string; chatId: string }[]).filter(
      (i) => i.kind === 'tip_notice',
    );
    expect(mine.map((i) => i.chatId).sort()).toEqual(['ca-ward', 'ca-ward-en']);
    for (const item of claimed.body.items as { kind: string; id: string; claimId: string }[]) {
      const outcome = item.kind === 'tip_notice' ? 'sent' : 'retry';
      await botRequest(t.url).report(item, { outcome }).expect(204);
    }
    // The photo's fetch, handed back, is for the test of photos below.
    await t.dataSource.query(`UPDATE outbox SET available_at = now() WHERE kind = 'fetch_file'`);
  });

  it('every read of the content is audited, with who read it and never the content', async () => {
    const before = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'tip.read' AND entity_id = $1`,
      [tipId],
    );
    await users.wardPolice.agent.get(`/api/v1/tips/${tipId}`).expect(200);
    await users.cityPolice.agent.get(`/api/v1/tips/${tipId}`).expect(200);
    await users.admin.agent.get(`/api/v1/tips/${tipId}`).expect(403);
    const rows: { actor_id: string; after: unknown }[] = await t.dataSource.query(
      `SELECT actor_id, after FROM audit_log WHERE action = 'tip.read' AND entity_id = $1
       ORDER BY created_at DESC LIMIT 2`,
      [tipId],
    );
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'tip.read' AND entity_id = $1`,
      [tipId],
    );
    expect(n).toBe(before[0].n + 2);
    expect(rows.map((r) => r.actor_id).sort()).toEqual(
      [users.wardPolice.userId, users.cityPolice.userId].sort(),
    );
    expect(JSON.stringify(rows)).not.toContain('Hùng');
  });

  it('stores the content sealed: no column holds what the person wrote', async () => {
    const entries: { content: Uint8Array }[] = await t.dataSource.query(
      `SELECT content FROM tip_entries WHERE tip_id = $1`,
      [tipId],
    );
    expect(entries).toHaveLength(2);
    for (const e of entries) {
      const stored = Buffer.from(e.content);
      expect(stored.length).toBeGreaterThan(28);
      expect(stored.includes(Buffer.from('Hùng'))).toBe(false);
      expect(stored.includes(Buffer.from('ph-tip-1'))).toBe(false);
    }
    const [leaks] = await t.dataSource.query(
      `SELECT (SELECT count(*) FROM conversation_messages WHERE text LIKE '%Hùng%')::int AS messages,
              (SELECT count(*) FROM bot_updates WHERE event::text LIKE '%Hùng%' OR event::text LIKE '%ph-tip-1%')::int AS updates,
              (SELECT count(*) FROM question_log WHERE text LIKE '%Hùng%')::int AS questions`,
    );
    expect(leaks).toEqual({ messages: 0, updates: 0, questions: 0 });
  });

  it('a photo reaches the API through a bot instance, is stored sealed, and the police of the area view it (each view audited)', async () => {
    const bot = botRequest(t.url);
    const photoOf = async () =>
      (await users.wardPolice.agent.get(`/api/v1/tips/${tipId}`).expect(200)).body.entries.find(
        (e: PhotoEntry) => e.kind === 'photo',
      ) as PhotoEntry;
    const entry = await photoOf();
    expect(entry.photo).toMatchObject({ state: 'pending', sizeBytes: null });
    // A bot instance claims the fetch like any outbox item: the key names the entry, not a chat.
    const claimed = await bot
      .claim({ channels: ['telegram'], limit: 10, leaseSeconds: 60 })
      .expect(200);
    const item = claimed.body.items.find((i: { kind: string }) => i.kind === 'fetch_file');
    const key = `tip_photo:${entry.id}`;
    expect(item).toMatchObject({ channel: 'telegram', chatId: key, replies: [] });

    // Only the bot reads the platform's reference and uploads.
    await request(t.url).get(`/api/v1/bot/files/${key}`).expect(401);
    await request(t.url)
      .put(`/api/v1/bot/files/${key}`)
      .set('Content-Type', 'image/png')
      .send(PHOTO)
      .expect(401);
    const source = await bot.fileSource(key).expect(200);
    expect(source.body).toEqual({ fileRef: 'ph-tip-1', maxBytes: 10 * 1024 * 1024 });
    await bot.fileSource('tip_photo:not-an-id').expect(404);

    // What is not a JPEG, PNG or WebP image by its bytes is refused, whatever it says it is.
    const gif = await bot.uploadFile(key, Buffer.from('GIF89a\x01\x00\x01\x00'), 'image/jpeg');
    expect(gif.status).toBe(400);
    expect(gif.body).toMatchObject({ code: 'tip_photo_invalid' });
    expect(gif.body.message).toContain('not a JPEG, PNG or WebP image');
    const html = await bot.uploadFile(key, Buffer.from('<html><script>alert(1)</script>'));
    expect(html.body.code).toBe('tip_photo_invalid');
    const lying = await bot.uploadFile(key, PHOTO, 'image/jpeg').expect(400);
    expect(lying.body.message).toContain('declared as image/jpeg but its bytes are image/png');
    const empty = await bot.uploadFile(key, Buffer.alloc(0)).expect(400);
    expect(empty.body.message).toContain("Send the photo's bytes");
    const huge = Buffer.concat([PHOTO, Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await bot.uploadFile(key, huge).expect(413);
    expect(tooBig.body.code).toBe('payload_too_large');
    expect((await photoOf()).photo?.state).toBe('pending');

    await bot.uploadFile(key, PHOTO).expect(204);
    await bot.report(item, { outcome: 'sent' }).expect(204);
    // Once stored, the platform's reference is gone and there is nothing more to fetch; an
    // upload retried after it went through changes nothing.
    await bot.fileSource(key).expect(404);
    await bot.uploadFile(key, PHOTO).expect(204);
    expect((await photoOf()).photo).toMatchObject({
      state: 'stored',
      mimeType: 'image/png',
      sizeBytes: PHOTO.length,
    });

    // Sealed at rest: the row holds neither the image nor its header.
    const [row] = await t.dataSource.query(
      `SELECT mime_type, size_bytes, content FROM tip_photos WHERE entry_id = $1`,
      [entry.id],
    );
    const sealed = Buffer.from(row.content);
    expect(row).toMatchObject({ mime_type: 'image/png', size_bytes: PHOTO.length });
    expect(sealed.includes(PHOTO.subarray(0, 8))).toBe(false);
    expect(sealed.includes(PHOTO.subarray(16, 40))).toBe(false);
    const [entryRow] = await t.dataSource.query(`SELECT content FROM tip_entries WHERE id = $1`, [
      entry.id,
    ]);
    expect(Buffer.from(entryRow.content).includes(Buffer.from('ph-tip-1'))).toBe(false);

    // The police of the area see the photo itself, never cached, never sniffed.
    const path = `/api/v1/tips/${tipId}/photos/${entry.id}`;
    for (const reader of ['wardPolice', 'cityPolice']) {
      const view = await users[reader].agent
        .get(path)
        .buffer(true)
        .parse((res, done) => {
          const parts: Buffer[] = [];
          res.on('data', (part: Buffer) => parts.push(part));
          res.on('end', () => done(null, Buffer.concat(parts)));
        })
        .expect(200);
      expect(Buffer.compare(view.body as Buffer, PHOTO), reader).toBe(0);
      expect(view.headers).toMatchObject({
        'content-type': 'image/png',
        'cache-control': 'no-store',
        'content-disposition': 'inline',
        'x-content-type-options': 'nosniff',
      });
    }
    // Everyone else is refused, as for the content.
    for (const name of ['otherWardPolice', 'policeViewer', 'wardCommittee', 'admin', 'viewer']) {
      const refused = await users[name].agent.get(path);
      expect(refused.status, name).toBe(403);
      expect(refused.body.code, name).toBe('tip_content_forbidden');
    }
    await t.http.get(path).expect(401);
    const other = await users.wardPolice.agent
      .get(`/api/v1/tips/${tipId}/photos/${tipId}`)
      .expect(404);
    expect(other.body.code).toBe('tip_photo_not_stored');

    const views: { actor_id: string; after: { entry: string } }[] = await t.dataSource.query(
      `SELECT actor_id, after FROM audit_log WHERE action = 'tip.photo_viewed' AND entity_id = $1
       ORDER BY created_at`,
      [tipId],
    );
    expect(views.map((v) => v.actor_id)).toEqual([
      users.wardPolice.userId,
      users.cityPolice.userId,
    ]);
    expect(views[0].after.entry).toBe(entry.id);
  });

  it('a report with a contact: the police of the city above the ward read it, the column holds it sealed', async () => {
    await postEvent(t.url, commandEvent('tip-5', 'baotin')).expect(200);
    await postEvent(t.url, textEvent('tip-5', 'Có người môi giới đi Hàn Quốc ở Sông Cầu')).expect(
      200,
    );
    await postEvent(t.url, actionEvent('tip-5', 'tip:next')).expect(200);
    await postEvent(t.url, actionEvent('tip-5', 'tip:contact')).expect(200);
    const tooLong = await postEvent(t.url, textEvent('tip-5', '0'.repeat(201))).expect(200);
    expect(texts(tooLong.body).join()).toContain('Những gì bạn kể vẫn được giữ');
    await postEvent(t.url, textEvent('tip-5', 'Gọi 0912 345 678 sau 17 giờ')).expect(200);
    const confirm = await postEvent(t.url, textEvent('tip-5', 'song cau')).expect(200);
    expect(texts(confirm.body).join()).toContain('có để lại cách liên lạc');
    await postEvent(t.url, actionEvent('tip-5', 'tip:send')).expect(200);
    const [row] = await t.dataSource.query(
      `SELECT id, contact FROM tips WHERE area_unit_id = $1 AND status = 'new'`,
      [tree.wardB.id],
    );
    expect(Buffer.from(row.contact).includes(Buffer.from('0912 345 678'))).toBe(false);
    const read = await users.cityPolice.agent.get(`/api/v1/tips/${row.id}`).expect(200);
    expect(read.body).toMatchObject({ anonymous: false, contact: 'Gọi 0912 345 678 sau 17 giờ' });
    await users.otherWardPolice.agent.get(`/api/v1/tips/${row.id}`).expect(200);
    await users.wardPolice.agent.get(`/api/v1/tips/${row.id}`).expect(403);
    // Sông Cầu's own police are told; the contact left is not in the notice.
    const [notice] = await noticesTo(t, 'ca-other');
    expect(notice.replies[0].text).toContain('Phường Sông Cầu');
    expect(notice.replies[0].text).toContain(`/tips/${row.id}`);
    expect(JSON.stringify(notice)).not.toContain('0912');
    expect((await noticesTo(t, 'ca-ward')).map((n) => n.replies[0].text).join()).not.toContain(
      'Sông Cầu',
    );
  });

  it('the reporter adds a photo and a message with the code; the police reply reaches the chat through the outbox', async () => {
    const wrong = await postEvent(t.url, commandEvent('tip-2', 'baotin', 'AAAA-AAAA-AA')).expect(
      200,
    );
    expect(texts(wrong.body).join()).toContain('Không tìm thấy tin báo');
    const adding = await postEvent(
      t.url,
      commandEvent('tip-2', 'baotin', code.toLowerCase()),
    ).expect(200);
    expect(texts(adding.body).join()).toContain('gửi thêm thông tin');
    await postEvent(t.url, photoEvent('tip-2', 'ph-more')).expect(200);
    // A PDF is not fetched: only JPEG, PNG and WebP photos are kept.
    await postEvent(t.url, photoEvent('tip-2', 'doc-1', 'application/pdf')).expect(200);
    const added = await postEvent(t.url, textEvent('tip-2', 'Hùng đi xe biển 97A')).expect(200);
    expect(texts(added.body).join()).toContain('Đã thêm vào tin báo');
    await postEvent(t.url, actionEvent('tip-2', 'tip:done')).expect(200);

    // A photo and a message: one notice of an addition per officer, at once.
    const additions = (await noticesTo(t, 'ca-ward')).filter((n) =>
      n.replies[0].text.includes('gửi thêm thông tin'),
    );
    expect(additions).toHaveLength(1);
    expect(additions[0].replies[0].text).toContain(`http://canbo.gcm.test/tips/${tipId}`);
    expect(JSON.stringify(additions)).not.toContain('97A');
    expect(new Date(additions[0].available_at).getTime()).toBeLessThanOrEqual(Date.now());
    expect(await noticesTo(t, 'ca-city')).toHaveLength(0);

    const read = await users.wardPolice.agent.get(`/api/v1/tips/${tipId}`).expect(200);
    expect(read.body.entries.map((e: { kind: string }) => e.kind)).toEqual([
      'description',
      'photo',
      'photo',
      'photo',
      'addition',
    ]);
    // The platform no longer has the second photo: the bot says so, and the entry says it.
    const bot = botRequest(t.url);
    const { body: fetchClaim } = await bot
      .claim({ channels: ['telegram'], limit: 10, leaseSeconds: 60 })
      .expect(200);
    const fetches = fetchClaim.items.filter((i: { kind: string }) => i.kind === 'fetch_file');
    expect(fetches.map((i: { chatId: string }) => i.chatId)).toEqual([
      `tip_photo:${read.body.entries[2].id}`,
    ]);
    const [fetch] = fetches;
    await bot.fileSource(fetch.chatId).expect(200);
    await bot
      .report(fetch, { outcome: 'rejected', error: 'Bad Request: wrong file_id' })
      .expect(204);
    const after = await users.wardPolice.agent.get(`/api/v1/tips/${tipId}`).expect(200);
    expect(after.body.entries.map((e: PhotoEntry) => e.photo?.state ?? null)).toEqual([
      null,
      'stored',
      'failed',
      'failed',
      null,
    ]);

    await users.otherWardPolice.agent
      .post(`/api/v1/tips/${tipId}/replies`)
      .send({ text: 'Không được' })
      .expect(403);
    await users.admin.agent
      .post(`/api/v1/tips/${tipId}/replies`)
      .send({ text: 'Không được' })
      .expect(403);
    const bad = await users.wardPolice.agent
      .post(`/api/v1/tips/${tipId}/replies`)
      .send({ text: '' })
      .expect(400);
    expect(bad.body.message).toBeTruthy();
    await users.wardPolice.agent
      .post(`/api/v1/tips/${tipId}/replies`)
      .send({ text: 'Công an phường đã nhận tin, cảm ơn bạn.' })
      .expect(201);
    // In the database the reply's text is sealed: no column holds it.
    const [outbox] = await t.dataSource.query(
      `SELECT id, kind, chat_id, replies, sealed_replies, row_to_json(o)::text AS whole
       FROM outbox o WHERE kind = 'tip_reply'`,
    );
    expect(outbox.chat_id).toBe('tip-1');
    expect(outbox.replies).toEqual([]);
    expect(outbox.whole).not.toContain('đã nhận tin');
    expect(outbox.whole).not.toContain('\\u0111\\u00e3 nh\\u1eadn tin');
    const sealed = Buffer.from(outbox.sealed_replies);
    expect(sealed.length).toBeGreaterThan(28);
    expect(sealed.includes(Buffer.from('đã nhận tin'))).toBe(false);
    expect(sealed.includes(Buffer.from(code))).toBe(false);
    // The bot that claims it gets the text.
    const claimed = await botRequest(t.url)
      .claim({ channels: ['telegram'], limit: 50, leaseSeconds: 30 })
      .expect(200);
    const item = claimed.body.items.find((i: { id: string }) => i.id === outbox.id);
    expect(item.replies[0].text).toContain('Công an phường đã nhận tin, cảm ơn bạn.');
    expect(item.replies[0].buttons.flat()[0].action).toBe(`tip:add:${code}`);
    // A retry keeps it sealed for the next attempt; once sent, the text is gone, the row stays.
    await botRequest(t.url).report(item, { outcome: 'retry', retryAfterSeconds: 1 }).expect(204);
    const [waiting] = await t.dataSource.query(`SELECT sealed_replies FROM outbox WHERE id = $1`, [
      outbox.id,
    ]);
    expect(waiting.sealed_replies).not.toBeNull();
    await t.dataSource.query(`UPDATE outbox SET available_at = now() WHERE id = $1`, [outbox.id]);
    const again = await botRequest(t.url)
      .claim({ channels: ['telegram'], limit: 50, leaseSeconds: 30 })
      .expect(200);
    const retried = again.body.items.find((i: { id: string }) => i.id === outbox.id);
    expect(retried.replies[0].text).toContain('Công an phường đã nhận tin, cảm ơn bạn.');
    for (const claimedItem of again.body.items)
      await botRequest(t.url).report(claimedItem, { outcome: 'sent' }).expect(204);
    const [sent] = await t.dataSource.query(
      `SELECT status, chat_id, replies, sealed_replies, sent_at FROM outbox WHERE id = $1`,
      [outbox.id],
    );
    expect(sent).toMatchObject({
      status: 'sent',
      chat_id: 'tip-1',
      replies: [],
      sealed_replies: null,
    });
    expect(sent.sent_at).not.toBeNull();
    const list = await users.viewer.agent.get('/api/v1/tips').expect(200);
    expect(list.body.items.find((i: { id: string }) => i.id === tipId).status).toBe('replied');
    const [audit] = await t.dataSource.query(
      `SELECT after FROM audit_log WHERE action = 'tip.reply' AND entity_id = $1`,
      [tipId],
    );
    expect(JSON.stringify(audit.after)).not.toContain('cảm ơn');
  });

  it('an addition within five minutes of the last notice joins it, unless the police opened the report since', async () => {
    const additions = async () =>
      (await noticesTo(t, 'ca-ward')).filter((n) => n.replies[0].text.includes('gửi thêm'));
    const add = (text: string) => postEvent(t.url, textEvent('tip-2', text)).expect(200);
    // The police read the report after the last notice: the next addition is told.
    await postEvent(t.url, commandEvent('tip-2', 'baotin', code)).expect(200);
    await add('Hùng hay ngồi quán cà phê đầu ngõ');
    expect(await additions()).toHaveLength(2);
    // A minute later, nobody has opened it: joined.
    clock.advance(60_000);
    await add('Hùng có hai người đi cùng');
    expect(await additions()).toHaveLength(2);
    // Five minutes after the last notice: told again.
    clock.advance(4 * 60_000 + 1000);
    await add('Hùng thường đến vào thứ bảy');
    const told = await additions();
    expect(told).toHaveLength(3);
    expect(told[2].replies[0].text).toBe(
      `Người báo tin đã gửi thêm thông tin cho tin báo mã ${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}, địa bàn Phường Đức Xuân.\n` +
        `Xem trong trang quản trị: http://canbo.gcm.test/tips/${tipId}`,
    );
    // An officer opens it: the very next addition is told, the one after joins it.
    await users.cityPolice.agent.get(`/api/v1/tips/${tipId}`).expect(200);
    await add('Hùng vừa đổi số điện thoại');
    await add('Hùng nói sẽ đi vào tuần sau');
    expect(await additions()).toHaveLength(4);
    expect(JSON.stringify(await noticesTo(t))).not.toContain('Hùng');
    expect((await noticesTo(t, 'ca-ward-en')).length).toBe((await noticesTo(t, 'ca-ward')).length);
    await postEvent(t.url, actionEvent('tip-2', 'tip:done')).expect(200);
  });

  it('on the web chat, the police reply is a message of the conversation the page reads', async () => {
    const web = (e: BotEvent): BotEvent => ({ ...e, channel: 'web' });
    await postEvent(t.url, web(commandEvent('web-1', 'baotin'))).expect(200);
    await postEvent(t.url, web(textEvent('web-1', 'Có người rủ đi làm việc ở Campuchia'))).expect(
      200,
    );
    await postEvent(t.url, web(actionEvent('web-1', 'tip:next'))).expect(200);
    await postEvent(t.url, web(actionEvent('web-1', 'tip:anon'))).expect(200);
    await postEvent(t.url, web(textEvent('web-1', 'duc xuan'))).expect(200);
    await postEvent(t.url, web(actionEvent('web-1', 'tip:send'))).expect(200);
    const [row] = await t.dataSource.query(`SELECT id FROM tips WHERE channel = 'web'`);
    await users.wardPolice.agent
      .post(`/api/v1/tips/${row.id}/replies`)
      .send({ text: 'Cảm ơn bạn, Công an phường sẽ xác minh.' })
      .expect(201);
    const messages = await botRequest(t.url).messages('web', 'web-1').expect(200);
    const items = messages.body.items as { text?: string; reply?: { text: string } }[];
    expect(items.at(-1)?.reply?.text).toContain('Cảm ơn bạn, Công an phường sẽ xác minh.');
    // What the person typed shows in their own transcript only as a placeholder.
    expect(JSON.stringify(items)).not.toContain('Campuchia');
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox WHERE chat_id = 'web-1'`,
    );
    expect(n).toBe(0);
  });

  it('asks first when words such as "tố giác" are typed; "Không" goes to the questions, and the menu offers "Báo tin"', async () => {
    const offer = await postEvent(
      t.url,
      textEvent('tip-3', 'Tôi muốn tố giác một đường dây'),
    ).expect(200);
    expect(texts(offer.body).join()).toContain('báo tin cho Công an');
    expect(actions(offer.body)).toEqual(['tip:yes', 'tip:no']);
    await postEvent(t.url, actionEvent('tip-3', 'tip:no')).expect(200);
    const [{ asked }] = await t.dataSource.query(
      `SELECT count(*)::int AS asked FROM question_log WHERE text = 'Tôi muốn tố giác một đường dây'`,
    );
    expect(asked).toBe(1);
    const [topic] = await t.dataSource.query(
      `INSERT INTO topics (name) VALUES ('Mua bán người') RETURNING id`,
    );
    await t.dataSource.query(
      `INSERT INTO faqs (topic_id, question, answer, status) VALUES ($1, 'Mua bán người là gì?', 'Là…', 'published')`,
      [topic.id],
    );
    const menu = await postEvent(t.url, commandEvent('tip-3', 'menu')).expect(200);
    expect(actions(menu.body)).toContain('tip');
    const cancel = await postEvent(t.url, commandEvent('tip-3', 'baotin')).expect(200);
    expect(texts(cancel.body).join()).toContain('Báo tin cho Công an');
    await postEvent(t.url, textEvent('tip-3', 'Một việc cần báo')).expect(200);
    const cancelled = await postEvent(t.url, actionEvent('tip-3', 'cancel')).expect(200);
    expect(texts(cancelled.body).join()).toContain('Đã hủy');
    const [{ drafts }] = await t.dataSource.query(
      `SELECT count(*)::int AS drafts FROM tips WHERE status = 'draft'`,
    );
    expect(drafts).toBe(0);
  });

  it('deletes the content after TIPS_RETENTION_DAYS; the report stays listed, its content gone', async () => {
    const retention = t.app.get(TipsRetentionService);
    clock.advance(364 * 24 * 3600 * 1000);
    expect((await retention.runOnce()).contentDeleted).toBe(0);
    await users.wardPolice.agent.get(`/api/v1/tips/${tipId}`).expect(200);
    clock.advance(2 * 24 * 3600 * 1000);
    // The three reports of that day (anonymous, with a contact, from the web chat).
    expect((await retention.runOnce()).contentDeleted).toBe(3);
    const gone = await users.wardPolice.agent.get(`/api/v1/tips/${tipId}`).expect(410);
    expect(gone.body.code).toBe('tip_content_deleted');
    const list = await users.admin.agent.get('/api/v1/tips').expect(200);
    expect(list.body.items.find((i: { id: string }) => i.id === tipId)).toMatchObject({
      code,
      contentDeleted: true,
    });
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM tip_entries WHERE tip_id = $1`,
      [tipId],
    );
    expect(n).toBe(0);
    const [photos] = await t.dataSource.query(
      `SELECT (SELECT count(*) FROM tip_photos)::int AS stored,
              (SELECT count(*) FROM outbox WHERE kind = 'fetch_file' AND status = 'pending')::int AS fetches`,
    );
    expect(photos).toEqual({ stored: 0, fetches: 0 });
    // What the outbox is done with keeps no text of a reply: a row given up before it could
    // erase it (written by an older version, in the clear) is emptied by the job.
    await t.dataSource.query(
      `INSERT INTO outbox (kind, channel, chat_id, replies, status, sealed_replies)
       VALUES ('tip_reply', 'telegram', 'tip-9', '[{"type":"text","text":"Cũ"}]', 'failed', '\\x0102')`,
    );
    await retention.runOnce();
    const left = await t.dataSource.query(
      `SELECT replies, sealed_replies FROM outbox WHERE kind = 'tip_reply' AND status IN ('sent', 'failed')`,
    );
    expect(left).toHaveLength(2);
    expect(left).toEqual(left.map(() => ({ replies: [], sealed_replies: null })));
    const adding = await postEvent(t.url, commandEvent('tip-4', 'baotin', code)).expect(200);
    expect(texts(adding.body).join()).toContain('Không tìm thấy tin báo');
  });
});

describe('confidential reports without a key', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ BOT_SERVICE_TOKEN: BOT_TOKEN });
  });
  afterAll(() => t.close());

  it('the bot says the feature is not ready and gives 113; the API says which setting is missing', async () => {
    const off = await postEvent(t.url, commandEvent('off-1', 'baotin')).expect(200);
    expect(texts(off.body).join()).toContain('chưa sẵn sàng');
    expect(texts(off.body).join()).toContain('113');
    const { agent } = await signedInAs(t, 'unit_reporter', {
      unitId: (await createUnit(t, { kind: 'police' })).id,
    });
    const read = await agent.get('/api/v1/tips/00000000-0000-4000-8000-000000000000').expect(503);
    expect(read.body).toMatchObject({ code: 'tips_not_configured' });
    expect(read.body.message).toContain('TIPS_ENCRYPTION_KEYS');
  });
});
