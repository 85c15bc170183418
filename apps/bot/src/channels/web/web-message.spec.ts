import { describe, expect, it } from 'vitest';
import { parseWebMessage } from './web-message';

const SESSION = '0b1f7a52-5c6e-4f6a-9a53-0c2b8f1d9e10';
const MESSAGE = '9d3c2f4e-1a2b-4c5d-8e9f-001122334455';
const NOW = new Date('2025-03-01T08:00:00.000Z');

const body = (extra: object) => ({ sessionId: SESSION, clientMessageId: MESSAGE, ...extra });

describe('parseWebMessage', () => {
  it('makes a text event with the session as chat and the message id as update', () => {
    const sut = parseWebMessage(body({ text: '  Đi làm ở Hàn Quốc cần gì?  ' }), NOW);

    expect(sut).toEqual({
      ok: true,
      event: {
        type: 'text',
        channel: 'web',
        updateId: MESSAGE,
        chatId: SESSION,
        user: { id: SESSION },
        sentAt: NOW.toISOString(),
        text: 'Đi làm ở Hàn Quốc cần gì?',
      },
    });
  });

  it('makes an action event for a button press', () => {
    const sut = parseWebMessage(body({ action: 'handoff' }), NOW);

    expect(sut).toMatchObject({ ok: true, event: { type: 'action', action: 'handoff' } });
  });

  it('makes a command event for /start and /lang en', () => {
    expect(parseWebMessage(body({ text: '/start' }), NOW)).toMatchObject({
      event: { type: 'command', command: 'start' },
    });
    expect(parseWebMessage(body({ text: '/lang en' }), NOW)).toMatchObject({
      event: { type: 'command', command: 'lang', argument: 'en' },
    });
  });

  it('refuses empty text in Vietnamese', () => {
    expect(parseWebMessage(body({ text: '   ' }))).toEqual({
      ok: false,
      status: 400,
      code: 'validation_failed',
      message: 'Vui lòng nhập câu hỏi trước khi gửi.',
    });
    expect(parseWebMessage(body({}))).toMatchObject({ ok: false, status: 400 });
  });

  it('refuses text over 2000 characters with 413', () => {
    expect(parseWebMessage(body({ text: 'ạ'.repeat(2000) }))).toMatchObject({ ok: true });
    expect(parseWebMessage(body({ text: 'ạ'.repeat(2001) }))).toMatchObject({
      ok: false,
      status: 413,
      code: 'question_too_long',
      message: expect.stringContaining('tối đa 2000 ký tự'),
    });
  });

  it('counts the length after composing to NFC, and sends the composed text', () => {
    const decomposed = 'a\u0323'.repeat(2000); // "ạ" typed as a + combining dot: 4000 code points

    const sut = parseWebMessage(body({ text: decomposed }), NOW);

    expect(sut).toMatchObject({ ok: true, event: { type: 'text', text: 'ạ'.repeat(2000) } });
  });

  it('drops control characters and replaces lone surrogates in text and actions', () => {
    expect(parseWebMessage(body({ text: 'Hộ\u0000 chiếu\u001b?\nGấp \uD83D' }), NOW)).toMatchObject(
      {
        ok: true,
        event: { type: 'text', text: 'Hộ chiếu?\nGấp \uFFFD' },
      },
    );
    expect(parseWebMessage(body({ action: 'hando\u0000ff' }), NOW)).toMatchObject({
      ok: true,
      event: { type: 'action', action: 'handoff' },
    });
    expect(parseWebMessage(body({ text: '\u0000\u0001 ' }), NOW)).toMatchObject({
      ok: false,
      message: 'Vui lòng nhập câu hỏi trước khi gửi.',
    });
    expect(parseWebMessage(body({ action: '\u0000' }), NOW)).toMatchObject({ ok: false });
  });

  it('refuses ids that are not UUIDs, both text and action, and oversized actions', () => {
    expect(parseWebMessage({ sessionId: 'x', clientMessageId: MESSAGE, text: 'a' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('Phiên trò chuyện'),
    });
    expect(parseWebMessage(body({ text: 'a', action: 'b' }))).toMatchObject({ ok: false });
    expect(parseWebMessage(body({ action: 'x'.repeat(65) }))).toMatchObject({ ok: false });
    expect(parseWebMessage(body({ text: 42 }))).toMatchObject({ ok: false });
    expect(parseWebMessage([1, 2])).toMatchObject({ ok: false, code: 'malformed_json' });
  });
});
