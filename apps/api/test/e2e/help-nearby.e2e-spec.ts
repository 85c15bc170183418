import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actionEvent,
  BOT_TOKEN,
  commandEvent,
  postEvent,
  textEvent,
  texts,
} from '../support/bot-factories';
import { createUnitTree, signedInAs, startTestApp, TestApp } from '../support/test-app';

describe('find help nearby (the dialog through POST /bot/events)', () => {
  let t: TestApp;
  let tree: Awaited<ReturnType<typeof createUnitTree>>;

  beforeAll(async () => {
    t = await startTestApp({ BOT_SERVICE_TOKEN: BOT_TOKEN });
    tree = await createUnitTree(t);
    const { agent } = await signedInAs(t, 'coordinator');
    await agent
      .post('/api/v1/directory/contacts')
      .send({
        name: 'Công an phường Đức Xuân',
        kind: 'police',
        phone: '0000 000 001',
        unitIds: [tree.wardA.id],
      })
      .expect(201);
  });
  afterAll(() => t.close());

  it('asks for the ward, finds it typed without diacritics and lists its contacts', async () => {
    const ask = await postEvent(t.url, commandEvent('n1', 'hotro')).expect(200);
    expect(texts(ask.body).join()).toContain('Bạn đang ở **xã, phường** nào?');
    const found = await postEvent(t.url, textEvent('n1', 'duc xuan')).expect(200);
    expect(texts(found.body).join()).toContain('Công an phường Đức Xuân');
    const again = await postEvent(t.url, actionEvent('n1', 'near')).expect(200);
    expect(texts(again.body).join()).toContain('Nơi hỗ trợ cho Phường Đức Xuân');
  });
});
