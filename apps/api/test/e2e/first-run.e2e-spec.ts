import { splitAnswer } from '@gcm/domain';
import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { FirstRunService } from '../../src/database/seeds/first-run.service';
import starterFaqs from '../../src/database/seeds/data/starter-faqs.json';
import { PlanEntity } from '../../src/modules/plan/plan.entity';
import { UnitEntity } from '../../src/modules/units/unit.entity';
import { ask } from '../support/knowledge-factories';
import { startTestApp } from '../support/test-app';

/** A starter FAQ and a question a citizen would type for it. */
const LICENCE_FAQ = 'Làm sao biết công ty đưa người đi làm việc ở nước ngoài có giấy phép?';
const LICENCE_QUESTION = 'lam sao biet cong ty xuat khau lao dong co giay phep khong';

describe('first run', () => {
  it('creates the admin from ADMIN_EMAIL/ADMIN_PASSWORD, no demo data when DEMO_DATA=false, and the starter FAQs as drafts to review that citizens do not read until staff publish them', async () => {
    const t = await startTestApp({
      ADMIN_EMAIL: 'quan.tri@backan.gov.vn',
      ADMIN_PASSWORD: 'Mat-khau-quan-tri-1',
      DEMO_DATA: 'false',
    });
    try {
      const report = await t.app.get(FirstRunService).run();
      expect(report).toEqual({
        admin: { email: 'quan.tri@backan.gov.vn' },
        demoDataLoaded: false,
        starterFaqs: { count: starterFaqs.length, status: 'draft' },
        needsAdmin: false,
      });
      const agent = request.agent(t.url);
      const login = await agent
        .post('/api/v1/auth/login')
        .send({ email: 'quan.tri@backan.gov.vn', password: 'Mat-khau-quan-tri-1' })
        .expect(200);
      expect(login.body.user).toMatchObject({ role: 'admin', mustChangePassword: false });
      await agent.get('/api/v1/users').expect(200);
      expect(await t.dataSource.getRepository(UnitEntity).count()).toBe(0);
      expect(await t.dataSource.getRepository(PlanEntity).count()).toBe(0);

      const drafts = (
        await agent
          .get('/api/v1/knowledge/faqs')
          .query({ status: 'draft', needsReview: true, pageSize: 200 })
          .expect(200)
      ).body;
      expect(drafts.total).toBe(starterFaqs.length);
      expect(
        (await agent.get('/api/v1/knowledge/faqs').query({ status: 'published' }).expect(200)).body
          .total,
      ).toBe(0);
      const citizen = request.agent(t.url);
      expect((await ask(citizen, LICENCE_QUESTION).expect(200)).body.status).toBe('no_answer');

      // Staff check one, mark it reviewed and publish it: from then on citizens get it.
      const licence = drafts.items.find((f: { question: string }) => f.question === LICENCE_FAQ);
      await agent
        .patch(`/api/v1/knowledge/faqs/${licence.id}`)
        .send({ status: 'published', reviewed: true })
        .expect(200);
      expect((await ask(citizen, LICENCE_QUESTION).expect(200)).body).toMatchObject({
        status: 'answered',
        faq: { id: licence.id },
      });

      expect(await t.app.get(FirstRunService).run()).toEqual({
        demoDataLoaded: false,
        needsAdmin: false,
      });
    } finally {
      await t.close();
    }
  });

  it('publishes the starter FAQs for the demo, still marked for review, and says so through the API', async () => {
    const t = await startTestApp({
      ADMIN_EMAIL: 'quan.tri@backan.gov.vn',
      ADMIN_PASSWORD: 'Mat-khau-quan-tri-1',
      DEMO_DATA: 'true',
    });
    try {
      expect(await t.app.get(FirstRunService).run()).toMatchObject({
        demoDataLoaded: true,
        starterFaqs: { count: starterFaqs.length, status: 'published' },
      });
      // Published at once, so no answer may hold a "[Cán bộ điền: …]" left for staff (a Markdown
      // link's "[text](url)" is fine).
      const placeholder = /\[(?![^\]]*\]\()/;
      expect(
        starterFaqs
          .filter((faq) => placeholder.test(`${faq.answer} ${faq.answerEn ?? ''}`))
          .map((faq) => faq.question),
      ).toEqual([]);
      const agent = request.agent(t.url);
      await agent
        .post('/api/v1/auth/login')
        .send({ email: 'quan.tri@backan.gov.vn', password: 'Mat-khau-quan-tri-1' })
        .expect(200);
      const toReview = (
        await agent
          .get('/api/v1/knowledge/faqs')
          .query({ status: 'published', needsReview: true, pageSize: 200 })
          .expect(200)
      ).body;
      expect(toReview.total).toBe(starterFaqs.length);
      expect(toReview.items[0]).toMatchObject({ needsReview: true, reviewedAt: null });
      expect((await ask(request.agent(t.url), LICENCE_QUESTION).expect(200)).body).toMatchObject({
        status: 'answered',
        faq: { question: LICENCE_FAQ },
      });
      // The question people ask most, typed any way, gets the passport FAQ at once.
      for (const text of ['lam ho chieu o dau', 'Làm hộ chiếu ở đâu?']) {
        expect((await ask(request.agent(t.url), text).expect(200)).body).toMatchObject({
          status: 'answered',
          faq: { question: 'Làm hộ chiếu ở đâu, thủ tục thế nào, làm online được không?' },
        });
      }
      // A question outside the field, typed either way, is told so: no choices of FAQs that only
      // share a syllable with it ("giá" of "giá trị", "gia" of "gia hạn").
      for (const text of [
        'giá vàng hôm nay',
        'gia vang hom nay',
        'lich nghi tet nam nay may ngay',
      ]) {
        expect((await ask(request.agent(t.url), text).expect(200)).body, text).toMatchObject({
          status: 'no_answer',
          inField: false,
        });
      }
      // A passport lost abroad is not the FAQ on one lost at home, though that FAQ's alternates
      // ("mất passport") do not say where: it is the first choice, or the answer.
      for (const text of [
        'mất hộ chiếu ở nước ngoài phải làm sao',
        'mat ho chieu o nuoc ngoai phai lam sao',
      ]) {
        const lost = (await ask(request.agent(t.url), text).expect(200)).body;
        const first = lost.status === 'answered' ? lost.faq.question : lost.suggestions[0].question;
        expect(first, text).toBe('Bị mất hộ chiếu khi đang ở nước ngoài thì làm sao?');
      }
      // Where to get a visa has a FAQ of its own, not the one on staying on a tourist visa.
      for (const text of ['visa du lịch hàn quốc làm ở đâu', 'lam visa o dau']) {
        expect((await ask(request.agent(t.url), text).expect(200)).body).toMatchObject({
          status: 'answered',
          faq: { question: 'Xin thị thực (visa) đi nước ngoài ở đâu, cần những gì?' },
        });
      }
      // Starting to study abroad has its own FAQ, not only the ones on agencies and student jobs.
      expect(
        (
          await ask(
            request.agent(t.url),
            'con tôi muốn đi du học nhật thì phải chuẩn bị gì',
          ).expect(200)
        ).body,
      ).toMatchObject({
        status: 'answered',
        faq: { question: 'Muốn đi du học thì bắt đầu từ đâu, cần chuẩn bị những gì?' },
      });
      // Japan's engineer route is not the interns' and skilled workers' FAQ.
      expect(
        (await ask(request.agent(t.url), 'đi nhật theo diện kỹ sư cần bằng gì').expect(200)).body,
      ).toMatchObject({
        status: 'answered',
        faq: { question: 'Đi Nhật làm việc theo diện kỹ sư cần điều kiện gì?' },
      });
      // An intern in Japan asking whether they may change jobs: the programmes' FAQ says what
      // each allows, before "Xem thêm".
      const intern = (
        await ask(request.agent(t.url), 'thực tập sinh nhật có được chuyển việc không').expect(200)
      ).body;
      expect(intern).toMatchObject({
        status: 'answered',
        faq: { question: 'Đi Nhật: thực tập sinh kỹ năng và kỹ năng đặc định khác nhau thế nào?' },
      });
      expect(splitAnswer(intern.faq.answer).first).toContain(
        'nhìn chung không được tự ý chuyển nơi làm việc',
      );
      // The emergency numbers come whole, with what to do abroad, not behind "Xem thêm".
      const emergency = (
        await ask(request.agent(t.url), 'số điện thoại khẩn cấp cần nhớ').expect(200)
      ).body;
      expect(emergency.faq.question).toBe(
        'Các số điện thoại khẩn cấp cần nhớ khi gặp nguy hiểm là gì?',
      );
      expect(splitAnswer(emergency.faq.answer).rest).toBeUndefined();
      expect(emergency.faq.answer).toContain('Ở nước ngoài');
      // Money taken by a fake broker: the FAQ on where to report it comes first.
      const cheated = (
        await ask(request.agent(t.url), 'bị lừa mất 50 triệu tiền đi xklđ thì báo ai').expect(200)
      ).body;
      expect(cheated.suggestions[0].question).toBe(
        'Bị lừa tiền để đi làm việc ở nước ngoài thì báo ai?',
      );
      // In English: a relative "missing" abroad is out of contact, not a lost passport; "what is
      // the GCM" is the FAQ that says what it is.
      const missing = (await ask(request.agent(t.url), 'my sister is missing in china').expect(200))
        .body;
      expect(missing.suggestions[0].question).toBe(
        'A relative abroad has been out of contact for a long time: what should the family do?',
      );
      const gcm = (await ask(request.agent(t.url), 'what is the GCM').expect(200)).body;
      expect(gcm.suggestions[0].question).toBe('What is the Global Compact for Migration (GCM)?');
      // "in Vietnam" alone does not make it the FAQ on a passport lost in Vietnam (asked in
      // English, the FAQs are named in English).
      const english = (
        await ask(request.agent(t.url), 'how to apply passport in vietnam').expect(200)
      ).body;
      expect(english).not.toMatchObject({
        status: 'answered',
        faq: { question: 'I lost my passport in Vietnam. What should I do?' },
      });
      expect(english.suggestions.map((faq: { question: string }) => faq.question)).toContain(
        'Where and how do I apply for a passport in Vietnam, and can I do it online?',
      );
    } finally {
      await t.close();
    }
  });
});
