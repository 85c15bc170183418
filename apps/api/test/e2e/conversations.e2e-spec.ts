import { Logger } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BotEvent, HandoffItemResponse } from '@gcm/domain';
import { UrgentHandoffs1767200000000 } from '../../src/database/migrations/1767200000000-urgent-handoffs';
import { BotUpdatesRetention } from '../../src/modules/conversations/bot-updates-retention';
import { createFaq, createTopic } from '../support/knowledge-factories';
import {
  actionEvent,
  actions,
  BOT_TOKEN,
  botRequest,
  commandEvent,
  postEvent,
  postEvents,
  textEvent,
  texts,
} from '../support/bot-factories';
import { createUnitTree, signedInAs, startTestApp, TestAgent, TestApp } from '../support/test-app';

describe('conversations through the bot endpoint', () => {
  let t: TestApp;
  let editor: TestAgent;
  let coordinator: TestAgent;
  let labourFaq: { id: string };
  let topicId: string;

  beforeAll(async () => {
    t = await startTestApp({ BOT_SERVICE_TOKEN: BOT_TOKEN }, { dictionary: true });
    editor = (await signedInAs(t, 'editor')).agent;
    coordinator = (await signedInAs(t, 'coordinator')).agent;
    topicId = await createTopic(editor, 'Đi làm việc ở nước ngoài');
    labourFaq = await createFaq(editor, topicId, {
      question: 'Đi xuất khẩu lao động Hàn Quốc cần những chi phí gì?',
      answer: 'Người lao động trả phí dịch vụ và các chi phí ghi trong hợp đồng.',
    });
    await createFaq(editor, topicId, {
      question: 'Dấu hiệu nhận biết mua bán người là gì?',
      answer: 'Hứa hẹn việc nhẹ lương cao, giữ giấy tờ tùy thân là dấu hiệu cần cảnh giác.',
    });
  });
  afterAll(() => t.close());

  it('offers choices with "Không phải, gặp cán bộ", and proposes the picked FAQ as an alternate for an editor to accept', async () => {
    const res = (await postEvent(t.url, textEvent('ch-1', 'hứa việc nhẹ lương cao')).expect(200))
      .body;
    expect(texts(res)[0]).toBe('Có phải bạn muốn hỏi:');
    const buttons = res.replies[0].buttons.flat();
    expect(buttons.at(-1)).toEqual({ label: 'Không phải, gặp cán bộ', action: 'handoff' });
    const pick = buttons.find((b: { label: string }) => b.label.startsWith('Dấu hiệu'));
    expect(pick.action).toMatch(/^pick:/);
    const [, faqId] = pick.action.split(':');
    const shown = (await postEvent(t.url, actionEvent('ch-1', pick.action)).expect(200)).body;
    expect(texts(shown)[0]).toContain('Hứa hẹn việc nhẹ lương cao');

    const proposals = (await editor.get('/api/v1/assistant/proposals').expect(200)).body;
    const proposal = proposals.items.find((p: { faqId: string }) => p.faqId === faqId);
    expect(proposal).toMatchObject({ text: 'hứa việc nhẹ lương cao', status: 'proposed' });
    await coordinator.post(`/api/v1/assistant/proposals/${proposal.id}/accept`).expect(403);
    const accepted = await editor
      .post(`/api/v1/assistant/proposals/${proposal.id}/accept`)
      .expect(200);
    expect(accepted.body.status).toBe('accepted');
    const faq = (await editor.get(`/api/v1/knowledge/faqs/${faqId}`).expect(200)).body;
    expect(faq.alternates).toContain('hứa việc nhẹ lương cao');
    // Learnt at once: the same question is now answered.
    const again = (await postEvent(t.url, textEvent('ch-2', 'hứa việc nhẹ lương cao')).expect(200))
      .body;
    expect(texts(again)[0]).toContain('Hứa hẹn việc nhẹ lương cao');
  });

  it('tells a question outside the field what this channel answers, with the topics, and sends it to no one', async () => {
    const res = (
      await postEvent(t.url, textEvent('oos-1', 'giá vàng hôm nay bao nhiêu')).expect(200)
    ).body;
    expect(res.handoffOpened).toBe(false);
    expect(texts(res)[0]).toMatch(/^Kênh này trả lời các câu hỏi về \*\*di cư an toàn/);
    expect(actions(res)).toEqual([`topic:${topicId}`, 'near', 'co', 'tip', 'handoff']);
    const [open] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM handoff_items h JOIN conversations c ON c.id = h.conversation_id WHERE c.chat_id = 'oos-1'`,
    );
    expect(open.n).toBe(0);
  });

  it('gives the emergency route first to a message that sounds like danger, then hands it to staff', async () => {
    const res = (
      await postEvent(t.url, textEvent('sos-1', 'em bi giu ho chieu va bi nhot o nha chu')).expect(
        200,
      )
    ).body;
    expect(res.handoffOpened).toBe(true);
    expect(texts(res)[0]).toMatch(/113/);
    // As seeded: abroad, the local police, the foreign ministry's citizen-protection hotline and
    // the nearest mission (Taiwan's by its own name).
    expect(texts(res)[0]).toMatch(
      /đường dây nóng bảo hộ công dân của Bộ Ngoại giao \*\*\+84 981 84 84 84\*\*/,
    );
    expect(texts(res)[0]).toMatch(/Đại sứ quán hoặc Tổng Lãnh sự quán Việt Nam gần nhất/);
    expect(texts(res)[0]).toMatch(/Văn phòng Kinh tế và Văn hóa Việt Nam tại Đài Bắc/);
    expect(texts(res)[0]).not.toMatch(/\[|\]/);
    expect(texts(res).at(-1)).toMatch(/chuyển ngay đến cán bộ/);
    // In English, the bot's own sentence with the hotline the (Vietnamese) route names.
    const english = (
      await postEvent(
        t.url,
        textEvent('sos-en', 'help me, my boss took my passport and locked me in'),
      ).expect(200)
    ).body;
    expect(texts(english)[0]).toBe(
      '**If you are in danger**, call **113** (police) now. If you are abroad, call the local ' +
        'police and contact the nearest Vietnamese embassy or consulate.\n' +
        'Other hotlines in our guidance for people in danger: **+84 981 84 84 84**.',
    );
    // What the bot says while staff have it stays in English, the language of its replies.
    const more = (
      await postEvent(t.url, textEvent('sos-en', 'I am in a house near the port')).expect(200)
    ).body;
    expect(texts(more)).toEqual(['Noted; a staff member will read your message.']);
    // Sounding in danger while waiting: the route first, in English too, and the item urgent.
    const worse = (
      await postEvent(t.url, textEvent('sos-en', 'they are beating me, help me')).expect(200)
    ).body;
    expect(texts(worse)).toEqual([
      '**If you are in danger**, call **113** (police) now. If you are abroad, call the local ' +
        'police and contact the nearest Vietnamese embassy or consulate.\n' +
        'Other hotlines in our guidance for people in danger: **+84 981 84 84 84**.',
      'Your message has been marked urgent so that staff read it first.',
    ]);
    const ended = (await postEvent(t.url, actionEvent('sos-en', 'handoff:end')).expect(200)).body;
    expect(texts(ended)).toEqual([
      'The conversation with staff has ended. You can go on asking questions.',
    ]);
    // Staff edit the route like any warning; the bot says what they wrote.
    const [article] = await t.dataSource.query(
      `SELECT id FROM articles WHERE key = 'emergency-route'`,
    );
    await editor
      .patch(`/api/v1/knowledge/articles/${article.id}`)
      .send({ body: 'Gọi **113**; ở nước ngoài gọi đường dây nóng bảo hộ công dân **0000**.' })
      .expect(200);
    const next = (await postEvent(t.url, textEvent('sos-2', 'cứu với, bị đánh')).expect(200)).body;
    expect(texts(next)[0]).toBe(
      'Gọi **113**; ở nước ngoài gọi đường dây nóng bảo hộ công dân **0000**.',
    );
    // A route that names no hotline besides 113 gives English speakers the bot's sentence alone.
    const englishNext = (
      await postEvent(t.url, textEvent('sos-en-2', 'help me, I am locked up')).expect(200)
    ).body;
    expect(texts(englishNext)[0]).toMatch(/^\*\*If you are in danger\*\*.*consulate\.$/);
  });

  it('offers the FAQs that may fit with the emergency route when a message in danger has no sure answer', async () => {
    const abroad = await createFaq(editor, topicId, {
      question: 'Bị lừa tiền để đi làm việc ở nước ngoài thì báo ai?',
      answer: 'Trình báo Công an xã, phường nơi bạn ở và mang theo biên nhận, tin nhắn.',
    });
    await createFaq(editor, topicId, {
      question: 'Bị lừa tiền đặt cọc thuê nhà thì báo ai?',
      answer: 'Giữ lại hợp đồng thuê nhà và báo Công an nơi có nhà cho thuê.',
    });
    const res = (
      await postEvent(t.url, textEvent('sos-3', 'tôi bị lừa tiền rồi, báo ai')).expect(200)
    ).body;
    expect(res.handoffOpened).toBe(true);
    expect(texts(res)[0]).toMatch(/113/);
    expect(texts(res)[1]).toMatch(/^Có phải bạn muốn hỏi:/);
    const buttons = res.replies[1].buttons.flat();
    expect(buttons.map((b: { action: string }) => b.action)).toContain(`pick:${abroad.id}`);
    // Staff have the message already: no "Không phải, gặp cán bộ" here.
    expect(buttons.map((b: { action: string }) => b.action)).not.toContain('handoff');
    expect(texts(res).at(-1)).toMatch(/chuyển ngay đến cán bộ/);
    // Picking one shows it while the conversation with staff stays open.
    const shown = (await postEvent(t.url, actionEvent('sos-3', `pick:${abroad.id}`)).expect(200))
      .body;
    expect(texts(shown)[0]).toContain('Trình báo Công an xã, phường');
    const [open] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM handoff_items h JOIN conversations c ON c.id = h.conversation_id
        WHERE c.chat_id = 'sos-3' AND h.status = 'open'`,
    );
    expect(open.n).toBe(1);
  });

  it('marks the inbox item of someone who sounds in danger urgent, lists it first, and lets staff clear it', async () => {
    type Item = HandoffItemResponse;
    const openItems = async (): Promise<Item[]> =>
      (
        await coordinator
          .get('/api/v1/assistant/handoffs')
          .query({ status: 'open', pageSize: 100 })
          .expect(200)
      ).body.items;
    const itemOf = async (chatId: string): Promise<Item> => {
      const [row] = await t.dataSource.query(
        `SELECT h.id FROM handoff_items h JOIN conversations c ON c.id = h.conversation_id
          WHERE c.chat_id = $1 AND h.status <> 'closed'`,
        [chatId],
      );
      return (await openItems()).find((item) => item.id === row.id)!;
    };
    // A question, then "Gặp cán bộ" (the question alone may already have reached staff).
    const askForStaff = async (chatId: string, question: string) => {
      await postEvent(t.url, textEvent(chatId, question)).expect(200);
      await postEvent(t.url, actionEvent(chatId, 'handoff')).expect(200);
    };

    await askForStaff('calm-1', 'Cho em hỏi thủ tục xin thị thực du học Úc');
    const danger = (
      await postEvent(t.url, textEvent('held-1', 'em bi giu ho chieu va bi nhot o nha chu')).expect(
        200,
      )
    ).body;
    expect(danger.handoffOpened).toBe(true);
    await askForStaff('calm-2', 'Cho em hỏi về kết hôn với người Hàn Quốc');
    expect((await itemOf('held-1')).urgent).toBe(true);
    expect((await itemOf('calm-1')).urgent).toBe(false);
    expect((await itemOf('calm-2')).urgent).toBe(false);
    // Urgent first, though "calm-2" came in later; then the newest activity.
    const urgentFirst = (items: Item[]) =>
      items.findIndex((item) => !item.urgent) === -1 ||
      items.slice(items.findIndex((item) => !item.urgent)).every((item) => !item.urgent);
    let items = await openItems();
    expect(urgentFirst(items)).toBe(true);
    expect(items.indexOf(items.find((i) => i.id === danger.handoffId)!)).toBeLessThan(
      items.findIndex((i) => i.question.includes('kết hôn với người Hàn Quốc')),
    );

    // Someone already waiting for staff who then sounds in danger: the emergency route first,
    // word that the message is urgent, and the item urgent.
    const worse = (
      await postEvent(t.url, textEvent('calm-1', 'bọn nó đang đánh tôi, cứu tôi với')).expect(200)
    ).body;
    expect(texts(worse)[0]).toMatch(/113/);
    expect(texts(worse).at(-1)).toBe(
      'Tin nhắn của bạn đã được đánh dấu khẩn cấp để cán bộ xem trước.',
    );
    expect((await itemOf('calm-1')).urgent).toBe(true);
    // The list shows what the person last typed, when it is more than the question.
    expect((await itemOf('calm-1')).latestMessage).toMatchObject({
      text: 'bọn nó đang đánh tôi, cứu tôi với',
    });
    expect((await itemOf('held-1')).latestMessage).toBeNull();
    // A calm message after that is noted as before, and the item stays urgent.
    const calm = (await postEvent(t.url, textEvent('held-1', 'em ở gần cảng')).expect(200)).body;
    expect(texts(calm)).toEqual(['Đã ghi nhận, cán bộ sẽ xem tin nhắn của bạn.']);
    expect((await itemOf('held-1')).urgent).toBe(true);
    expect((await itemOf('held-1')).latestMessage?.text).toBe('em ở gần cảng');
    // A photo sent without a caption is news too: its label, as the transcript shows it.
    await postEvent(t.url, {
      ...textEvent('held-1', ''),
      type: 'file',
      fileRef: 'photo-held-1',
      fileName: 'noi-bi-nhot.jpg',
    } as never).expect(200);
    expect((await itemOf('held-1')).latestMessage?.text).toBe('[tệp: noi-bi-nhot.jpg]');
    // A button pressed is not a message sent.
    await postEvent(t.url, actionEvent('held-1', 'menu')).expect(200);
    expect((await itemOf('held-1')).latestMessage?.text).toBe('[tệp: noi-bi-nhot.jpg]');

    // Staff clear the mark (audited); the item then waits with the others.
    const held = await itemOf('held-1');
    await coordinator
      .patch(`/api/v1/assistant/handoffs/${held.id}`)
      .send({ urgent: 'yes' })
      .expect(400)
      .expect((res) => expect(res.body.details[0].field).toBe('urgent'));
    const cleared = (
      await coordinator
        .patch(`/api/v1/assistant/handoffs/${held.id}`)
        .send({ urgent: false })
        .expect(200)
    ).body;
    expect(cleared).toMatchObject({ urgent: false, status: 'open' });
    items = await openItems();
    expect(urgentFirst(items)).toBe(true);
    expect(items.find((item) => item.id === held.id)!.urgent).toBe(false);
    const [entry] = await t.dataSource.query(
      `SELECT before, after FROM audit_log WHERE entity_id = $1 AND action = 'handoff.update'`,
      [held.id],
    );
    expect([entry.before.urgent, entry.after.urgent]).toEqual([true, false]);

    // The dashboard and the console's badge count the open items that are urgent.
    const urgent = items.filter((item) => item.urgent).length;
    expect(urgent).toBeGreaterThan(0);
    const stats = (await coordinator.get('/api/v1/statistics/questions').expect(200)).body;
    expect(stats.inbox.urgent).toBe(urgent);
    const counts = (await coordinator.get('/api/v1/assistant/handoffs/counts').expect(200)).body;
    expect(counts).toEqual({ open: items.length, urgent });
    const viewer = (await signedInAs(t, 'viewer')).agent;
    await viewer.get('/api/v1/assistant/handoffs/counts').expect(403);

    // On an installation older than the mark, the migration reads each open item once: its
    // question and the person's messages in it.
    const migration = new UrgentHandoffs1767200000000();
    const runner = t.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect((await itemOf('held-1')).urgent).toBe(true);
    expect((await itemOf('calm-1')).urgent).toBe(true);
    expect((await itemOf('calm-2')).urgent).toBe(false);
  });

  it('refuses a missing or wrong service token', async () => {
    const missing = await postEvent(t.url, textEvent('c0', 'xin chào'), '').expect(401);
    expect(missing.body.code).toBe('unauthenticated');
    await postEvent(t.url, textEvent('c0', 'xin chào'), 'wrong-token-wrong-token-wrong').expect(
      401,
    );
  });

  it('welcomes on /start with the topic menu', async () => {
    const res = (await postEvent(t.url, commandEvent('c1', 'start')).expect(200)).body;
    expect(res.duplicate).toBe(false);
    expect(texts(res)[0]).toMatch(/^Xin chào!/);
    expect(actions(res)).toEqual([`topic:${topicId}`, 'near', 'co', 'tip', 'handoff']);
  });

  it('answers a question and records whether it helped', async () => {
    const res = (
      await postEvent(t.url, textEvent('c2', 'di xkld han quoc can nhung chi phi gi')).expect(200)
    ).body;
    expect(texts(res)).toHaveLength(1);
    expect(texts(res)[0]).toContain('Người lao động trả phí dịch vụ');
    expect(texts(res)[0]).toMatch(/\n\nCâu trả lời này có hữu ích không\?$/);
    expect(actions(res)).toContain(`fb:up:${labourFaq.id}`);
    const thanks = (
      await postEvent(t.url, actionEvent('c2', `fb:down:${labourFaq.id}`)).expect(200)
    ).body;
    expect(texts(thanks)[0]).toMatch(/^Cảm ơn bạn/);
    const [row] = await t.dataSource.query(`SELECT useful FROM answer_feedback WHERE faq_id = $1`, [
      labourFaq.id,
    ]);
    expect(row.useful).toBe(false);
    // The question log ties the 👎 to the question whose answer it judged.
    const log = (
      await coordinator
        .get('/api/v1/assistant/questions')
        .query({ feedback: 'not_useful', channel: 'telegram' })
        .expect(200)
    ).body;
    expect(log.items).toEqual([
      expect.objectContaining({
        text: 'di xkld han quoc can nhung chi phi gi',
        faqId: labourFaq.id,
        feedback: 'not_useful',
      }),
    ]);
  });

  it('processes a retried update once and answers it once, or again once the first delivery had its time', async () => {
    const event = textEvent('c3', 'dấu hiệu mua bán người', 'retried-1');
    const results = await Promise.all([1, 2, 3].map(() => postEvent(t.url, event).expect(200)));
    const first = results.find((r) => r.body.duplicate === false)!;
    expect(results.filter((r) => r.body.duplicate === false)).toHaveLength(1);
    expect(results.filter((r) => r.body.replies.length > 0)).toEqual([first]);
    expect(texts(first.body)[0]).toContain('Hứa hẹn việc nhẹ lương cao');

    await t.dataSource.query(
      `UPDATE bot_updates SET resend_after = now() WHERE update_id = 'retried-1'`,
    );
    const late = (await postEvent(t.url, event).expect(200)).body;
    expect(late).toMatchObject({ duplicate: true });
    expect(late.replies).toEqual(first.body.replies);
    const [stored] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM conversation_messages m JOIN conversations c ON c.id = m.conversation_id
       WHERE c.chat_id = 'c3' AND m.direction = 'in'`,
    );
    expect(stored.n).toBe(1);
    const [logged] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM question_log WHERE text = 'dấu hiệu mua bán người'`,
    );
    expect(logged.n).toBe(1);
  });

  it('forgets an update after 48 hours, so a reused update id is a new message', async () => {
    // Telegram picks update ids at random again after a week without updates.
    await postEvent(t.url, textEvent('c3a', 'dấu hiệu mua bán người', 'reused-1')).expect(200);
    await t.dataSource.query(
      `UPDATE bot_updates SET received_at = now() - interval '49 hours' WHERE update_id = 'reused-1'`,
    );
    await postEvent(t.url, textEvent('c3b', 'dấu hiệu mua bán người', 'recent-1')).expect(200);
    expect(await t.app.get(BotUpdatesRetention).prune()).toBe(1);

    const reused = (
      await postEvent(t.url, textEvent('c3c', 'dấu hiệu mua bán người', 'reused-1')).expect(200)
    ).body;
    expect(reused.duplicate).toBe(false);
    expect(texts(reused)[0]).toContain('Hứa hẹn việc nhẹ lương cao');
    const recent = (
      await postEvent(t.url, textEvent('c3b', 'dấu hiệu mua bán người', 'recent-1')).expect(200)
    ).body;
    expect(recent.duplicate).toBe(true);
  });

  it('hands an unanswered question to staff, joins the next messages, and delivers the staff reply through the outbox', async () => {
    const res = (
      await postEvent(t.url, textEvent('c4', 'Xin cấp lại giấy khai sinh bị mất thế nào?')).expect(
        200,
      )
    ).body;
    // The emergency route first, then the honest "no answer".
    expect(texts(res)[0]).toMatch(/113[^]*chuyển đến cán bộ/);
    const more = (await postEvent(t.url, textEvent('c4', 'Tôi đi từ Bắc Kạn')).expect(200)).body;
    expect(texts(more)[0]).toMatch(/^Đã ghi nhận/);

    const inbox = (
      await coordinator.get('/api/v1/assistant/handoffs').query({ status: 'open' }).expect(200)
    ).body.items;
    const item = inbox.find(
      (i: { question: string }) => i.question === 'Xin cấp lại giấy khai sinh bị mất thế nào?',
    );
    expect(item).toMatchObject({ channel: 'telegram' });
    const transcript = (
      await coordinator.get(`/api/v1/assistant/handoffs/${item.id}/messages`).expect(200)
    ).body.items;
    expect(
      transcript
        .filter((m: { direction: string }) => m.direction === 'in')
        .map((m: { text: string }) => m.text),
    ).toEqual(['Xin cấp lại giấy khai sinh bị mất thế nào?', 'Tôi đi từ Bắc Kạn']);

    const sent = (
      await coordinator
        .post(`/api/v1/assistant/handoffs/${item.id}/replies`)
        .send({ text: 'Anh hỏi bến xe tỉnh nhé.' })
        .expect(201)
    ).body;
    expect(sent.delivery).toEqual({ status: 'pending', sentAt: null, error: null });
    const deliveryOf = async () =>
      (
        await coordinator.get(`/api/v1/assistant/handoffs/${item.id}/messages`).expect(200)
      ).body.items
        .filter((m: { delivery?: object }) => m.delivery)
        .map((m: { delivery: object }) => m.delivery);
    expect(await deliveryOf()).toEqual([{ status: 'pending', sentAt: null, error: null }]);
    const claimed = (
      await botRequest(t.url)
        .claim({ channels: ['telegram'], limit: 10, leaseSeconds: 30 })
        .expect(200)
    ).body.items;
    const delivery = claimed.find((i: { chatId: string }) => i.chatId === 'c4');
    expect(delivery).toMatchObject({ kind: 'staff_reply', channel: 'telegram', attempts: 0 });
    expect(delivery.replies[0].text).toContain('Anh hỏi bến xe tỉnh nhé.');
    await botRequest(t.url).report(delivery, { outcome: 'sent' }).expect(204);
    await botRequest(t.url).report(delivery, { outcome: 'sent' }).expect(409);
    // The transcript says when the reply went out.
    expect(await deliveryOf()).toEqual([
      { status: 'sent', sentAt: expect.stringMatching(/^\d{4}-/), error: null },
    ]);

    await coordinator
      .patch(`/api/v1/assistant/handoffs/${item.id}`)
      .send({ status: 'closed' })
      .expect(200);
    const after = (
      await postEvent(t.url, textEvent('c4', 'dấu hiệu mua bán người là gì')).expect(200)
    ).body;
    expect(texts(after)[0]).toContain('Hứa hẹn việc nhẹ lương cao');
  });

  it('opens an inbox item when the person asks for staff, typed any way', async () => {
    await postEvent(t.url, textEvent('c5', 'công ty giữ hộ chiếu của tôi')).expect(200);
    const res = (await postEvent(t.url, textEvent('c5', 'gap can bo')).expect(200)).body;
    expect(texts(res)[0]).toMatch(/cán bộ/);
    const again = (await postEvent(t.url, actionEvent('c5', 'handoff')).expect(200)).body;
    expect(texts(again)[0]).toMatch(/đang chờ cán bộ/);
  });

  it('tells the bot which events opened an inbox item, so that it can limit them', async () => {
    const post = async (event: BotEvent) => (await postEvent(t.url, event).expect(200)).body;

    const unanswered = await post(textEvent('c5b', 'Gia hạn thẻ tạm trú thế nào?'));
    const joined = await post(textEvent('c5b', 'Tôi đi một mình'));
    const ended = await post(actionEvent('c5b', 'handoff:end'));
    const asked = await post(actionEvent('c5b', 'handoff'));
    const askedAgain = await post(actionEvent('c5b', 'handoff'));
    const retried = textEvent('c5c', 'Thủ tục nhập quốc tịch Việt Nam?');
    const first = await post(retried);
    const retry = await post(retried);

    expect([unanswered, joined, ended, asked, askedAgain].map((r) => r.handoffOpened)).toEqual([
      true,
      false,
      false,
      true,
      false,
    ]);
    // The retry of an event that opened one opens none: the bot counts the first answer only.
    expect(first.handoffOpened).toBe(true);
    expect(retry).toEqual({ replies: [], duplicate: true, delivering: true });
  });

  it('opens no inbox item for an event with handoffs paused, and says so politely', async () => {
    const paused = (event: BotEvent): BotEvent => ({ ...event, handoffsPaused: true });
    const post = async (event: BotEvent) => (await postEvent(t.url, event).expect(200)).body;

    const unanswered = await post(paused(textEvent('hp-1', 'Xin thị thực Schengen cần gì?')));
    const asked = await post(paused(actionEvent('hp-1', 'handoff')));
    const answered = await post(paused(textEvent('hp-1', 'dấu hiệu mua bán người là gì')));

    expect(texts(unanswered)[0]).toMatch(/chưa được chuyển đến cán bộ/);
    expect(texts(asked)[0]).toMatch(/nhiều yêu cầu gặp cán bộ từ mạng của bạn/);
    expect(texts(answered)[0]).toContain('Hứa hẹn việc nhẹ lương cao');
    expect([unanswered, asked, answered].map((r) => r.handoffOpened)).toEqual([
      false,
      false,
      false,
    ]);
    const items = await t.dataSource.query(
      `SELECT h.id FROM handoff_items h JOIN conversations c ON c.id = h.conversation_id WHERE c.chat_id = 'hp-1'`,
    );
    expect(items).toEqual([]);
    const [logged] = await t.dataSource.query(
      `SELECT status FROM question_log WHERE text = 'Xin thị thực Schengen cần gì?'`,
    );
    expect(logged).toEqual({ status: 'no_answer' });
  });

  it('subscribes with explicit consent, broadcasts to subscribers, counts deliveries, and unsubscribes with /huy', async () => {
    const tree = await createUnitTree(t);
    await postEvent(t.url, commandEvent('c6', 'dangky')).expect(200);
    await postEvent(t.url, actionEvent('c6', `sub:t:${topicId}`)).expect(200);
    const consent = (
      await postEvent(t.url, actionEvent('c6', `sub:l:${tree.wardA.id}`)).expect(200)
    ).body;
    expect(texts(consent)[0]).toMatch(/Bạn đồng ý nhận tin/);
    expect(
      (await postEvent(t.url, actionEvent('c6', 'sub:ok')).expect(200)).body.replies[0].text,
    ).toMatch(/Đã đăng ký/);
    const [sub] = await t.dataSource.query(
      `SELECT consent_text, topic_id, locality_id FROM subscriptions s JOIN conversations c ON c.id = s.conversation_id WHERE c.chat_id = 'c6'`,
    );
    expect(sub).toMatchObject({
      topic_id: topicId,
      locality_id: tree.wardA.id,
      consent_text: expect.stringMatching(/đồng ý/),
    });

    const article = (
      await editor
        .post('/api/v1/knowledge/articles')
        .send({
          kind: 'warning',
          title: 'Cảnh báo tuyển lao động trái phép',
          body: 'Không nộp tiền cho người môi giới tự do.',
          status: 'published',
          topicId,
        })
        .expect(201)
    ).body;
    // The estimate before sending counts the same people the sending reaches.
    const audience = (at: string) =>
      coordinator.get('/api/v1/broadcasts/audience').query({ topicId, localityId: at });
    expect((await audience(tree.wardA.id).expect(200)).body).toEqual({
      total: 1,
      byChannel: { telegram: 1, zalo: 0 },
    });
    expect((await audience(tree.wardB.id).expect(200)).body.total).toBe(0);
    await editor.get('/api/v1/broadcasts/audience').expect(200);
    await coordinator
      .get('/api/v1/broadcasts/audience')
      .query({ localityId: 'not-a-uuid' })
      .expect(400);

    const broadcast = (
      await coordinator
        .post('/api/v1/broadcasts')
        .send({ articleId: article.id, localityId: tree.wardA.id })
        .expect(201)
    ).body;
    expect(broadcast.counts).toMatchObject({ total: 1, queued: 1, sent: 0 });
    const elsewhere = (
      await coordinator
        .post('/api/v1/broadcasts')
        .send({ articleId: article.id, localityId: tree.wardB.id })
        .expect(201)
    ).body;
    expect(elsewhere.counts.total).toBe(0);

    const [item] = (
      await botRequest(t.url)
        .claim({ channels: ['telegram'], limit: 10, leaseSeconds: 30 })
        .expect(200)
    ).body.items;
    expect(item).toMatchObject({ kind: 'broadcast', chatId: 'c6' });
    expect(item.replies[0].text).toMatch(/^⚠️ \*\*Cảnh báo tuyển lao động trái phép\*\*/);
    await botRequest(t.url).report(item, { outcome: 'sent' }).expect(204);
    expect(
      (await coordinator.get(`/api/v1/broadcasts/${broadcast.id}`).expect(200)).body.counts,
    ).toMatchObject({ sent: 1, queued: 0 });

    expect(texts((await postEvent(t.url, commandEvent('c6', 'huy')).expect(200)).body)[0]).toMatch(
      /thôi nhận/,
    );
    // Nothing left to cancel: said so, not "cancelled" again.
    expect(texts((await postEvent(t.url, commandEvent('c6', 'huy')).expect(200)).body)[0]).toMatch(
      /chưa đăng ký/,
    );
    const later = (
      await coordinator.post('/api/v1/broadcasts').send({ articleId: article.id }).expect(201)
    ).body;
    expect(later.counts.total).toBe(0);
  });

  it('answers stickers, emoji-only text and a flood politely, and cuts huge texts', async () => {
    const sticker = (
      await postEvent(t.url, {
        channel: 'telegram',
        updateId: 'st-1',
        chatId: 'c7',
        user: { id: 'c7' },
        type: 'unsupported',
        what: 'sticker',
      }).expect(200)
    ).body;
    expect(texts(sticker)[0]).toMatch(/chỉ đọc được tin nhắn chữ/);
    expect(texts((await postEvent(t.url, textEvent('c7', '😀😀🙏')).expect(200)).body)[0]).toMatch(
      /chỉ đọc được tin nhắn chữ/,
    );
    await postEvent(t.url, textEvent('c7', 'hộ chiếu '.repeat(3000))).expect(200);
    const statuses = [];
    for (let i = 0; i < 22; i++)
      statuses.push(
        texts((await postEvent(t.url, commandEvent('c7', 'help')).expect(200)).body)[0] ?? '',
      );
    expect(statuses.filter((s) => /nhắn hơi nhanh/.test(s))).toHaveLength(1);
    expect(statuses.at(-1)).toBe('');
  });

  it('handles a batch of chats in one request: in order per chat, a repeat once, a bad event refused alone', async () => {
    const first = textEvent('b1', 'đi xuất khẩu lao động Hàn Quốc cần chi phí gì');
    const res = await postEvents(t.url, [
      first,
      commandEvent('b2', 'start'),
      textEvent('b1', 'dấu hiệu mua bán người là gì'),
      { ...textEvent('b3', 'x'), text: undefined } as never,
      first,
    ]).expect(200);

    const [answer, welcome, second, refused, repeat] = res.body.results;
    expect(texts(answer)[0]).toContain('Người lao động trả phí dịch vụ');
    expect(texts(welcome)[0]).toMatch(/Xin chào/);
    expect(texts(second)[0]).toContain('Hứa hẹn việc nhẹ lương cao');
    expect(refused.error).toMatchObject({
      code: 'validation_failed',
      details: [expect.objectContaining({ field: 'text' })],
    });
    expect(repeat).toEqual({ replies: [], duplicate: true, delivering: true });
    const transcript = (await botRequest(t.url).messages('telegram', 'b1').expect(200)).body.items;
    expect(transcript.map((m: { direction: string }) => m.direction)).toEqual([
      'in',
      'out',
      'in',
      'out',
    ]);
    expect(transcript[2].text).toBe('dấu hiệu mua bán người là gì');
    const [stored] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM bot_updates WHERE update_id = $1`,
      [first.updateId],
    );
    expect(stored.n).toBe(1);
  });

  it('in one batch, lets later messages of a chat see what its earlier ones wrote', async () => {
    const res = await postEvents(t.url, [
      textEvent('b4', 'Gia hạn thẻ tạm trú cho vợ thế nào?'),
      textEvent('b4', 'Con tôi 2 tuổi'),
      textEvent('b5', 'dấu hiệu mua bán người là gì'),
      textEvent('b5', 'gap can bo'),
    ]).expect(200);

    expect(res.body.results.map((r: { replies: unknown[] }) => texts(r as never)[0])).toEqual([
      expect.stringMatching(/chuyển đến cán bộ/),
      expect.stringMatching(/^Đã ghi nhận/),
      expect.stringContaining('Hứa hẹn việc nhẹ lương cao'),
      expect.stringMatching(/cán bộ/),
    ]);
    const items: { question: string; joined: number }[] = await t.dataSource.query(
      `SELECT h.question, (SELECT count(*)::int FROM conversation_messages m WHERE m.handoff_id = h.id) AS joined
       FROM handoff_items h JOIN conversations c ON c.id = h.conversation_id
       WHERE c.chat_id IN ('b4', 'b5') ORDER BY c.chat_id`,
    );
    expect(items).toEqual([
      { question: 'Gia hạn thẻ tạm trú cho vợ thế nào?', joined: 4 },
      // "Gặp cán bộ" without a question of its own takes the chat's last messages, here the
      // question asked earlier in the same batch.
      { question: 'dấu hiệu mua bán người là gì', joined: 2 },
    ]);
  });

  it('keeps control characters out of the database: dropped from texts and names, ids refused, never a 500', async () => {
    const res = (
      await postEvent(t.url, {
        ...textEvent('nul-1', 'dấu hiệu mua bán\u0000 người là gì'),
        user: { id: 'nul-1', displayName: 'Người\u0000 dân' },
      }).expect(200)
    ).body;
    expect(texts(res)[0]).toContain('Hứa hẹn việc nhẹ lương cao');
    const [row] = await t.dataSource.query(
      `SELECT c.display_name, m.text FROM conversations c JOIN conversation_messages m ON m.conversation_id = c.id
       WHERE c.chat_id = 'nul-1' AND m.direction = 'in'`,
    );
    expect(row).toEqual({ display_name: 'Người dân', text: 'dấu hiệu mua bán người là gì' });

    const badChat = await postEvent(t.url, textEvent('a\u0000b', 'xin chào')).expect(400);
    expect(badChat.body.details).toContainEqual({
      field: 'chatId',
      message: 'chatId must not contain control characters',
    });

    const batch = (
      await postEvents(t.url, [
        textEvent('nul-2', 'xin\u0000 chào'),
        textEvent('a\u0000b', 'xin chào'),
      ]).expect(200)
    ).body.results;
    expect(batch[0]).toMatchObject({ duplicate: false });
    expect(batch[1].error).toMatchObject({ code: 'validation_failed' });

    await postEvent(t.url, textEvent('nul-3', 'Làm lại căn cước công dân bị mất?')).expect(200);
    const [item] = await t.dataSource.query(
      `SELECT h.id FROM handoff_items h JOIN conversations c ON c.id = h.conversation_id WHERE c.chat_id = 'nul-3'`,
    );
    const reply = await coordinator
      .post(`/api/v1/assistant/handoffs/${item.id}/replies`)
      .send({ text: 'Anh\u0000 hỏi ga Vinh nhé.' })
      .expect(201);
    expect(reply.body.reply.text).toMatch(/\nAnh hỏi ga Vinh nhé\.$/);

    const huge = await botRequest(t.url)
      .messages('web', 'x', '99999999999999999999' as never)
      .expect(400);
    expect(huge.body.details[0].field).toBe('after');
  });

  it('refuses a staff reply of only spaces or zero-width characters, and sends nothing', async () => {
    await postEvent(t.url, textEvent('ws-1', 'Xin thị thực Schengen cho con cần gì?')).expect(200);
    const [item] = await t.dataSource.query(
      `SELECT h.id FROM handoff_items h JOIN conversations c ON c.id = h.conversation_id WHERE c.chat_id = 'ws-1'`,
    );
    for (const text of ['   \n\t ', '\u200B', ' \u200B\uFEFF ']) {
      const res = await coordinator
        .post(`/api/v1/assistant/handoffs/${item.id}/replies`)
        .send({ text })
        .expect(400);
      expect(res.body.details).toEqual([{ field: 'text', message: 'text must not be empty' }]);
    }
    const [sent] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox WHERE chat_id = 'ws-1'`,
    );
    expect(sent.n).toBe(0);
  });

  it('offers every topic with published FAQs, in Vietnamese alphabetical order, in the menu and the subscription list', async () => {
    const names = [
      'Tư vấn pháp lý',
      'Đăng ký cư trú',
      'An toàn trên mạng',
      'Ăn ở và sinh hoạt',
      'Dấu hiệu lừa đảo',
      'Hộ chiếu',
      'Học tập ở nước ngoài',
      'Kết hôn có yếu tố nước ngoài',
      'Lao động thời vụ',
      'Mua bán người',
      'Nhập cảnh',
      'Ổn định cuộc sống khi trở về',
      'Quyền lợi người lao động',
      'Ô tô và đi lại',
      'Chủ đề chưa có câu hỏi đăng',
    ];
    const ids = new Map<string, string>();
    for (const name of names) {
      const [topic] = await t.dataSource.query(
        `INSERT INTO topics (name) VALUES ($1) RETURNING id`,
        [name],
      );
      ids.set(topic.id, name);
      await t.dataSource.query(
        `INSERT INTO faqs (topic_id, question, answer, status) VALUES ($1, $2, 'Trả lời.', $3)`,
        [topic.id, `Câu hỏi về ${name}`, name.startsWith('Chủ đề chưa') ? 'draft' : 'published'],
      );
    }
    const shown = (body: Parameters<typeof actions>[0]) =>
      actions(body)
        .filter((a) => /^(topic|sub:t):[0-9a-f-]{36}$/.test(a))
        .map((a) => ids.get(a.split(':').at(-1)!) ?? 'Đi làm việc ở nước ngoài');
    const expected = [
      'An toàn trên mạng',
      'Ăn ở và sinh hoạt',
      'Dấu hiệu lừa đảo',
      'Đăng ký cư trú',
      'Đi làm việc ở nước ngoài',
      // o, ô and ơ are three letters, in that order.
      'Học tập ở nước ngoài',
      'Hộ chiếu',
      'Kết hôn có yếu tố nước ngoài',
      'Lao động thời vụ',
      'Mua bán người',
      'Nhập cảnh',
      'Ô tô và đi lại',
      'Ổn định cuộc sống khi trở về',
      'Quyền lợi người lao động',
      'Tư vấn pháp lý',
    ];
    const menu = (await postEvent(t.url, commandEvent('menu-1', 'menu')).expect(200)).body;
    expect(shown(menu)).toEqual(expected);
    const subscribe = (await postEvent(t.url, commandEvent('menu-1', 'dangky')).expect(200)).body;
    expect(shown(subscribe)).toEqual(expected);

    // Zalo shows five buttons a message: the menu goes in pages of 5 (with "more", "Tìm nơi hỗ
    // trợ", "Kiểm tra doanh nghiệp", "Báo tin cho Công an" and staff: two messages), the
    // subscription list offers the first 13 besides "all topics".
    const zalo = (event: BotEvent): BotEvent => ({ ...event, channel: 'zalo' });
    const first = (await postEvent(t.url, zalo(commandEvent('menu-z', 'menu'))).expect(200)).body;
    expect(shown(first)).toEqual(expected.slice(0, 5));
    expect(actions(first)).toContain('menu:1');
    expect(actions(first)).toContain('tip');
    const second = (await postEvent(t.url, zalo(actionEvent('menu-z', 'menu:1'))).expect(200)).body;
    expect(shown(second)).toEqual(expected.slice(5, 10));
    expect(actions(second)).toContain('menu:2');
    const last = (await postEvent(t.url, zalo(actionEvent('menu-z', 'menu:2'))).expect(200)).body;
    expect(shown(last)).toEqual(expected.slice(10));
    expect(actions(last)).toContain('menu');
    const zaloSubscribe = (
      await postEvent(t.url, zalo(commandEvent('menu-z', 'dangky'))).expect(200)
    ).body;
    expect(shown(zaloSubscribe)).toEqual(expected.slice(0, 13));
  });

  it('refuses a reply to a closed item, and a reply to an older item does not take the conversation from the open one', async () => {
    const items = async () =>
      (await t.dataSource.query(
        `SELECT h.id, h.status FROM handoff_items h JOIN conversations c ON c.id = h.conversation_id
         WHERE c.chat_id = 'old-1' ORDER BY h.created_at`,
      )) as { id: string; status: string }[];
    await postEvent(t.url, textEvent('old-1', 'gap can bo')).expect(200);
    const [a] = await items();
    await coordinator
      .patch(`/api/v1/assistant/handoffs/${a.id}`)
      .send({ status: 'closed' })
      .expect(200);
    await postEvent(t.url, textEvent('old-1', 'gap can bo')).expect(200);
    const [, b] = await items();

    const late = await coordinator
      .post(`/api/v1/assistant/handoffs/${a.id}/replies`)
      .send({ text: 'Trả lời muộn' })
      .expect(409);
    expect(late.body).toMatchObject({ code: 'conflict', message: expect.stringMatching(/closed/) });
    expect(await items()).toEqual([
      { id: a.id, status: 'closed' },
      { id: b.id, status: 'open' },
    ]);

    // An item the person left (Kết thúc) but staff did not close, answered while a newer one is open.
    await postEvent(t.url, actionEvent('old-1', 'handoff:end')).expect(200);
    await postEvent(t.url, textEvent('old-1', 'gap can bo')).expect(200);
    const [, , c] = await items();
    await coordinator
      .post(`/api/v1/assistant/handoffs/${b.id}/replies`)
      .send({ text: 'Trả lời mục cũ' })
      .expect(201);
    const [conversation] = await t.dataSource.query(
      `SELECT state->>'handoffId' AS "handoffId" FROM conversations WHERE chat_id = 'old-1'`,
    );
    expect(conversation.handoffId).toBe(c.id);
    await postEvent(t.url, textEvent('old-1', 'Thông tin thêm')).expect(200);
    const [joined] = await t.dataSource.query(
      `SELECT handoff_id FROM conversation_messages WHERE text = 'Thông tin thêm'`,
    );
    expect(joined.handoff_id).toBe(c.id);
  });

  it('closes an item once: closing it again changes nothing and writes no second audit entry', async () => {
    await postEvent(t.url, textEvent('close-1', 'gap can bo')).expect(200);
    const [item] = await t.dataSource.query(
      `SELECT h.id FROM handoff_items h JOIN conversations c ON c.id = h.conversation_id WHERE c.chat_id = 'close-1'`,
    );
    const first = (
      await coordinator
        .patch(`/api/v1/assistant/handoffs/${item.id}`)
        .send({ status: 'closed' })
        .expect(200)
    ).body;
    await new Promise((r) => setTimeout(r, 20));
    const second = (
      await coordinator
        .patch(`/api/v1/assistant/handoffs/${item.id}`)
        .send({ status: 'closed' })
        .expect(200)
    ).body;
    expect(second).toEqual(first);
    const [audit] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'handoff.update' AND entity_id = $1`,
      [item.id],
    );
    expect(audit.n).toBe(1);
  });

  it('answers a stale or forged button politely with the list again, never a 400 or 500, and never widens a subscription', async () => {
    const ghost = '00000000-0000-4000-8000-000000000000';
    for (const action of [
      'topic:xyz',
      `topic:${ghost}`,
      'fb:up:xyz',
      `fb:down:${ghost}`,
      'faq:xyz',
    ]) {
      const res = (await postEvent(t.url, actionEvent('stale-1', action)).expect(200)).body;
      expect(texts(res)[0]).toMatch(/^Lựa chọn này không còn nữa/);
      expect(actions(res)).toContain(`topic:${topicId}`);
    }
    const batch = (
      await postEvents(t.url, [
        actionEvent('stale-1', 'topic:xyz'),
        actionEvent('stale-1', 'fb:up:xyz'),
      ]).expect(200)
    ).body.results;
    expect(batch.map((r: { replies: unknown[] }) => texts(r as never)[0])).toEqual([
      expect.stringMatching(/^Lựa chọn này không còn nữa/),
      expect.stringMatching(/^Lựa chọn này không còn nữa/),
    ]);
    const [feedback] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM answer_feedback f JOIN conversations c ON c.id = f.conversation_id WHERE c.chat_id = 'stale-1'`,
    );
    expect(feedback.n).toBe(0);

    // Subscriptions: an unknown topic or area is chosen again, an area without a topic starts over.
    const tree = await createUnitTree(t);
    const say = async (action: string) =>
      (await postEvent(t.url, actionEvent('stale-2', action)).expect(200)).body;
    await say('sub');
    expect(texts(await say('sub:t:xyz'))[0]).toMatch(/^Lựa chọn này không còn nữa/);
    const unknownTopic = await say(`sub:t:${ghost}`);
    expect(texts(unknownTopic)[0]).toMatch(/^Lựa chọn này không còn nữa/);
    expect(actions(unknownTopic)).toContain('sub:t:all');
    expect(texts(await say('sub:l:xyz'))[0]).toMatch(/nhận cảnh báo, thông tin mới về chủ đề nào/);
    expect(texts(await say('sub:ok'))[0]).toMatch(/nhận cảnh báo, thông tin mới về chủ đề nào/);

    await t.dataSource.query(`UPDATE units SET deleted_at = now() WHERE id = $1`, [tree.wardB.id]);
    await say(`sub:t:${topicId}`);
    const deletedArea = await say(`sub:l:${tree.wardB.id}`);
    expect(texts(deletedArea)[0]).toMatch(/^Lựa chọn này không còn nữa/);
    expect(actions(deletedArea)).not.toContain(`sub:l:${tree.wardB.id}`);
    expect(texts(await say(`sub:l:${tree.province.id}`))[0]).toMatch(/^Lựa chọn này không còn nữa/);
    // Deleted between the choice and the consent.
    expect(texts(await say(`sub:l:${tree.wardA.id}`))[0]).toMatch(/Bạn đồng ý nhận tin/);
    await t.dataSource.query(`UPDATE units SET deleted_at = now() WHERE id = $1`, [tree.wardA.id]);
    expect(texts(await say('sub:ok'))[0]).toMatch(/^Lựa chọn này không còn nữa/);

    const [subscriptions] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM subscriptions s JOIN conversations c ON c.id = s.conversation_id WHERE c.chat_id = 'stale-2'`,
    );
    expect(subscriptions.n).toBe(0);
  });

  it('in the web chat, says alerts come on Zalo and Telegram instead of subscribing, and its help does not offer /dangky', async () => {
    const web = <T extends object>(e: T) => ({ ...e, channel: 'web' as const });
    const say = async (event: BotEvent) =>
      texts((await postEvent(t.url, web(event)).expect(200)).body)[0];
    for (const event of [
      commandEvent('web-1', 'dangky'),
      actionEvent('web-1', 'sub'),
      actionEvent('web-1', 'sub:t:all'),
      actionEvent('web-1', 'sub:l:all'),
      actionEvent('web-1', 'sub:ok'),
      commandEvent('web-1', 'huy'),
    ]) {
      expect(await say(event)).toMatch(/chỉ gửi qua Zalo và Telegram/);
    }
    const [subscriptions] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM subscriptions s JOIN conversations c ON c.id = s.conversation_id WHERE c.chat_id = 'web-1'`,
    );
    expect(subscriptions.n).toBe(0);

    const webHelp = await say(commandEvent('web-1', 'help'));
    expect(webHelp).not.toMatch(/\/dangky|\/huy/);
    expect(webHelp).toMatch(/Zalo và Telegram/);
    expect(
      texts((await postEvent(t.url, commandEvent('tg-help', 'help')).expect(200)).body)[0],
    ).toMatch(/\/dangky/);
  });

  it('refuses a broadcast to an unknown topic, an unknown area or a deleted one, naming the field', async () => {
    const article = (
      await editor
        .post('/api/v1/knowledge/articles')
        .send({
          kind: 'article',
          title: 'Thông tin thử',
          body: 'Nội dung thông tin thử.',
          status: 'published',
        })
        .expect(201)
    ).body;
    const ghost = '00000000-0000-4000-8000-000000000000';
    const tree = await createUnitTree(t);
    await t.dataSource.query(`UPDATE units SET deleted_at = now() WHERE id = $1`, [tree.wardA.id]);
    const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM broadcasts`);

    const topic = await coordinator
      .post('/api/v1/broadcasts')
      .send({ articleId: article.id, topicId: ghost })
      .expect(400);
    expect(topic.body).toMatchObject({
      code: 'validation_failed',
      message: expect.stringMatching(/topicId names no topic/),
      details: [{ field: 'topicId', message: expect.stringMatching(/GET \/knowledge\/topics/) }],
    });
    const area = await coordinator
      .post('/api/v1/broadcasts')
      .send({ articleId: article.id, localityId: ghost })
      .expect(400);
    expect(area.body.details).toEqual([
      { field: 'localityId', message: expect.stringMatching(/names no unit/) },
    ]);
    const deleted = await coordinator
      .post('/api/v1/broadcasts')
      .send({ articleId: article.id, topicId: ghost, localityId: tree.wardA.id })
      .expect(400);
    expect(deleted.body.details.map((d: { field: string }) => d.field)).toEqual([
      'topicId',
      'localityId',
    ]);
    expect(deleted.body.details[1].message).toMatch(/deleted unit/);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM broadcasts`)).toEqual(before);
  });

  it('gives an inbox item the question the person typed since their last item closed, without commands or buttons', async () => {
    const question = async (chat: string) =>
      (
        await t.dataSource.query(
          `SELECT h.question FROM handoff_items h JOIN conversations c ON c.id = h.conversation_id
           WHERE c.chat_id = $1 ORDER BY h.created_at DESC LIMIT 1`,
          [chat],
        )
      )[0].question;
    const close = async (chat: string) => {
      const [item] = await t.dataSource.query(
        `SELECT h.id FROM handoff_items h JOIN conversations c ON c.id = h.conversation_id
         WHERE c.chat_id = $1 AND h.status <> 'closed'`,
        [chat],
      );
      await coordinator
        .patch(`/api/v1/assistant/handoffs/${item.id}`)
        .send({ status: 'closed' })
        .expect(200);
    };

    await postEvent(t.url, commandEvent('q-1', 'start')).expect(200);
    await postEvent(t.url, actionEvent('q-1', `topic:${topicId}`)).expect(200);
    await postEvent(t.url, actionEvent('q-1', 'sub:t:all')).expect(200);
    await postEvent(t.url, actionEvent('q-1', 'handoff')).expect(200);
    expect(await question('q-1')).toBe('(Người dân bấm “Gặp cán bộ” mà chưa nhập câu hỏi)');

    await postEvent(t.url, textEvent('q-2', 'dấu hiệu mua bán người là gì')).expect(200);
    await postEvent(t.url, textEvent('q-2', 'gap can bo')).expect(200);
    expect(await question('q-2')).toBe('dấu hiệu mua bán người là gì');
    await close('q-2');
    await postEvent(t.url, commandEvent('q-2', 'menu')).expect(200);
    await postEvent(t.url, textEvent('q-2', 'gap can bo')).expect(200);
    expect(await question('q-2')).toBe('(Người dân bấm “Gặp cán bộ” mà chưa nhập câu hỏi)');
    await close('q-2');
    await postEvent(t.url, textEvent('q-2', 'di xkld han quoc can nhung chi phi gi')).expect(200);
    await postEvent(t.url, actionEvent('q-2', `fb:down:${labourFaq.id}`)).expect(200);
    await postEvent(t.url, commandEvent('q-2', 'canbo')).expect(200);
    expect(await question('q-2')).toBe('di xkld han quoc can nhung chi phi gi');

    // What was typed with a photo counts; the file's label does not.
    await postEvent(t.url, {
      ...textEvent('q-3', ''),
      type: 'file',
      fileRef: 'photo-1',
      fileName: 'hop-dong.jpg',
      caption: 'Hợp đồng này có hợp pháp không?',
    } as never).expect(200);
    await postEvent(t.url, {
      ...textEvent('q-3', ''),
      type: 'file',
      fileRef: 'photo-2',
    } as never).expect(200);
    await postEvent(t.url, actionEvent('q-3', 'handoff')).expect(200);
    expect(await question('q-3')).toBe('Hợp đồng này có hợp pháp không?');
  });

  it('lists broadcasts newest first, paginated, with their counts, for the roles that may read one', async () => {
    const article = (
      await editor
        .post('/api/v1/knowledge/articles')
        .send({
          kind: 'article',
          title: 'Tin liệt kê',
          body: 'Nội dung tin liệt kê.',
          status: 'published',
        })
        .expect(201)
    ).body;
    const sent: { id: string }[] = [];
    for (let i = 0; i < 3; i++) {
      sent.push(
        (await coordinator.post('/api/v1/broadcasts').send({ articleId: article.id }).expect(201))
          .body,
      );
    }
    const viewer = (await signedInAs(t, 'viewer')).agent;
    const page = (await viewer.get('/api/v1/broadcasts').query({ pageSize: 2 }).expect(200)).body;
    const [total] = await t.dataSource.query(`SELECT count(*)::int AS n FROM broadcasts`);
    expect(page).toMatchObject({ total: total.n, page: 1, pageSize: 2 });
    expect(page.items.map((b: { id: string }) => b.id)).toEqual([sent[2].id, sent[1].id]);
    expect(page.items[0]).toEqual(
      (await viewer.get(`/api/v1/broadcasts/${sent[2].id}`).expect(200)).body,
    );
    // Leaders read broadcasts; the estimate is for those who send them.
    await viewer.get('/api/v1/broadcasts/audience').expect(403);
    expect(page.items[0].counts).toEqual({
      queued: expect.any(Number),
      sending: expect.any(Number),
      sent: expect.any(Number),
      failed: expect.any(Number),
      unreachable: expect.any(Number),
      total: expect.any(Number),
    });
    const next = (
      await viewer.get('/api/v1/broadcasts').query({ pageSize: 2, page: 2 }).expect(200)
    ).body;
    expect(next.items[0].id).toBe(sent[0].id);
    const reporter = (
      await signedInAs(t, 'unit_reporter', { unitId: (await createUnitTree(t)).wardA.id })
    ).agent;
    await reporter.get('/api/v1/broadcasts').expect(403);
  });

  it('refuses an empty batch and one over the limit', async () => {
    const empty = await postEvents(t.url, []).expect(400);
    expect(empty.body.details[0]).toMatchObject({ field: 'events' });
    const many = Array.from({ length: 101 }, (_, i) => textEvent(`m${i}`, 'xin chào'));
    await postEvents(t.url, many).expect(400);
  });

  it('refuses a malformed event with the fields to fix', async () => {
    const res = await postEvent(t.url, {
      channel: 'fax',
      updateId: '',
      chatId: 'c8',
      user: {},
      type: 'text',
    } as never).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(
      expect.arrayContaining(['channel', 'updateId', 'user.id', 'text']),
    );
  });

  it('counts a broadcast’s unreachable recipients apart, and shows the inbox the person’s locality', async () => {
    const tree = await createUnitTree(t);
    for (const chatId of ['far-1', 'far-2']) {
      await postEvent(t.url, commandEvent(chatId, 'dangky')).expect(200);
      await postEvent(t.url, actionEvent(chatId, `sub:t:${topicId}`)).expect(200);
      await postEvent(t.url, actionEvent(chatId, `sub:l:${tree.wardB.id}`)).expect(200);
      await postEvent(t.url, actionEvent(chatId, 'sub:ok')).expect(200);
    }
    const article = (
      await editor
        .post('/api/v1/knowledge/articles')
        .send({
          kind: 'article',
          title: 'Tin cho phường Sông Cầu',
          body: 'Nội dung tin cho phường.',
          status: 'published',
        })
        .expect(201)
    ).body;
    const broadcast = (
      await coordinator
        .post('/api/v1/broadcasts')
        .send({ articleId: article.id, localityId: tree.wardB.id })
        .expect(201)
    ).body;
    expect(broadcast.counts).toEqual({
      queued: 2,
      sending: 0,
      sent: 0,
      failed: 0,
      unreachable: 0,
      total: 2,
    });
    const items = (
      await botRequest(t.url)
        .claim({ channels: ['telegram'], limit: 100, leaseSeconds: 30 })
        .expect(200)
    ).body.items as { id: string; claimId: string; chatId: string; kind: string }[];
    const itemOf = (chatId: string) =>
      items.find((i) => i.kind === 'broadcast' && i.chatId === chatId)!;
    // far-1 blocked the bot; far-2's message was refused as such (the person can still be reached).
    await botRequest(t.url)
      .report(itemOf('far-1'), { outcome: 'failed', error: '403: bot was blocked by the user' })
      .expect(204);
    await botRequest(t.url)
      .report(itemOf('far-2'), { outcome: 'rejected', error: '400: message is too long' })
      .expect(204);
    expect(
      (await coordinator.get(`/api/v1/broadcasts/${broadcast.id}`).expect(200)).body.counts,
    ).toEqual({ queued: 0, sending: 0, sent: 0, failed: 1, unreachable: 1, total: 2 });

    // far-2 asks for staff: the inbox item names the ward they subscribed with.
    await postEvent(t.url, textEvent('far-2', 'Tôi muốn hỏi về hộ chiếu cho con')).expect(200);
    await postEvent(t.url, actionEvent('far-2', 'handoff')).expect(200);
    await postEvent(t.url, textEvent('no-sub-1', 'Tôi muốn hỏi về thẻ tạm trú')).expect(200);
    await postEvent(t.url, actionEvent('no-sub-1', 'handoff')).expect(200);
    const inbox = (
      await coordinator.get('/api/v1/assistant/handoffs').query({ pageSize: 100 }).expect(200)
    ).body.items as { question: string; locality: unknown }[];
    expect(inbox.find((i) => i.question.includes('hộ chiếu cho con'))?.locality).toEqual({
      id: tree.wardB.id,
      name: 'Phường Sông Cầu',
    });
    expect(inbox.find((i) => i.question.includes('thẻ tạm trú'))?.locality).toBeNull();
  });
});

describe('the outbox with several bot instances', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ BOT_SERVICE_TOKEN: BOT_TOKEN });
  });
  afterAll(() => t.close());

  type Claimed = {
    id: string;
    claimId: string;
    chatId: string;
    attempts: number;
    sentParts: number;
    replies: { text: string }[];
  };
  const bot = () => botRequest(t.url);
  const claim = async (channel: string, limit = 10, leaseSeconds = 30): Promise<Claimed[]> =>
    (
      await bot()
        .claim({ channels: [channel], limit, leaseSeconds })
        .expect(200)
    ).body.items;
  const textsOf = (items: Claimed[]) => items.map((i) => i.replies[0].text);
  const queue = (channel: string, chatId: string, ...texts: string[]) =>
    t.dataSource.query(
      `INSERT INTO outbox (kind, channel, chat_id, replies, created_at)
       SELECT 'broadcast', $1, $2, jsonb_build_array(jsonb_build_object('type', 'text', 'text', x.text)),
         now() + x.n * interval '1 millisecond'
       FROM unnest($3::text[]) WITH ORDINALITY AS x(text, n)`,
      [channel, chatId, texts],
    );
  const expireLease = (id: string) =>
    t.dataSource.query(
      `UPDATE outbox SET lease_until = now() - interval '1 second' WHERE id = $1`,
      [id],
    );

  it('gives each message to one instance only, retries after retry_after, and gives up on a permanent failure', async () => {
    const values = Array.from(
      { length: 60 },
      (_, i) => `('broadcast', 'telegram', 'chat-${i}', '[{"type":"text","text":"Tin ${i}"}]')`,
    ).join(',');
    await t.dataSource.query(
      `INSERT INTO outbox (kind, channel, chat_id, replies) VALUES ${values}`,
    );
    const claims = await Promise.all([1, 2, 3, 4].map(() => claim('telegram', 25)));
    const items = claims.flat();
    expect(items).toHaveLength(60);
    expect(new Set(items.map((i) => i.id)).size).toBe(60);

    await bot().report(items[0], { outcome: 'retry', retryAfterSeconds: 1 }).expect(204);
    await bot()
      .report(items[1], { outcome: 'failed', error: '403: bot was blocked by the user' })
      .expect(204);
    expect(await claim('telegram')).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 1100));
    const retried = await claim('telegram');
    expect(retried.map((i) => i.id)).toEqual([items[0].id]);
    expect(retried[0].attempts).toBe(1);
    const [failed] = await t.dataSource.query(
      `SELECT status, last_error FROM outbox WHERE id = $1`,
      [items[1].id],
    );
    expect(failed).toEqual({ status: 'failed', last_error: '403: bot was blocked by the user' });
  });

  it('keeps one chat with one instance at a time', async () => {
    await queue('zalo', 'same-chat', 'Một', 'Hai');
    const first = await claim('zalo', 1, 5);
    expect(textsOf(first)).toEqual(['Một']);
    expect(await claim('zalo', 10, 5)).toEqual([]);
    await bot().report(first[0], { outcome: 'sent' }).expect(204);
    expect(textsOf(await claim('zalo', 10, 5))).toEqual(['Hai']);
  });

  it('fails a rejected message without marking the chat unreachable, unlike a failed one', async () => {
    await postEvent(t.url, textEvent('rejected-chat', 'Xin chào')).expect(200);
    await postEvent(t.url, textEvent('blocked-chat', 'Xin chào')).expect(200);
    await queue('telegram', 'rejected-chat', 'Tin quá dài');
    await queue('telegram', 'blocked-chat', 'Tin mới');
    const items = await claim('telegram');
    const itemOf = (chatId: string) => items.find((i) => i.chatId === chatId)!;

    await bot()
      .report(itemOf('rejected-chat'), {
        outcome: 'rejected',
        error: '400: Bad Request: message is too long',
      })
      .expect(204);
    await bot()
      .report(itemOf('blocked-chat'), {
        outcome: 'failed',
        error: '403: bot was blocked by the user',
      })
      .expect(204);

    const rows: { chat_id: string; status: string; unreachable: boolean }[] =
      await t.dataSource.query(
        `SELECT o.chat_id, o.status, c.unreachable_at IS NOT NULL AS unreachable FROM outbox o
         JOIN conversations c ON c.channel = o.channel AND c.chat_id = o.chat_id
         WHERE o.id = ANY($1) ORDER BY o.chat_id`,
        [[itemOf('rejected-chat').id, itemOf('blocked-chat').id]],
      );
    expect(rows).toEqual([
      { chat_id: 'blocked-chat', status: 'failed', unreachable: true },
      { chat_id: 'rejected-chat', status: 'failed', unreachable: false },
    ]);
  });

  it('takes a late report while nobody claimed the message again, and refuses it once somebody did', async () => {
    await postEvent(t.url, commandEvent('late-chat', 'start')).expect(200);
    await queue('telegram', 'late-chat', 'Trễ', 'Lại trễ');
    const [slow, slower] = await claim('telegram', 10, 5);
    expect(textsOf([slow, slower])).toEqual(['Trễ', 'Lại trễ']);
    await expireLease(slow.id);
    // Sent after all, just after the lease ran out: that still counts.
    await bot().report(slow, { outcome: 'sent' }).expect(204);

    await expireLease(slower.id);
    const [again] = await claim('telegram', 10, 30);
    expect(again).toMatchObject({ id: slower.id, attempts: 1 });
    const late = await bot()
      .report(slower, { outcome: 'failed', error: '403: Forbidden' })
      .expect(409);
    expect(late.body.code).toBe('conflict');
    await bot().report(again, { outcome: 'sent' }).expect(204);
    const rows = await t.dataSource.query(
      `SELECT status FROM outbox WHERE chat_id = 'late-chat' ORDER BY created_at`,
    );
    expect(rows).toEqual([{ status: 'sent' }, { status: 'sent' }]);
    // The stale "blocked" report did not mark the person unreachable.
    expect(
      await t.dataSource.query(
        `SELECT unreachable_at FROM conversations WHERE chat_id = 'late-chat'`,
      ),
    ).toEqual([{ unreachable_at: null }]);
  });

  it('keeps a chat in order while an earlier message waits for its retry', async () => {
    await queue('telegram', 'order-chat', 'Thứ nhất', 'Thứ hai');
    const [first, second] = await claim('telegram');
    await bot().report(first, { outcome: 'retry', retryAfterSeconds: 2 }).expect(204);
    await bot().report(second, { outcome: 'retry', retryAfterSeconds: 1 }).expect(204);
    await new Promise((r) => setTimeout(r, 1100));
    // The second is due now, but the first is not: nothing for this chat yet.
    expect(await claim('telegram')).toEqual([]);
    await new Promise((r) => setTimeout(r, 1000));
    expect(textsOf(await claim('telegram'))).toEqual(['Thứ nhất', 'Thứ hai']);
  });

  it.runIf(process.env.TEST_DATABASE_URL)(
    'keeps a chat in order while a late report of its earlier message is under way',
    async () => {
      await queue('telegram', 'late-order-chat', 'Trước', 'Sau');
      const [first] = await claim('telegram', 1, 5);
      expect(textsOf([first])).toEqual(['Trước']);
      await expireLease(first.id);
      // The bot's late report holds the first row's lock (another connection, as on a server).
      const reporter = t.dataSource.createQueryRunner();
      await reporter.connect();
      await reporter.startTransaction();
      try {
        await reporter.query(`SELECT 1 FROM outbox WHERE id = $1 FOR UPDATE`, [first.id]);
        expect(await claim('telegram')).toEqual([]);
      } finally {
        await reporter.rollbackTransaction();
        await reporter.release();
      }
      // The earlier one first, the later one once it is done.
      const [again] = await claim('telegram');
      expect(textsOf([again])).toEqual(['Trước']);
      await bot().report(again, { outcome: 'sent' }).expect(204);
      expect(textsOf(await claim('telegram'))).toEqual(['Sau']);
    },
  );

  it('gives a message up after 8 claims without a report', async () => {
    const warn = vi.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    await queue('zalo', 'crash-chat', 'Tin làm treo máy');
    for (let attempt = 0; attempt < 8; attempt++) {
      const item = (await claim('zalo', 10, 5)).find((i) => i.chatId === 'crash-chat')!;
      expect(item.attempts).toBe(attempt);
      await expireLease(item.id);
    }
    expect((await claim('zalo', 10, 5)).filter((i) => i.chatId === 'crash-chat')).toEqual([]);
    const [row] = await t.dataSource.query(
      `SELECT status, attempts, last_error FROM outbox WHERE chat_id = 'crash-chat'`,
    );
    expect(row).toEqual({
      status: 'failed',
      attempts: 8,
      last_error: 'No delivery report after 8 claims: given up.',
    });
    expect(warn.mock.calls.map(([message]) => message)).toContainEqual(
      expect.stringMatching(
        /^broadcast message \S+ to zalo chat crash-chat given up after 8 tries: No delivery report after 8 claims/,
      ),
    );
    warn.mockRestore();
  });
  it('hands a message cut short out again with the parts that went out, never fewer', async () => {
    await queue('telegram', 'parts-chat', 'Một cảnh báo dài, gửi thành hai tin');
    const mine = async () => (await claim('telegram')).find((i) => i.chatId === 'parts-chat')!;
    const first = await mine();
    expect(first.sentParts).toBe(0);
    // Part 1 went out, part 2 met a 429.
    await bot()
      .report(first, { outcome: 'retry', retryAfterSeconds: 1, sentParts: 1, error: '429' })
      .expect(204);
    await new Promise((r) => setTimeout(r, 1100));
    const again = await mine();
    expect(again).toMatchObject({ id: first.id, attempts: 1, sentParts: 1 });
    // A report that knows of fewer parts (an older bot) does not bring part 1 back.
    await bot().report(again, { outcome: 'retry', retryAfterSeconds: 1 }).expect(204);
    await new Promise((r) => setTimeout(r, 1100));
    const third = await mine();
    expect(third.sentParts).toBe(1);
    await bot().report(third, { outcome: 'sent', sentParts: 2 }).expect(204);
    const [row] = await t.dataSource.query(`SELECT status, sent_parts FROM outbox WHERE id = $1`, [
      first.id,
    ]);
    expect(row).toEqual({ status: 'sent', sent_parts: 2 });
  });

  it('refuses a negative or absurd count of parts sent', async () => {
    await queue('telegram', 'bad-parts-chat', 'Tin');
    const item = (await claim('telegram')).find((i) => i.chatId === 'bad-parts-chat')!;
    for (const sentParts of [-1, 1.5, 10_001, '2']) {
      const res = await bot().report(item, { outcome: 'retry', sentParts }).expect(400);
      expect(res.body.code).toBe('validation_failed');
    }
    await bot().report(item, { outcome: 'sent', sentParts: 1 }).expect(204);
  });

  it('says in the log when it gives a message up after its last try', async () => {
    const warn = vi.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      await queue('telegram', 'last-try-chat', 'Tin cuối');
      await t.dataSource.query(`UPDATE outbox SET attempts = 7 WHERE chat_id = 'last-try-chat'`);
      const item = (await claim('telegram')).find((i) => i.chatId === 'last-try-chat')!;
      expect(item.attempts).toBe(7);
      await bot()
        .report(item, { outcome: 'retry', retryAfterSeconds: 1, error: '429 Too Many Requests' })
        .expect(204);

      const [row] = await t.dataSource.query(
        `SELECT status, last_error FROM outbox WHERE chat_id = 'last-try-chat'`,
      );
      expect(row).toEqual({ status: 'failed', last_error: '429 Too Many Requests' });
      expect(warn.mock.calls.map(([message]) => message)).toContainEqual(
        `broadcast message ${item.id} to telegram chat last-try-chat given up after 8 tries: 429 Too Many Requests`,
      );
    } finally {
      warn.mockRestore();
    }
  });
});
