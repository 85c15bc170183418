import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnitEntity } from '../../src/modules/units/unit.entity';
import { BOT_TOKEN, textEvent } from '../support/bot-factories';
import { createFaq, createTopic } from '../support/knowledge-factories';
import { createUnitTree, signedInAs, startTestApp, TestAgent, TestApp } from '../support/test-app';

/** Sends bytes as they are (supertest would turn a Buffer into JSON for a JSON content type). */
const sendBytes = (req: request.Test, contentType: string, bytes: Buffer) =>
  req
    .set('Content-Type', contentType)
    .serialize((body) => body)
    .send(bytes);

/** Bad input gets a 4xx a person can act on, never a 500, and writes nothing. */
describe('bad input', () => {
  let t: TestApp;
  let admin: TestAgent;
  let tree: Awaited<ReturnType<typeof createUnitTree>>;
  const unitCount = () => t.dataSource.getRepository(UnitEntity).count({ withDeleted: true });

  beforeAll(async () => {
    t = await startTestApp({ BODY_LIMIT_KB: '16', BOT_SERVICE_TOKEN: BOT_TOKEN });
    admin = (await signedInAs(t, 'admin')).agent;
    tree = await createUnitTree(t);
  });
  afterAll(() => t.close());

  it('answers malformed JSON with 400 malformed_json', async () => {
    const res = await admin
      .post('/api/v1/units')
      .set('Content-Type', 'application/json')
      .send('{"code": "X",')
      .expect(400);
    expect(res.body).toEqual({
      code: 'malformed_json',
      message: expect.stringContaining('not valid JSON'),
    });
  });

  it('lists every wrong field with a message', async () => {
    const before = await unitCount();
    const res = await admin
      .post('/api/v1/units')
      .send({ code: 5, name: '', kind: 'village', parentId: 'abc' })
      .expect(400);
    expect(res.body.code).toBe('validation_failed');
    const fields = res.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['code', 'name', 'kind', 'parentId']));
    expect(res.body.details.find((d: { field: string }) => d.field === 'kind').message).toMatch(
      /province, district, commune/,
    );
    expect(await unitCount()).toBe(before);
  });

  it('gives one reason per field: missing, or of the wrong kind, not every rule it breaks', async () => {
    const missing = await admin.post('/api/v1/units').send({}).expect(400);
    expect(missing.body.details).toEqual([
      { field: 'code', message: 'code is required' },
      { field: 'name', message: 'name is required' },
      { field: 'kind', message: 'kind is required' },
    ]);
    const wrongKind = await admin
      .post('/api/v1/units')
      .send({ code: 5, name: 7, kind: 'commune', parentId: tree.city.id })
      .expect(400);
    expect(wrongKind.body.details).toEqual([
      { field: 'code', message: 'code must be text' },
      { field: 'name', message: 'name must be text' },
    ]);
  });

  it('refuses unknown fields instead of ignoring them', async () => {
    const res = await admin
      .post('/api/v1/units')
      .send({
        code: 'P-NEW',
        name: 'Phường Mới',
        kind: 'commune',
        parentId: tree.city.id,
        isAdmin: true,
      })
      .expect(400);
    expect(res.body.details).toEqual([
      { field: 'isAdmin', message: 'unknown field: isAdmin is not accepted' },
    ]);
  });

  it('refuses over-long strings and a body over the size limit', async () => {
    const long = await admin
      .post('/api/v1/units')
      .send({ code: 'P-LONG', name: 'Phường '.repeat(60), kind: 'commune', parentId: tree.city.id })
      .expect(400);
    expect(long.body.details[0]).toMatchObject({
      field: 'name',
      message: expect.stringMatching(/200/),
    });
    const huge = await admin
      .post('/api/v1/units')
      .send({ code: 'P-HUGE', name: 'x'.repeat(40_000), kind: 'commune' })
      .expect(413);
    expect(huge.body.code).toBe('payload_too_large');
  });

  it('refuses a duplicate unit code, whatever its case', async () => {
    const res = await admin
      .post('/api/v1/units')
      .send({
        code: tree.wardA.code.toLowerCase(),
        name: 'Trùng mã',
        kind: 'commune',
        parentId: tree.city.id,
      })
      .expect(409);
    expect(res.body).toMatchObject({
      code: 'unit_code_taken',
      details: [{ field: 'code', message: 'already used' }],
    });
  });

  it('refuses a parent that breaks the hierarchy', async () => {
    const res = await admin
      .post('/api/v1/units')
      .send({ code: 'X-SAI', name: 'Xã đặt sai chỗ', kind: 'commune', parentId: tree.province.id })
      .expect(400);
    expect(res.body.code).toBe('unit_parent_invalid');
    expect(res.body.message).toMatch(/commune must sit under a district/);
  });

  it('refuses a malformed id and a bad query parameter', async () => {
    expect((await admin.get('/api/v1/units/not-a-uuid').expect(400)).body.code).toBe(
      'validation_failed',
    );
    expect(
      (await admin.get('/api/v1/units').query({ pageSize: 100000 }).expect(400)).body.details[0]
        .field,
    ).toBe('pageSize');
    expect(
      (await admin.get('/api/v1/units').query({ sort: 'x' }).expect(400)).body.details[0].field,
    ).toBe('sort');
  });

  it('drops control characters from free text, and answers 400 for one the database cannot take', async () => {
    const unit = (
      await admin
        .post('/api/v1/units')
        .send({
          code: 'P-NUL',
          name: 'Phường\u0000 Nul\u0007',
          kind: 'commune',
          parentId: tree.city.id,
        })
        .expect(201)
    ).body;
    expect(unit.name).toBe('Phường Nul');
    // A search text has no cleaning of its own: the database refuses the NUL, a 400, not a 500.
    const search = await admin.get('/api/v1/units').query({ search: 'a\u0000b' }).expect(400);
    expect(search.body).toMatchObject({
      code: 'validation_failed',
      message: expect.stringMatching(/cannot be stored/),
    });
    const page = await admin
      .get('/api/v1/units')
      .query({ page: '99999999999999999999' })
      .expect(400);
    expect(page.body.details[0].field).toBe('page');
  });

  it('rejects a CSV with broken rows, line by line, and imports nothing', async () => {
    const before = await unitCount();
    const csv = [
      'code,name,kind,parent_code,contact_email',
      `P-OK,UBND phường Tốt,commune,${tree.city.code},`,
      'P-BAD,UBND phường Sai,village,,',
      `P-OK,UBND phường Trùng,commune,${tree.city.code},`,
      `P-MAIL,UBND phường Thư,commune,${tree.city.code},khong-phai-email`,
      'P-ORPHAN,UBND phường Mồ Côi,commune,KHONG-CO,',
      '"P-QUOTE,broken',
    ].join('\n');
    const res = await admin
      .post('/api/v1/units/import')
      .set('Content-Type', 'text/csv')
      .send(csv)
      .expect(400);
    expect(res.body.code).toBe('csv_invalid');
    expect(res.body.details.length).toBeGreaterThan(0);
    expect(res.body.details[0]).toMatchObject({
      line: expect.any(Number),
      message: expect.any(String),
    });
    expect(await unitCount()).toBe(before);

    const rows = [
      'code,name,kind,parent_code,contact_email',
      `P-OK,UBND phường Tốt,commune,${tree.city.code},`,
      'P-BAD,UBND phường Sai,village,,',
      `P-OK,UBND phường Trùng,commune,${tree.city.code},`,
      `P-MAIL,UBND phường Thư,commune,${tree.city.code},khong-phai-email`,
      'P-ORPHAN,UBND phường Mồ Côi,commune,KHONG-CO,',
    ].join('\n');
    const detailed = await admin
      .post('/api/v1/units/import')
      .set('Content-Type', 'text/csv')
      .send(rows)
      .expect(400);
    expect(detailed.body.details).toEqual([
      { line: 3, field: 'kind', message: expect.stringMatching(/kind must be one of/) },
      { line: 4, field: 'code', message: 'code P-OK already appears on line 2' },
      { line: 5, field: 'contactEmail', message: 'contactEmail must be an email address' },
      {
        line: 6,
        field: 'parent_code',
        message: 'no unit with code KHONG-CO in the file or the system',
      },
    ]);
    expect(await unitCount()).toBe(before);
  });

  it('refuses JSON nested deeper than 32 levels with 400, on every route, signed in or not', async () => {
    const arrays = `{"code":${'['.repeat(1500)}${']'.repeat(1500)}}`;
    const objects = `${'{"":'.repeat(3000)}0${'}'.repeat(3000)}`;
    const tooDeep = {
      code: 'validation_failed',
      message: 'The request body nests arrays or objects more than 32 levels deep.',
    };
    for (const [agent, path] of [
      [admin, '/api/v1/units'],
      [request.agent(t.url), '/api/v1/assistant/ask'],
      [request.agent(t.url), '/api/v1/auth/login'],
    ] as const) {
      for (const body of [arrays, objects]) {
        const res = await agent.post(path).set('Content-Type', 'application/json').send(body);
        expect({ path, status: res.status, body: res.body }).toEqual({
          path,
          status: 400,
          body: tooDeep,
        });
      }
    }
    // 32 levels are parsed and reach the usual field checks; 33 are not.
    const nested = (levels: number) =>
      `{"code":${'['.repeat(levels - 1)}${']'.repeat(levels - 1)},"name":"Phường Sâu","kind":"commune"}`;
    const deepest = await admin
      .post('/api/v1/units')
      .set('Content-Type', 'application/json')
      .send(nested(32))
      .expect(400);
    expect(deepest.body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'code' })]),
    );
    const over = await admin
      .post('/api/v1/units')
      .set('Content-Type', 'application/json')
      .send(nested(33))
      .expect(400);
    expect(over.body).toEqual(tooDeep);
    // Brackets inside a text are letters, not nesting.
    const bracketed = await admin
      .post('/api/v1/units')
      .send({
        code: 'P-BRACKET',
        name: `Phường "${'[{'.repeat(40)}\\`,
        kind: 'commune',
        parentId: tree.city.id,
      })
      .expect(201);
    expect(bracketed.body.name).toBe(`Phường "${'[{'.repeat(40)}\\`);
  });

  it('refuses a body that is not valid UTF-8 instead of storing replacement characters', async () => {
    const before = await unitCount();
    const unitWithName = (name: Buffer) =>
      Buffer.concat([
        Buffer.from(`{"code":"P-UTF","kind":"commune","parentId":"${tree.city.id}","name":"`),
        name,
        Buffer.from('"}'),
      ]);
    const notUtf8 = { code: 'validation_failed', message: 'The request body is not valid UTF-8.' };
    const json = await sendBytes(
      admin.post('/api/v1/units'),
      'application/json',
      unitWithName(Buffer.from([0x50, 0xc3, 0x28, 0xff])),
    ).expect(400);
    expect(json.body).toEqual(notUtf8);
    const csv = await sendBytes(
      admin.post('/api/v1/units/import'),
      'text/csv',
      Buffer.concat([
        Buffer.from('code,name,kind,parent_code\nP-UTF,Phường '),
        Buffer.from([0xed, 0xa0, 0x80]), // an encoded lone surrogate: not UTF-8
        Buffer.from(`,commune,${tree.city.code}\n`),
      ]),
    ).expect(400);
    expect(csv.body).toEqual(notUtf8);
    // JSON in another encoding is refused too (RFC 8259 asks for UTF-8), as before for unknown ones.
    const utf16 = await sendBytes(
      admin.post('/api/v1/units'),
      'application/json; charset=utf-16le',
      Buffer.from(`{"code":"P-UTF","name":"Phường","kind":"commune"}`, 'utf16le'),
    ).expect(415);
    expect(utf16.body).toEqual({
      code: 'unsupported_media_type',
      message: 'Send the body as UTF-8.',
    });
    expect(await unitCount()).toBe(before);
    // A name in valid UTF-8 goes through.
    const valid = await sendBytes(
      admin.post('/api/v1/units'),
      'application/json; charset=utf-8',
      unitWithName(Buffer.from('Phường Ứng Hòa')),
    ).expect(201);
    expect(valid.body.name).toBe('Phường Ứng Hòa');
  });

  it('refuses a CSV with a wrong header or sent as JSON', async () => {
    const header = await admin
      .post('/api/v1/units/import')
      .set('Content-Type', 'text/csv')
      .send('ma,ten\nA,B')
      .expect(400);
    expect(header.body.details).toEqual(
      expect.arrayContaining([
        { line: 1, field: 'ma', message: expect.stringMatching(/unknown column/) },
      ]),
    );
    const json = await admin
      .post('/api/v1/units/import')
      .send({ csv: 'code,name,kind' })
      .expect(415);
    expect(json.body.code).toBe('unsupported_media_type');
  });
  describe('null in a field that may be left out but not emptied', () => {
    const ANY_ID = '00000000-0000-4000-8000-000000000000';
    const ids: Record<
      'topic' | 'faq' | 'user' | 'unit' | 'article' | 'synonym' | 'glossary',
      string
    > = { topic: '', faq: '', user: '', unit: '', article: '', synonym: '', glossary: '' };
    const bot = () => request(t.url);

    beforeAll(async () => {
      ids.topic = await createTopic(admin, 'Chủ đề thử null');
      ids.faq = (
        await createFaq(admin, ids.topic, {
          question: 'Làm hộ chiếu ở đâu?',
          answer: 'Tại Phòng Quản lý xuất nhập cảnh Công an tỉnh.',
        })
      ).id;
      ids.user = (await signedInAs(t, 'viewer')).userId;
      ids.unit = tree.wardA.id;
      ids.article = (
        await admin
          .post('/api/v1/knowledge/articles')
          .send({
            kind: 'warning',
            title: 'Cảnh báo lừa đảo',
            body: 'Không nộp tiền cho người lạ.',
          })
          .expect(201)
      ).body.id;
      ids.synonym = (
        await admin
          .post('/api/v1/knowledge/synonyms')
          .send({ term: 'xkld', expansions: ['xuất khẩu lao động'] })
          .expect(201)
      ).body.id;
      ids.glossary = (
        await admin
          .post('/api/v1/knowledge/glossary')
          .send({ en: ['passport'], vi: ['hộ chiếu'] })
          .expect(201)
      ).body.id;
    });

    type Case = {
      send: () => request.Test;
      /** A valid body, into which each field is set to null in turn. */
      body?: () => Record<string, unknown>;
      fields: string[];
    };
    const cases: Record<string, Case> = {
      'POST /users': {
        send: () => admin.post('/api/v1/users'),
        body: () => ({ email: 'null-test@test.gcm.vn', fullName: 'Người Thử', role: 'viewer' }),
        fields: ['password'],
      },
      'PATCH /users/:id': {
        send: () => admin.patch(`/api/v1/users/${ids.user}`),
        fields: ['fullName', 'role', 'isActive'],
      },
      'PATCH /units/:id': {
        send: () => admin.patch(`/api/v1/units/${ids.unit}`),
        fields: ['code', 'name', 'kind'],
      },
      'PATCH /knowledge/topics/:id': {
        send: () => admin.patch(`/api/v1/knowledge/topics/${ids.topic}`),
        fields: ['name'],
      },
      'POST /knowledge/faqs': {
        send: () => admin.post('/api/v1/knowledge/faqs'),
        body: () => ({
          topicId: ids.topic,
          question: 'Câu hỏi thử null?',
          answer: 'Câu trả lời đủ dài.',
        }),
        fields: ['alternates', 'alternatesEn', 'tags', 'sources', 'status', 'needsReview'],
      },
      'PATCH /knowledge/faqs/:id': {
        send: () => admin.patch(`/api/v1/knowledge/faqs/${ids.faq}`),
        fields: [
          'topicId',
          'question',
          'answer',
          'alternates',
          'alternatesEn',
          'tags',
          'sources',
          'status',
          'needsReview',
          'reviewed',
        ],
      },
      'POST /knowledge/articles': {
        send: () => admin.post('/api/v1/knowledge/articles'),
        body: () => ({ kind: 'article', title: 'Bài viết thử', body: 'Nội dung bài viết thử.' }),
        fields: ['status'],
      },
      'PATCH /knowledge/articles/:id': {
        send: () => admin.patch(`/api/v1/knowledge/articles/${ids.article}`),
        fields: ['kind', 'title', 'body', 'status'],
      },
      'POST /knowledge/synonyms': {
        send: () => admin.post('/api/v1/knowledge/synonyms'),
        body: () => ({ term: 'hc', expansions: ['hộ chiếu'] }),
        fields: ['mutual', 'broader'],
      },
      'PATCH /knowledge/synonyms/:id': {
        send: () => admin.patch(`/api/v1/knowledge/synonyms/${ids.synonym}`),
        fields: ['term', 'expansions', 'mutual', 'broader'],
      },
      'PATCH /knowledge/glossary/:id': {
        send: () => admin.patch(`/api/v1/knowledge/glossary/${ids.glossary}`),
        fields: ['en', 'vi'],
      },
      'POST /broadcasts': {
        send: () => admin.post('/api/v1/broadcasts'),
        body: () => ({ articleId: ANY_ID }),
        fields: ['topicId', 'localityId'],
      },
      'POST /assistant/ask': {
        send: () => request(t.url).post('/api/v1/assistant/ask'),
        body: () => ({ text: 'làm hộ chiếu ở đâu' }),
        fields: ['locale'],
      },
      'POST /bot/events': {
        send: () => bot().post('/api/v1/bot/events').set('Authorization', `Bearer ${BOT_TOKEN}`),
        body: () => ({ ...textEvent('null-chat', 'xin chào') }),
        fields: ['sentAt', 'argument', 'fileName', 'mimeType', 'caption'],
      },
      'POST /bot/outbox/:id/result': {
        send: () =>
          bot()
            .post(`/api/v1/bot/outbox/${ANY_ID}/result`)
            .set('Authorization', `Bearer ${BOT_TOKEN}`),
        body: () => ({ claimId: ANY_ID, outcome: 'retry' }),
        fields: ['retryAfterSeconds', 'error'],
      },
    };

    it.each(Object.entries(cases))(
      '%s answers 400 naming each field sent as null',
      async (_, c) => {
        const answers = [];
        for (const field of c.fields) {
          const res = await c.send().send({ ...c.body?.(), [field]: null });
          answers.push({ field, status: res.status, body: res.body });
        }
        expect(answers).toEqual(
          c.fields.map((field) => ({
            field,
            status: 400,
            body: {
              code: 'validation_failed',
              message: 'Some fields are invalid: see details.',
              details: [{ field, message: `${field} must not be null` }],
            },
          })),
        );
      },
    );

    it('names a nested field sent as null by its path', async () => {
      const event = textEvent('null-chat', 'xin chào');
      const res = await bot()
        .post('/api/v1/bot/events')
        .set('Authorization', `Bearer ${BOT_TOKEN}`)
        .send({ ...event, user: { ...event.user, displayName: null } })
        .expect(400);
      expect(res.body.details).toEqual([
        { field: 'user.displayName', message: 'displayName must not be null' },
      ]);
    });

    it('refuses null in an imported FAQ row where the row needs a value', async () => {
      const report = await admin
        .post('/api/v1/knowledge/faqs/import')
        .send([
          {
            topic: 'Chủ đề thử null',
            question: 'Câu hỏi nhập có null?',
            answer: 'Câu trả lời đủ dài.',
            needsReview: null,
            tags: null,
          },
        ])
        .expect(200);
      expect(report.body.rows).toEqual([
        {
          row: 1,
          outcome: 'rejected',
          errors: expect.arrayContaining([
            expect.stringMatching(/^tags /),
            expect.stringMatching(/^needsReview /),
          ]),
        },
      ]);
    });

    it('still takes null where it clears a value', async () => {
      await admin
        .patch(`/api/v1/knowledge/topics/${ids.topic}`)
        .send({ nameEn: 'Test topic' })
        .expect(200);
      expect(
        (
          await admin
            .patch(`/api/v1/knowledge/topics/${ids.topic}`)
            .send({ nameEn: null })
            .expect(200)
        ).body,
      ).toMatchObject({ name: 'Chủ đề thử null', nameEn: null });
      expect(
        (
          await admin
            .patch(`/api/v1/knowledge/faqs/${ids.faq}`)
            .send({ key: null, questionEn: null, answerEn: null })
            .expect(200)
        ).body,
      ).toMatchObject({ key: null, questionEn: null, answerEn: null });
      expect(
        (
          await admin
            .patch(`/api/v1/knowledge/articles/${ids.article}`)
            .send({ topicId: ids.topic })
            .expect(200)
        ).body.topicId,
      ).toBe(ids.topic);
      expect(
        (
          await admin
            .patch(`/api/v1/knowledge/articles/${ids.article}`)
            .send({ topicId: null })
            .expect(200)
        ).body.topicId,
      ).toBeNull();
      expect(
        (await admin.patch(`/api/v1/users/${ids.user}`).send({ unitId: tree.wardB.id }).expect(200))
          .body.unitId,
      ).toBe(tree.wardB.id);
      expect(
        (await admin.patch(`/api/v1/users/${ids.user}`).send({ unitId: null }).expect(200)).body
          .unitId,
      ).toBeNull();
      expect(
        (
          await admin
            .patch(`/api/v1/units/${ids.unit}`)
            .send({ contactName: null, contactPhone: null, contactEmail: null, address: null })
            .expect(200)
        ).body,
      ).toMatchObject({ contactName: null, contactPhone: null, contactEmail: null, address: null });
      expect(
        (
          await admin
            .patch(`/api/v1/units/${tree.province.id}`)
            .send({ parentId: null })
            .expect(200)
        ).body.parentId,
      ).toBeNull();
      expect(
        (
          await bot()
            .put('/api/v1/bot/channels/zalo/tokens')
            .set('Authorization', `Bearer ${BOT_TOKEN}`)
            .send({
              accessToken: 'access',
              refreshToken: null,
              accessExpiresAt: null,
              expectedRevision: 0,
            })
            .expect(200)
        ).body,
      ).toMatchObject({ refreshToken: null, accessExpiresAt: null });
    });
  });
});
