import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaqEntity } from '../../src/modules/knowledge/faq.entity';
import { ask, createFaq, createTopic } from '../support/knowledge-factories';
import { signedInAs, startTestApp, TestAgent, TestApp } from '../support/test-app';

const DEV_FAQS = path.resolve(
  __dirname,
  '../../../../packages/domain/test/fixtures/qa-dev/faqs.json',
);

describe('knowledge base', () => {
  let t: TestApp;
  let editor: TestAgent;
  let viewer: TestAgent;
  let citizen: TestAgent;
  let topicId: string;

  beforeAll(async () => {
    t = await startTestApp({}, { dictionary: true });
    editor = (await signedInAs(t, 'editor')).agent;
    viewer = (await signedInAs(t, 'viewer')).agent;
    citizen = request.agent(t.url);
    topicId = await createTopic(editor, 'Hộ chiếu và thị thực');
  });
  afterAll(() => t.close());

  it('answers with a FAQ only once it is published, and stops when it is archived', async () => {
    const faq = await createFaq(editor, topicId, {
      question: 'Làm thẻ căn cước cho trẻ em cần giấy tờ gì?',
      answer: 'Cha mẹ mang giấy khai sinh của trẻ đến cơ quan công an nơi cư trú để làm thủ tục.',
      status: 'draft',
    });
    expect(
      (await ask(citizen, 'lam can cuoc cho tre em can giay to gi').expect(200)).body.status,
    ).toBe('no_answer');

    await editor
      .patch(`/api/v1/knowledge/faqs/${faq.id}`)
      .send({ status: 'published' })
      .expect(200);
    const answered = (await ask(citizen, 'lam can cuoc cho tre em can giay to gi').expect(200))
      .body;
    expect(answered).toMatchObject({
      status: 'answered',
      faq: { id: faq.id, topic: 'Hộ chiếu và thị thực' },
    });

    await editor.patch(`/api/v1/knowledge/faqs/${faq.id}`).send({ status: 'archived' }).expect(200);
    expect(
      (await ask(citizen, 'lam can cuoc cho tre em can giay to gi').expect(200)).body.status,
    ).toBe('no_answer');
  });

  it('keeps a version history of who changed what', async () => {
    const faq = await createFaq(editor, topicId, {
      question: 'Gia hạn thị thực khi đang ở nước ngoài thế nào?',
      answer: 'Liên hệ cơ quan xuất nhập cảnh của nước sở tại trước khi thị thực hết hạn.',
    });
    await editor
      .patch(`/api/v1/knowledge/faqs/${faq.id}`)
      .send({ tags: ['thị thực'], reviewed: true })
      .expect(200);
    const versions = (await editor.get(`/api/v1/knowledge/faqs/${faq.id}/versions`).expect(200))
      .body;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions[0]).toMatchObject({
      changedBy: expect.stringMatching(/^editor-/),
      snapshot: { tags: ['thị thực'], needsReview: false },
    });
    expect(versions[1].snapshot.tags).toEqual([]);
    const current = (await editor.get(`/api/v1/knowledge/faqs/${faq.id}`).expect(200)).body;
    expect(current.reviewedAt).not.toBeNull();
  });

  it('lets only editors and admins write; others read published FAQs only', async () => {
    await viewer
      .post('/api/v1/knowledge/faqs')
      .send({ topicId, question: 'Câu hỏi?', answer: 'Một câu trả lời.' })
      .expect(403);
    await viewer
      .post('/api/v1/knowledge/synonyms')
      .send({ term: 'x', expansions: ['y'] })
      .expect(403);
    const draft = await createFaq(editor, topicId, {
      question: 'Bản nháp chưa duyệt?',
      answer: 'Nội dung chưa duyệt.',
      status: 'draft',
    });
    await viewer.get(`/api/v1/knowledge/faqs/${draft.id}`).expect(404);
    const list = (await viewer.get('/api/v1/knowledge/faqs').query({ pageSize: 200 }).expect(200))
      .body;
    expect(list.items.every((f: { status: string }) => f.status === 'published')).toBe(true);
  });

  it('applies a new synonym to answers at once', async () => {
    await createFaq(editor, topicId, {
      question: 'Bảo hiểm xã hội tự nguyện là gì?',
      answer: 'Là loại bảo hiểm do Nhà nước tổ chức mà người tham gia được tự chọn mức đóng.',
    });
    expect((await ask(citizen, 'bhxhtn').expect(200)).body.status).toBe('no_answer');
    await editor
      .post('/api/v1/knowledge/synonyms')
      .send({ term: 'bhxhtn', expansions: ['bảo hiểm xã hội tự nguyện'] })
      .expect(201);
    const res = (await ask(citizen, 'bhxhtn').expect(200)).body;
    expect(res.status).toBe('answered');
    expect(res.faq.question).toBe('Bảo hiểm xã hội tự nguyện là gì?');
  });

  it('imports the dev set as it is (drafts by default), and updates on a second import', async () => {
    const rows = JSON.parse(readFileSync(DEV_FAQS, 'utf8'));
    const first = (await editor.post('/api/v1/knowledge/faqs/import').send(rows).expect(200)).body;
    expect(first).toMatchObject({
      created: rows.length,
      updated: 0,
      rejected: 0,
      rolledBack: false,
    });
    const stored = await t.dataSource.getRepository(FaqEntity).findOneByOrFail({ key: 'd01' });
    expect(stored.status).toBe('draft');
    const edited = rows.map((row: { answer: string }, i: number) =>
      i === 0 ? { ...row, answer: `${row.answer} (cập nhật)`, status: 'published' } : row,
    );
    const second = (await editor.post('/api/v1/knowledge/faqs/import').send(edited).expect(200))
      .body;
    expect(second).toMatchObject({ created: 0, updated: 1, unchanged: rows.length - 1 });
    const updated = await t.dataSource.getRepository(FaqEntity).findOneByOrFail({ key: 'd01' });
    expect(updated).toMatchObject({
      status: 'published',
      version: 2,
      answer: expect.stringMatching(/\(cập nhật\)$/),
    });
    expect(
      (await t.dataSource.getRepository(FaqEntity).findOneByOrFail({ key: 'd02' })).status,
    ).toBe('draft');
  });

  it('reports per row what it created and rejected, and writes nothing in all-or-nothing mode', async () => {
    const rows = [
      {
        id: 'imp-1',
        topic: 'Chủ đề mới từ tệp',
        question: 'Câu hỏi nhập thứ nhất?',
        answer: 'Câu trả lời thứ nhất.',
      },
      { id: 'imp-2', topic: 'Chủ đề mới từ tệp', question: '', answer: 'Thiếu câu hỏi.' },
      { id: 'imp-1', topic: 'Khác', question: 'Trùng mã?', answer: 'Trùng mã với dòng 1.' },
      {
        topic: 'Khác',
        question: 'Trạng thái lạ?',
        answer: 'Trạng thái không hợp lệ.',
        status: 'live',
        color: 'red',
      },
      'not an object',
    ];
    const strict = await editor
      .post('/api/v1/knowledge/faqs/import')
      .query({ allOrNothing: true })
      .send(rows)
      .expect(400);
    expect(strict.body).toMatchObject({
      code: 'import_invalid',
      details: { rolledBack: true, rejected: 4 },
    });
    expect(await t.dataSource.getRepository(FaqEntity).countBy({ key: 'imp-1' })).toBe(0);

    const partial = (await editor.post('/api/v1/knowledge/faqs/import').send(rows).expect(200))
      .body;
    expect(partial).toMatchObject({ created: 1, rejected: 4, rolledBack: false });
    expect(partial.rows[0]).toMatchObject({ row: 1, outcome: 'created' });
    expect(partial.rows[1].errors).toContain('question must be at least 5 characters');
    expect(partial.rows[2].errors).toContain('id imp-1 already appears in row 1');
    expect(partial.rows[3].errors).toEqual(
      expect.arrayContaining([
        'unknown field color',
        expect.stringMatching(/^status must be one of/),
      ]),
    );
    expect(partial.rows[4]).toMatchObject({
      outcome: 'rejected',
      errors: [expect.stringMatching(/must be an object/)],
    });
    const topics = (await editor.get('/api/v1/knowledge/topics').expect(200)).body.map(
      (x: { name: string }) => x.name,
    );
    expect(topics).toContain('Chủ đề mới từ tệp');
  });

  it('imports new and changed FAQs in one go: topics made once, versions, audit, revisions, answers at once', async () => {
    const question = 'Đi lao động thời vụ ở Hàn Quốc đăng ký ở đâu?';
    const first = (
      await editor
        .post('/api/v1/knowledge/faqs/import')
        .send([
          {
            id: 'season-1',
            topic: 'Lao động thời vụ',
            question,
            answer: 'Đăng ký tại Ủy ban nhân dân xã nơi thường trú.',
            status: 'published',
          },
        ])
        .expect(200)
    ).body;
    const [{ faq_revision: revisionBefore }] = await t.dataSource.query(
      `SELECT faq_revision FROM knowledge_state`,
    );
    const report = (
      await editor
        .post('/api/v1/knowledge/faqs/import')
        .send([
          {
            id: 'season-1',
            topic: 'LAO ĐỘNG THỜI VỤ',
            question,
            answer: 'Đăng ký tại Ủy ban nhân dân xã nơi thường trú, khi tỉnh có chương trình.',
            status: 'published',
          },
          {
            id: 'season-2',
            topic: 'Chủ đề nhập một lần',
            question: 'Lao động thời vụ được ở lại bao lâu?',
            answer: 'Thường từ ba đến tám tháng, tùy chương trình.',
          },
          {
            topic: 'chủ đề nhập một lần',
            question: 'Tiền bảo đảm lao động thời vụ có được trả lại không?',
            answer: 'Có, khi người lao động về nước đúng hạn theo hợp đồng.',
            status: 'published',
          },
        ])
        .expect(200)
    ).body;
    expect(report).toMatchObject({ created: 2, updated: 1, unchanged: 0, rejected: 0 });
    expect(report.rows).toMatchObject([
      { row: 1, outcome: 'updated', id: first.rows[0].id },
      { row: 2, outcome: 'created' },
      { row: 3, outcome: 'created' },
    ]);
    const ids: string[] = report.rows.map((r: { id: string }) => r.id);

    // A topic is found or made once, whatever the case a row writes it in.
    const topics = (await editor.get('/api/v1/knowledge/topics').expect(200)).body;
    const names: string[] = topics.map((x: { name: string }) => x.name);
    expect(names.filter((n) => n.toLowerCase() === 'lao động thời vụ')).toEqual([
      'Lao động thời vụ',
    ]);
    expect(names.filter((n) => n.toLowerCase() === 'chủ đề nhập một lần')).toEqual([
      'Chủ đề nhập một lần',
    ]);

    // Each written FAQ takes the next revision, in row order, as one write at a time did.
    const rows: { id: string; revision: string; version: number; topic_id: string }[] =
      await t.dataSource.query(
        `SELECT id, revision, version, topic_id FROM faqs WHERE id = ANY($1::uuid[])`,
        [ids],
      );
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(ids.map((id) => BigInt(byId.get(id)!.revision) - BigInt(revisionBefore))).toEqual([
      1n,
      2n,
      3n,
    ]);
    expect(ids.map((id) => byId.get(id)!.version)).toEqual([2, 1, 1]);
    expect(byId.get(ids[1])!.topic_id).toBe(byId.get(ids[2])!.topic_id);
    const [{ faq_revision: revisionAfter }] = await t.dataSource.query(
      `SELECT faq_revision FROM knowledge_state`,
    );
    expect(BigInt(revisionAfter) - BigInt(revisionBefore)).toBe(3n);

    const versions = (await editor.get(`/api/v1/knowledge/faqs/${ids[0]}/versions`).expect(200))
      .body;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions[0]).toMatchObject({
      changedBy: expect.stringMatching(/^editor-/),
      snapshot: { answer: expect.stringMatching(/khi tỉnh có chương trình\.$/) },
    });
    const created = (await editor.get(`/api/v1/knowledge/faqs/${ids[2]}/versions`).expect(200))
      .body;
    expect(created).toMatchObject([
      { version: 1, snapshot: { status: 'published', tags: [], key: null, reviewDueOn: null } },
    ]);

    const audit: { action: string; entity_id: string; actor_email: string }[] =
      await t.dataSource.query(
        `SELECT action, entity_id, actor_email FROM audit_log
          WHERE entity_id = ANY($1) OR (action = 'topic.create' AND entity_id = $2)`,
        [ids, byId.get(ids[1])!.topic_id],
      );
    expect(audit.map((a) => `${a.action} ${a.entity_id}`).sort()).toEqual(
      [
        `faq.create ${ids[0]}`,
        `faq.update ${ids[0]}`,
        `faq.create ${ids[1]}`,
        `faq.create ${ids[2]}`,
        `topic.create ${byId.get(ids[1])!.topic_id}`,
      ].sort(),
    );
    expect(audit.every((a) => a.actor_email === audit[0].actor_email)).toBe(true);

    // The matcher has them for the next question.
    const changed = (await ask(citizen, question).expect(200)).body;
    expect(changed).toMatchObject({
      status: 'answered',
      faq: { id: ids[0], answer: expect.stringMatching(/khi tỉnh có chương trình\.$/) },
    });
    const added = (await ask(citizen, 'Tiền bảo đảm lao động thời vụ có được trả lại không?')).body;
    expect(added).toMatchObject({ status: 'answered', faq: { id: ids[2] } });

    // A FAQ named twice in a file (by its id, then by its key) is changed twice, in order.
    const twice = (
      await editor
        .post('/api/v1/knowledge/faqs/import')
        .send([
          {
            id: ids[1],
            topic: 'Lao động thời vụ',
            question: 'Lao động thời vụ ở lại mấy tháng?',
            answer: 'Từ ba đến tám tháng.',
          },
          {
            id: 'season-2',
            topic: 'Lao động thời vụ',
            question: 'Lao động thời vụ ở lại mấy tháng?',
            answer: 'Từ ba đến tám tháng, tùy chương trình.',
          },
        ])
        .expect(200)
    ).body;
    expect(twice.rows).toMatchObject([
      { outcome: 'updated', id: ids[1] },
      { outcome: 'updated', id: ids[1] },
    ]);
    const history = (await editor.get(`/api/v1/knowledge/faqs/${ids[1]}/versions`).expect(200))
      .body;
    expect(
      history.map((v: { version: number; snapshot: { answer: string } }) => [
        v.version,
        v.snapshot.answer,
      ]),
    ).toEqual([
      [3, 'Từ ba đến tám tháng, tùy chương trình.'],
      [2, 'Từ ba đến tám tháng.'],
      [1, 'Thường từ ba đến tám tháng, tùy chương trình.'],
    ]);
    const stored = await t.dataSource.getRepository(FaqEntity).findOneByOrFail({ id: ids[1] });
    expect(stored).toMatchObject({ version: 3, answer: 'Từ ba đến tám tháng, tùy chương trình.' });
  });

  it('exports CSV and XLSX that import back unchanged', async () => {
    // Cells a spreadsheet would run as formulas, and one already quoted.
    const formulas = {
      key: '-formula',
      question: '=HYPERLINK("https://evil.example","Bấm để xem")',
      alternates: ['+84 gọi được không', '@trợ giúp'],
      answer: '- Mang hộ chiếu\n- Mang ảnh 4x6',
      tags: ['@nhãn'],
      sources: ["'=đã có dấu nháy"],
      questionEn: '-2+3',
    };
    await createFaq(editor, topicId, formulas);
    const total = await t.dataSource.getRepository(FaqEntity).count();
    const csv = await editor
      .get('/api/v1/knowledge/faqs/export')
      .query({ format: 'csv' })
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    const cells: string[][] = parse(csv.text.slice(1));
    expect(cells.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    expect(cells.find((row) => row[0] === "'-formula")).toEqual([
      "'-formula",
      'Hộ chiếu và thị thực',
      `'${formulas.question}`,
      "'+84 gọi được không | @trợ giúp",
      `'${formulas.answer}`,
      "'@nhãn",
      'published',
      "'-2+3",
      '',
      '',
      "''=đã có dấu nháy",
      '',
    ]);
    const back = (
      await editor
        .post('/api/v1/knowledge/faqs/import')
        .set('Content-Type', 'text/csv')
        .send(csv.text.slice(1))
        .expect(200)
    ).body;
    expect(back.rejected).toBe(0);
    expect(back.created).toBe(0);
    expect(back).toMatchObject({ updated: 0, unchanged: total });

    const xlsx = await editor
      .get('/api/v1/knowledge/faqs/export')
      .query({ format: 'xlsx' })
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body);
    expect(workbook.worksheets[0].getRow(1).getCell(3).text).toBe('question');
    // In a workbook a text is a text, never a formula: no quote needed.
    const questions = workbook.worksheets[0].getColumn(3).values;
    const question = workbook.worksheets[0].getCell(`C${questions.indexOf(formulas.question)}`);
    expect(question.type).toBe(ExcelJS.ValueType.String);
    expect(question.formula).toBeUndefined();
    const reimported = (
      await editor
        .post('/api/v1/knowledge/faqs/import')
        .set('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(xlsx.body)
        .expect(200)
    ).body;
    expect(reimported).toMatchObject({ created: 0, rejected: 0, updated: 0, unchanged: total });
  });

  it('refuses an unreadable import file with a clear message', async () => {
    const res = await editor.post('/api/v1/knowledge/faqs/import').send({ topic: 'x' }).expect(400);
    expect(res.body).toMatchObject({
      code: 'import_invalid',
      message: 'The JSON body must be an array of FAQ objects.',
    });
    const xlsx = await editor
      .post('/api/v1/knowledge/faqs/import')
      .set('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .send(Buffer.from('not a workbook'))
      .expect(400);
    expect(xlsx.body.message).toBe('The file is not a readable XLSX workbook.');
    const csv = await editor
      .post('/api/v1/knowledge/faqs/import')
      .set('Content-Type', 'text/csv')
      .send('cau_hoi,tra_loi\na,b')
      .expect(400);
    expect(csv.body.message).toMatch(/unknown column/);
  });
});
