import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  staleness,
  toBotEvent,
  verifySignedBody,
  verifyZaloSignature,
  zaloSignature,
} from './zalo-webhook';

const user = (extra: Record<string, unknown>) => ({
  app_id: '123',
  sender: { id: 'u-1' },
  recipient: { id: 'oa-1' },
  timestamp: '1718000000000',
  ...extra,
});

describe('zaloSignature', () => {
  it('is mac= and the SHA-256 of app id + raw body + timestamp + OA secret key', () => {
    const body = '{"event_name":"user_send_text","timestamp":"1718000000000"}';
    const expected = createHash('sha256').update(`123${body}1718000000000secret`).digest('hex');

    expect(zaloSignature('123', body, '1718000000000', 'secret')).toBe(`mac=${expected}`);
  });

  it('verifies with or without the prefix and rejects anything else', () => {
    const rawBody = Buffer.from('{"a":1}');
    const signature = zaloSignature('123', rawBody, '1', 'secret');
    const check = (value: string, appId = '123') =>
      verifyZaloSignature({
        appId,
        oaSecretKey: 'secret',
        rawBody,
        timestamp: '1',
        signature: value,
      });

    expect(check(signature)).toBe(true);
    expect(check(signature.slice(4).toUpperCase())).toBe(true);
    expect(check(signature, 'another-app')).toBe(false);
    expect(check('mac=00')).toBe(false);
    expect(check('')).toBe(false);
  });
});

describe('verifySignedBody', () => {
  const check = (rawBody: string, signature: string) =>
    verifySignedBody({
      appId: '123',
      oaSecretKey: 'secret',
      rawBody: Buffer.from(rawBody),
      signature,
    });

  it('takes the timestamp from the raw body as signed, string or number', () => {
    const quoted = '{"event_name":"follow","timestamp":"1718000000000"}';
    const bare = '{"event_name":"follow","timestamp": 1718000000000}';

    expect(check(quoted, zaloSignature('123', quoted, '1718000000000', 'secret'))).toBe(true);
    expect(check(bare, zaloSignature('123', bare, '1718000000000', 'secret'))).toBe(true);
    expect(check(quoted, zaloSignature('123', quoted, '1718000000001', 'secret'))).toBe(false);
  });

  it('refuses a body without a timestamp, JSON or not, whatever the signature', () => {
    expect(check('not json at all', zaloSignature('123', 'not json at all', '', 'secret'))).toBe(
      false,
    );
    expect(check('{"a":1}', zaloSignature('123', '{"a":1}', '', 'secret'))).toBe(false);
  });
});

describe('toBotEvent', () => {
  it('maps a text with the message id as update id', () => {
    expect(
      toBotEvent(user({ event_name: 'user_send_text', message: { msg_id: 'm1', text: ' Chào ' } })),
    ).toEqual({
      kind: 'event',
      event: {
        channel: 'zalo',
        type: 'text',
        updateId: 'm1',
        chatId: 'u-1',
        user: { id: 'u-1' },
        sentAt: '2024-06-10T06:13:20.000Z',
        text: 'Chào',
      },
    });
  });

  it('maps commands, button actions, follows and opened chats', () => {
    const map = (event: Record<string, unknown>) => {
      const mapped = toBotEvent(user(event));
      return mapped.kind === 'event' ? mapped.event : mapped;
    };

    expect(
      map({ event_name: 'user_send_text', message: { msg_id: 'm', text: '/Start abc' } }),
    ).toMatchObject({
      type: 'command',
      command: 'start',
      argument: 'abc',
    });
    expect(
      map({ event_name: 'user_send_text', message: { msg_id: 'm', text: '#gcm:lang.vi' } }),
    ).toMatchObject({
      type: 'action',
      action: 'lang.vi',
    });
    expect(map({ event_name: 'follow', sender: undefined, follower: { id: 'u-2' } })).toMatchObject(
      {
        type: 'follow',
        chatId: 'u-2',
        updateId: 'follow:u-2:1718000000000',
      },
    );
  });

  it('reads the person of an opened chat from the top-level user_id, as Zalo sends it', () => {
    const chatNow = {
      event_name: 'user_click_chatnow',
      app_id: '123',
      oa_id: 'oa-1',
      user_id: 'u-5',
      user_id_by_app: 'app-scoped-5',
      timestamp: '1718000000000',
    };

    expect(toBotEvent(chatNow)).toEqual({
      kind: 'event',
      event: {
        channel: 'zalo',
        type: 'follow',
        updateId: 'user_click_chatnow:u-5:1718000000000',
        chatId: 'u-5',
        user: { id: 'u-5' },
        sentAt: '2024-06-10T06:13:20.000Z',
      },
    });
    // An event that does carry a sender is read as before.
    expect(toBotEvent(user({ event_name: 'user_click_chatnow' }))).toMatchObject({
      event: { type: 'follow', chatId: 'u-1' },
    });
  });

  it('maps pictures and files to file events with what was typed with them, stickers and the like to unsupported', () => {
    const image = toBotEvent(
      user({
        event_name: 'user_send_image',
        message: {
          msg_id: 'm2',
          text: 'Giấy phép này có thật không?\u0000',
          attachments: [{ type: 'image', payload: { url: 'https://z.vn/i.jpg' } }],
        },
      }),
    );
    const sticker = toBotEvent(
      user({
        event_name: 'user_send_sticker',
        message: { msg_id: 'm3', attachments: [{ type: 'sticker' }] },
      }),
    );

    expect(image).toMatchObject({
      kind: 'event',
      event: {
        type: 'file',
        fileRef: 'https://z.vn/i.jpg',
        caption: 'Giấy phép này có thật không?',
      },
    });
    expect(sticker).toMatchObject({
      kind: 'event',
      event: { type: 'unsupported', what: 'sticker', updateId: 'm3' },
    });
  });

  it('keeps every field within what the API takes, so that it never refuses the event', () => {
    const map = (event: Record<string, unknown>) => {
      const mapped = toBotEvent(user(event));
      return mapped.kind === 'event' ? mapped.event : mapped;
    };
    const say = (text: string) =>
      map({ event_name: 'user_send_text', message: { msg_id: 'm', text } });
    const longName = `/${'a'.repeat(65)}`;
    const longAction = `#gcm:${'x'.repeat(257)}`;

    expect(say(`/${'a'.repeat(64)} now`)).toMatchObject({ type: 'command', argument: 'now' });
    expect(say(longName)).toMatchObject({ type: 'text', text: longName });
    expect(say(`#gcm:${'x'.repeat(256)}`)).toMatchObject({ type: 'action' });
    expect(say(longAction)).toMatchObject({ type: 'text', text: longAction });

    const file = map({
      event_name: 'user_send_file',
      message: {
        msg_id: 'm',
        attachments: [
          {
            type: 'file',
            payload: {
              url: 'https://z.vn/f',
              name: `${'tệp '.repeat(100)}.pdf`,
              type: 'x'.repeat(250),
            },
          },
        ],
      },
    });
    expect(file).toMatchObject({ type: 'file', fileRef: 'https://z.vn/f' });
    expect((file as { fileName: string }).fileName).toHaveLength(300);
    expect((file as { mimeType: string }).mimeType).toHaveLength(200);

    const hugeLink = map({
      event_name: 'user_send_image',
      message: {
        msg_id: 'm',
        attachments: [{ payload: { url: `https://z.vn/${'i'.repeat(2000)}` } }],
      },
    });
    expect(hugeLink).toMatchObject({ type: 'unsupported', what: 'image' });
    expect(
      map({ event_name: `user_send_${'z'.repeat(80)}`, message: { msg_id: 'm' } }),
    ).toMatchObject({
      type: 'unsupported',
      what: 'z'.repeat(64),
    });
    expect(map({ event_name: 'user_submit_info', info: { phone: '0'.repeat(33) } })).toMatchObject({
      type: 'unsupported',
    });
    expect(map({ event_name: 'user_send_text', sender: { id: 'u'.repeat(129) } })).toMatchObject({
      kind: 'invalid',
    });
  });

  it('maps shared user info to a contact', () => {
    expect(
      toBotEvent(
        user({ event_name: 'user_submit_info', info: { name: 'Lan', phone: '84912345678' } }),
      ),
    ).toMatchObject({
      kind: 'event',
      event: {
        type: 'contact',
        phone: '84912345678',
        updateId: 'user_submit_info:u-1:1718000000000',
      },
    });
  });

  it('ignores the OA’s own sends, receipts and reactions; rejects events without a user', () => {
    expect(toBotEvent(user({ event_name: 'oa_send_text' })).kind).toBe('ignored');
    expect(toBotEvent(user({ event_name: 'user_seen_message' })).kind).toBe('ignored');
    expect(toBotEvent(user({ event_name: 'user_reacted_message' })).kind).toBe('ignored');
    expect(toBotEvent(user({ event_name: 'user_send_text', sender: {} })).kind).toBe('invalid');
    expect(toBotEvent({ timestamp: '1' }).kind).toBe('invalid');
  });
});

describe('staleness', () => {
  const now = Date.parse('2026-12-06T10:00:00.000Z');
  const sentAt = (iso?: string) =>
    ({
      channel: 'zalo',
      type: 'follow',
      updateId: 'u',
      chatId: 'c',
      user: { id: 'c' },
      sentAt: iso,
    }) as const;

  it('takes an event from the last hour up to 5 minutes ahead', () => {
    expect(staleness(sentAt('2026-12-06T09:00:00.000Z'), now)).toBeUndefined();
    expect(staleness(sentAt('2026-12-06T10:05:00.000Z'), now)).toBeUndefined();
  });

  it('says why it refuses an older one, one further ahead or one without a time', () => {
    expect(staleness(sentAt('2026-12-06T08:59:59.999Z'), now)).toMatch(/more than an hour ago/);
    expect(staleness(sentAt('2026-12-06T10:05:00.001Z'), now)).toMatch(/more than 5 minutes ahead/);
    expect(staleness(sentAt(undefined), now)).toMatch(/no readable timestamp/);
  });
});
