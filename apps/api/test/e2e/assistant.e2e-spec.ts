import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.factory';
import { QuestionLogEntity } from '../../src/modules/assistant/question-log.entity';
import { ask, createFaq, createTopic } from '../support/knowledge-factories';
import { signedInAs, startTestApp, TestAgent, TestApp } from '../support/test-app';

describe('citizen questions', () => {
  let t: TestApp;
  let editor: TestAgent;
  let coordinator: TestAgent;
  const citizen = () => request(t.url);

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_RATE_LIMIT: '1000' }, { dictionary: true });
    editor = (await signedInAs(t, 'editor')).agent;
    coordinator = (await signedInAs(t, 'coordinator')).agent;
    const labour = await createTopic(editor, 'Đi làm việc ở nước ngoài');
    const trafficking = await createTopic(editor, 'Mua bán người');
    await createFaq(editor, labour, {
      question: 'Đi xuất khẩu lao động Hàn Quốc cần những chi phí gì?',
      alternates: ['đi làm việc ở Hàn Quốc hết bao nhiêu tiền'],
      answer:
        'Người lao động trả **phí dịch vụ** và các chi phí theo hợp đồng; hãy hỏi cơ quan quản lý lao động.',
      questionEn: 'What does it cost to work in Korea under contract?',
      answerEn:
        'Workers pay a **service fee** and the costs set out in the contract; ask the labour authority.',
    });
    await createFaq(editor, labour, {
      question: 'Làm sao kiểm tra doanh nghiệp đưa người đi làm việc ở nước ngoài có giấy phép?',
      answer:
        'Tra cứu danh sách doanh nghiệp được cấp phép trên trang của Cục Quản lý lao động ngoài nước.',
    });
    await createFaq(editor, trafficking, {
      question: 'Dấu hiệu nhận biết mua bán người là gì?',
      answer:
        'Hứa hẹn việc nhẹ lương cao, giữ giấy tờ tùy thân, hạn chế liên lạc là những dấu hiệu cần cảnh giác.',
    });
  });
  afterAll(() => t.close());

  it('answers a question typed without diacritics and with abbreviations', async () => {
    for (const text of [
      'di xuat khau lao dong han quoc can nhung chi phi gi',
      'đi xkld HQ hết bn tiền vậy mn',
    ]) {
      const res = (await ask(citizen(), text).expect(200)).body;
      expect(res.status, text).toBe('answered');
      expect(res.faq).toMatchObject({
        question: 'Đi xuất khẩu lao động Hàn Quốc cần những chi phí gì?',
        topic: 'Đi làm việc ở nước ngoài',
      });
      expect(res.confidence).toBeGreaterThan(0.5);
      // Answered only when the calibrated chance of being right is high.
      expect(res.chance).toBeGreaterThanOrEqual(0.8);
      expect(res.chance).toBeLessThanOrEqual(1);
      expect(res.locale).toBe('vi');
    }
  });

  it('answers an English question in English where a translation exists', async () => {
    const res = (await ask(citizen(), 'how much does it cost to work in Korea?').expect(200)).body;
    expect(res).toMatchObject({
      status: 'answered',
      locale: 'en',
      faq: { answer: expect.stringMatching(/^Workers pay/) },
    });
    expect(res.faq.answerHtml).toContain('<strong>service fee</strong>');
  });

  it('says honestly when nothing fits, logs the question, and puts it in the staff inbox', async () => {
    const res = (await ask(citizen(), 'Xin cấp lại giấy khai sinh bị mất thế nào?').expect(200))
      .body;
    expect(res).toMatchObject({ status: 'no_answer', handoffId: expect.any(String) });
    expect(res.faq).toBeUndefined();
    expect(res.chance).toBeUndefined();
    const inbox = (
      await coordinator.get('/api/v1/assistant/handoffs').query({ status: 'open' }).expect(200)
    ).body;
    expect(inbox.items.map((i: { id: string }) => i.id)).toContain(res.handoffId);
    const item = inbox.items.find((i: { id: string }) => i.id === res.handoffId);
    expect(item).toMatchObject({
      channel: 'api',
      question: 'Xin cấp lại giấy khai sinh bị mất thế nào?',
    });
    expect(item.assigneeId).toBeNull();

    // Assigned to a colleague who works the inbox, then to nobody; never to a leader.
    const colleagues = (await coordinator.get('/api/v1/assistant/handoffs/assignees').expect(200))
      .body as { id: string; role: string }[];
    const editorEntry = colleagues.find((c) => c.role === 'editor');
    expect(editorEntry).toBeDefined();
    expect(colleagues.every((c) => ['admin', 'editor', 'coordinator'].includes(c.role))).toBe(true);
    const handoff = `/api/v1/assistant/handoffs/${res.handoffId}`;
    const assigned = (
      await coordinator.patch(handoff).send({ assigneeId: editorEntry!.id }).expect(200)
    ).body;
    expect(assigned).toMatchObject({ assigneeId: editorEntry!.id, status: 'open' });
    const viewer = await signedInAs(t, 'viewer');
    const refused = (
      await coordinator.patch(handoff).send({ assigneeId: viewer.userId }).expect(400)
    ).body;
    expect(refused.details).toEqual([expect.objectContaining({ field: 'assigneeId' })]);
    await viewer.agent.get('/api/v1/assistant/handoffs/assignees').expect(403);
    await coordinator.patch(handoff).send({ assigneeId: 'nobody' }).expect(400);
    expect(
      (await coordinator.patch(handoff).send({ assigneeId: null }).expect(200)).body.assigneeId,
    ).toBeNull();

    await coordinator.patch(handoff).send({ status: 'closed' }).expect(200);

    const log = (
      await coordinator
        .get('/api/v1/assistant/questions')
        .query({ status: 'no_answer' })
        .expect(200)
    ).body;
    expect(log.items[0]).toMatchObject({
      normalised: 'xin cấp lại giấy khai sinh bị mất thế nào?',
      status: 'no_answer',
      chance: null,
    });
    // An answered question keeps the chance it was answered with.
    const answered = (
      await coordinator.get('/api/v1/assistant/questions').query({ status: 'answered' }).expect(200)
    ).body;
    expect(answered.items.length).toBeGreaterThan(0);
    for (const item of answered.items) {
      expect(item.chance).toBeGreaterThanOrEqual(0.8);
      expect(item.chance).toBeLessThanOrEqual(1);
    }
  });

  it('refuses empty, over-long and wordless questions with a clear 400', async () => {
    const cases: [unknown, RegExp][] = [
      [{ text: '' }, /text must contain a question in words/],
      [{ text: '   ' }, /text must contain a question in words/],
      [{ text: 'a'.repeat(10_000) }, /at most 1000 characters/],
      [{ text: '😀🙏🏻‼️ ???' }, /text must contain a question in words/],
      [{ text: 42 }, /^text must be text$/],
      [{}, /^text is required$/],
      [{ text: 'xin chào', locale: 'fr' }, /locale/],
    ];
    for (const [body, message] of cases) {
      const res = await citizen()
        .post('/api/v1/assistant/ask')
        .send(body as object)
        .expect(400);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.details.map((d: { message: string }) => d.message).join(' ')).toMatch(
        message,
      );
    }
  });

  it('copes with markup, zero-width characters, mixed scripts and SQL-looking text', async () => {
    const zeroWidth = (await ask(citizen(), 'dấu\u200b hiệu mua\u200d bán người là gì').expect(200))
      .body;
    expect(zeroWidth.status).toBe('answered');
    const nfd = (
      await ask(citizen(), 'Dấu hiệu nhận biết mua bán người'.normalize('NFD')).expect(200)
    ).body;
    expect(nfd.faq.question).toBe('Dấu hiệu nhận biết mua bán người là gì?');
    for (const text of [
      "'; DROP TABLE faqs; --",
      '人口贩卖 торговля людьми',
      '<script>alert(1)</script><b>xin chào</b>',
    ]) {
      const res = await ask(citizen(), text);
      expect(res.status, text).toBe(200);
      expect(res.body.status).toBe('no_answer');
    }
    const stored = await t.dataSource.getRepository(QuestionLogEntity).find();
    expect(stored.some((q) => /<[a-z]/i.test(q.text))).toBe(false);
    expect(stored.map((q) => q.text)).toContain('alert(1) xin chào');
    expect(
      (await editor.get('/api/v1/knowledge/faqs').query({ pageSize: 5 }).expect(200)).body.total,
    ).toBe(3);
  });

  it('offers close candidates as a choice', async () => {
    await createFaq(editor, await createTopic(editor, 'Du học'), {
      question: 'Đi du học Hàn Quốc cần những chi phí gì?',
      answer: 'Chi phí gồm học phí, sinh hoạt phí và chứng minh tài chính theo yêu cầu của trường.',
    });
    const res = (await ask(citizen(), 'đi hàn quốc cần chi phí gì').expect(200)).body;
    expect(res.status).toBe('ambiguous');
    expect(res.suggestions.map((s: { question: string }) => s.question)).toEqual(
      expect.arrayContaining([
        'Đi xuất khẩu lao động Hàn Quốc cần những chi phí gì?',
        'Đi du học Hàn Quốc cần những chi phí gì?',
      ]),
    );
  });

  it('renders answerHtml with links only to https and no remote image', async () => {
    const topic = await createTopic(editor, 'Hộ chiếu');
    await createFaq(editor, topic, {
      question: 'Tra cứu tình trạng hồ sơ cấp hộ chiếu ở đâu?',
      answer: [
        'Tra cứu trên [Cổng dịch vụ công](https://dichvucong.gov.vn).',
        'Không bấm vào [trang giả](//evil.example/login) hay [trang cũ](http://old.example).',
        '![](https://tracker.example/pixel.gif)',
      ].join('\n\n'),
    });
    const res = (await ask(citizen(), 'tra cuu tinh trang ho so ho chieu o dau').expect(200)).body;
    expect(res.faq.question).toBe('Tra cứu tình trạng hồ sơ cấp hộ chiếu ở đâu?');
    const hrefs = [...res.faq.answerHtml.matchAll(/<(\w+)[^>]*(?:href|src)="([^"]*)"/g)].map(
      ([, tag, url]) => `${tag} ${url}`,
    );
    expect(hrefs).toEqual(['a https://dichvucong.gov.vn', 'a https://tracker.example/pixel.gif']);
    expect(res.faq.answerHtml).toContain('[trang giả](//evil.example/login)');
  });
});

describe('the public question endpoint', () => {
  it('is rate-limited per client', async () => {
    const t = await startTestApp({ PUBLIC_RATE_LIMIT: '3' }, { dictionary: true });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await ask(request(t.url), 'hộ chiếu')).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const limited = await ask(request(t.url), 'hộ chiếu');
      expect(limited.body.code).toBe('too_many_requests');
    } finally {
      await t.close();
    }
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('several API instances on one database', () => {
  it('answers on every instance as soon as an FAQ is published on one', async () => {
    const a = await startTestApp({}, { dictionary: true });
    const other = await createApp(a.env, a.database);
    await other.listen(0, '127.0.0.1');
    try {
      const b = request(other.getHttpServer());
      const editor = (await signedInAs(a, 'editor')).agent;
      const topic = await createTopic(editor, 'Quốc tịch');
      expect((await ask(b, 'thủ tục xin thôi quốc tịch').expect(200)).body.status).toBe(
        'no_answer',
      );
      const faq = await createFaq(editor, topic, {
        question: 'Thủ tục xin thôi quốc tịch Việt Nam thế nào?',
        answer: 'Nộp hồ sơ tại Sở Tư pháp nơi cư trú hoặc cơ quan đại diện ở nước ngoài.',
      });
      expect((await ask(b, 'thủ tục xin thôi quốc tịch').expect(200)).body.faq.id).toBe(faq.id);
      await editor
        .patch(`/api/v1/knowledge/faqs/${faq.id}`)
        .send({ status: 'archived' })
        .expect(200);
      expect((await ask(b, 'thủ tục xin thôi quốc tịch').expect(200)).body.status).toBe(
        'no_answer',
      );
    } finally {
      await other.close();
      await a.close();
    }
  });
});
