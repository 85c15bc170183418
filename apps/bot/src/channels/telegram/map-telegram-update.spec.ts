import type { Update } from 'telegraf/types';
import { describe, expect, it } from 'vitest';
import { telegramUpdates, type UpdateInput } from '../../../test/support/fake-telegram-server';
import { chatIdOf, mapTelegramUpdate, type MappedUpdate } from './map-telegram-update';

const CHAT = 4242;

function update(input: UpdateInput, updateId = 77): Update {
  return { ...input, update_id: updateId } as unknown as Update;
}

function eventOf(mapped: MappedUpdate) {
  if (mapped.kind !== 'event') throw new Error(`expected an event, got: ${mapped.reason}`);
  return mapped.event;
}

describe('mapTelegramUpdate', () => {
  it('maps a text message with the sender and the time', () => {
    const sut = mapTelegramUpdate(update(telegramUpdates.text(CHAT, 'Đi Nhật cần gì?')));

    expect(eventOf(sut)).toEqual({
      channel: 'telegram',
      updateId: '77',
      chatId: '4242',
      user: { id: '4242', displayName: 'Lan Nguyễn', languageCode: 'vi' },
      sentAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      type: 'text',
      text: 'Đi Nhật cần gì?',
    });
  });

  it('normalises text to NFC', () => {
    const decomposed = 'Vie\u0302\u0323c la\u0300m';

    const sut = eventOf(mapTelegramUpdate(update(telegramUpdates.text(CHAT, decomposed))));

    expect(sut).toMatchObject({ type: 'text', text: 'Việc làm'.normalize('NFC') });
  });

  it('maps a command, stripping the bot name and splitting the argument', () => {
    const sut = mapTelegramUpdate(
      update(telegramUpdates.text(CHAT, '/Start@gcm_helpdesk_bot  lien-ket 123 ')),
      {
        botUsername: 'gcm_helpdesk_bot',
      },
    );

    expect(eventOf(sut)).toMatchObject({
      type: 'command',
      command: 'start',
      argument: 'lien-ket 123',
    });
  });

  it('maps a command without argument, and one typed with diacritics', () => {
    expect(eventOf(mapTelegramUpdate(update(telegramUpdates.text(CHAT, '/help'))))).toMatchObject({
      type: 'command',
      command: 'help',
    });
    expect(eventOf(mapTelegramUpdate(update(telegramUpdates.text(CHAT, '/hủy'))))).toMatchObject({
      type: 'command',
      command: 'hủy',
    });
    expect(
      eventOf(mapTelegramUpdate(update(telegramUpdates.text(CHAT, '/help')))),
    ).not.toHaveProperty('argument');
  });

  it("keeps a long command argument within the API's 4000 characters, cut like plain text", () => {
    const long = 'Tôi cần gặp cán bộ gấp. '.repeat(200); // 4800 characters; Telegram allows 4096

    const sut = eventOf(mapTelegramUpdate(update(telegramUpdates.text(CHAT, `/canbo ${long}`))));

    expect(sut).toMatchObject({ type: 'command', command: 'canbo' });
    const argument = (sut as { argument: string }).argument;
    expect([...argument].length).toBeLessThanOrEqual(4000);
    expect([...argument].length).toBeGreaterThan(3990);
    expect(long.startsWith(argument)).toBe(true);
  });

  it('reads a command whose name is over 64 characters once lowercased as text', () => {
    const typed = `/${'İ'.repeat(40)}`; // "İ" lowercases to two characters: 80 in all

    const sut = eventOf(mapTelegramUpdate(update(telegramUpdates.text(CHAT, typed))));

    expect(sut).toMatchObject({ type: 'text', text: typed });
  });

  it('drops control characters and replaces lone surrogates in text, commands and buttons', () => {
    const text = eventOf(
      mapTelegramUpdate(update(telegramUpdates.text(CHAT, 'Hộ\u0000 chiếu\u001b \uD83D?'))),
    );
    const command = eventOf(
      mapTelegramUpdate(update(telegramUpdates.text(CHAT, '/canbo gấp\u0000 lắm'))),
    );
    const press = eventOf(mapTelegramUpdate(update(telegramUpdates.callback(CHAT, 'menu\u0000'))));

    expect(text).toMatchObject({ type: 'text', text: 'Hộ chiếu \uFFFD?' });
    expect(command).toMatchObject({ type: 'command', argument: 'gấp lắm' });
    expect(press).toMatchObject({ type: 'action', action: 'menu' });
  });

  it("keeps a caption, a file name and the sender within the API's limits", () => {
    const input = telegramUpdates.document(CHAT, `${'tệp'.repeat(150)}.pdf`, 'application/pdf');
    const message = input.message as Record<string, unknown>;
    message.caption = 'ả'.repeat(5000);
    message.from = {
      id: CHAT,
      first_name: 'L'.repeat(150),
      last_name: 'N'.repeat(150),
      language_code: 'x'.repeat(40),
    };

    const sut = eventOf(mapTelegramUpdate(update(input))) as unknown as Record<string, unknown> & {
      user: Record<string, unknown>;
    };

    expect([...(sut.caption as string)]).toHaveLength(4000);
    expect([...(sut.fileName as string)]).toHaveLength(300);
    expect([...(sut.user.displayName as string)]).toHaveLength(200);
    expect(sut.user).not.toHaveProperty('languageCode');
  });

  it('ignores a command addressed to another bot', () => {
    const sut = mapTelegramUpdate(update(telegramUpdates.text(CHAT, '/start@other_bot')), {
      botUsername: 'gcm_helpdesk_bot',
    });

    expect(sut).toEqual({ kind: 'ignored', reason: 'command for @other_bot' });
  });

  it('treats a lone slash as text', () => {
    expect(eventOf(mapTelegramUpdate(update(telegramUpdates.text(CHAT, '/ ?'))))).toMatchObject({
      type: 'text',
    });
  });

  it('maps a button press to an action to answer', () => {
    const input = telegramUpdates.callback(CHAT, 'faq:42');

    const sut = mapTelegramUpdate(update(input));

    expect(sut).toMatchObject({
      kind: 'event',
      callbackQueryId: (input.callback_query as { id: string }).id,
      event: { type: 'action', action: 'faq:42', chatId: '4242', updateId: '77' },
    });
  });

  it("maps the sender's own contact, not someone else's", () => {
    expect(
      eventOf(mapTelegramUpdate(update(telegramUpdates.contact(CHAT, '+84912345678')))),
    ).toMatchObject({
      type: 'contact',
      phone: '+84912345678',
    });
    expect(
      eventOf(mapTelegramUpdate(update(telegramUpdates.contact(CHAT, '+84900000000', 999)))),
    ).toMatchObject({
      type: 'unsupported',
      what: "someone else's contact",
    });
  });

  it('maps a document and a photo to files', () => {
    expect(
      eventOf(
        mapTelegramUpdate(
          update(telegramUpdates.document(CHAT, 'báo cáo.xlsx', 'application/vnd.ms-excel')),
        ),
      ),
    ).toMatchObject({
      type: 'file',
      fileName: 'báo cáo.xlsx',
      mimeType: 'application/vnd.ms-excel',
      fileRef: expect.stringMatching(/^doc-/),
    });
    expect(eventOf(mapTelegramUpdate(update(telegramUpdates.photo(CHAT))))).toMatchObject({
      type: 'file',
      fileRef: 'ph-1280',
      mimeType: 'image/jpeg',
    });
  });

  it('keeps the caption of a photo, a document and a video, in NFC', () => {
    const caption = 'Đây là ảnh hợp đồng'.normalize('NFD');

    const photo = eventOf(mapTelegramUpdate(update(telegramUpdates.photo(CHAT, caption))));
    const document = eventOf(
      mapTelegramUpdate(
        update(telegramUpdates.document(CHAT, 'hop-dong.pdf', 'application/pdf', 'Hợp đồng')),
      ),
    );
    const video = eventOf(mapTelegramUpdate(update(telegramUpdates.video(CHAT, 'Quảng cáo này'))));

    expect(photo).toMatchObject({
      type: 'file',
      fileRef: 'ph-1280',
      caption: 'Đây là ảnh hợp đồng',
    });
    expect(document).toMatchObject({ type: 'file', fileName: 'hop-dong.pdf', caption: 'Hợp đồng' });
    expect(video).toMatchObject({
      type: 'file',
      fileRef: expect.stringMatching(/^vid-/),
      fileName: 'clip.mp4',
      mimeType: 'video/mp4',
      caption: 'Quảng cáo này',
    });
    expect(eventOf(mapTelegramUpdate(update(telegramUpdates.photo(CHAT))))).not.toHaveProperty(
      'caption',
    );
    expect(
      eventOf(mapTelegramUpdate(update(telegramUpdates.photo(CHAT, ' \n ')))),
    ).not.toHaveProperty('caption');
  });

  it('maps a sticker and a location to unsupported', () => {
    expect(eventOf(mapTelegramUpdate(update(telegramUpdates.sticker(CHAT))))).toMatchObject({
      type: 'unsupported',
      what: 'sticker',
    });
    expect(eventOf(mapTelegramUpdate(update(telegramUpdates.location(CHAT))))).toMatchObject({
      type: 'unsupported',
      what: 'location',
    });
  });

  it('maps being blocked to unfollow', () => {
    expect(eventOf(mapTelegramUpdate(update(telegramUpdates.blocked(CHAT))))).toMatchObject({
      type: 'unfollow',
      chatId: '4242',
    });
  });

  it('maps an unknown update kind with a chat to unsupported', () => {
    const sut = mapTelegramUpdate(
      update({ edited_message: telegramUpdates.text(CHAT, 'sửa').message }),
    );

    expect(eventOf(sut)).toMatchObject({ type: 'unsupported', what: 'edited message' });
  });

  it('ignores updates without a chat, and garbage, without throwing', () => {
    expect(mapTelegramUpdate(update(telegramUpdates.inlineQuery(CHAT)))).toEqual({
      kind: 'ignored',
      reason: 'inline_query has no chat',
    });
    expect(mapTelegramUpdate(update({ message: { text: 'no chat' } })).kind).toBe('ignored');
    expect(mapTelegramUpdate(update({ poll: 'x' })).kind).toBe('ignored');
    expect(mapTelegramUpdate(update({})).kind).toBe('ignored');
  });
});

describe('chatIdOf', () => {
  it('finds the chat of messages and button presses', () => {
    expect(chatIdOf(update(telegramUpdates.text(CHAT, 'a')))).toBe('4242');
    expect(chatIdOf(update(telegramUpdates.callback(CHAT, 'a')))).toBe('4242');
    expect(chatIdOf(update(telegramUpdates.inlineQuery(CHAT)))).toBeUndefined();
  });
});
