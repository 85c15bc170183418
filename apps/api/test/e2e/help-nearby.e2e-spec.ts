import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actionEvent,
  actions,
  BOT_TOKEN,
  commandEvent,
  postEvent,
  textEvent,
  texts,
} from '../support/bot-factories';
import { createUnit, createUnitTree, signedInAs, startTestApp, TestApp } from '../support/test-app';

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

  it('offers wards of the same name to choose from, told apart by their district, and keeps waiting after a stale button', async () => {
    const other = await createUnit(t, {
      kind: 'district',
      parentId: tree.province.id,
      name: 'Huyện Chợ Mới',
    });
    const here = await createUnit(t, {
      kind: 'commune',
      parentId: tree.city.id,
      name: 'Phường Tân Lập',
    });
    await createUnit(t, { kind: 'commune', parentId: other.id, name: 'Xã Tân Lập' });

    await postEvent(t.url, commandEvent('n2', 'hotro')).expect(200);
    const choice = await postEvent(t.url, textEvent('n2', 'tan lap')).expect(200);
    const buttons = choice.body.replies[0].buttons.flat() as { label: string; action: string }[];
    expect(buttons.map((b) => b.label)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Phường Tân Lập ('),
        'Xã Tân Lập (Huyện Chợ Mới)',
      ]),
    );
    const stale = await postEvent(t.url, actionEvent('n2', 'near:u:not-a-unit')).expect(200);
    expect(texts(stale.body).join()).toContain('Lựa chọn này không còn nữa');
    const picked = await postEvent(t.url, actionEvent('n2', `near:u:${here.id}`)).expect(200);
    expect(texts(picked.body).join()).toContain('Nơi hỗ trợ cho Phường Tân Lập');
    expect(actions(picked.body)).toContain('near:again');
  });
});
