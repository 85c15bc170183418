import { describe, expect, it } from 'vitest';
import type { BotEvent } from '../messages/bot-message';
import type { AskResponse } from '../api/knowledge';
import { Action, interpret } from './intent';
import { countMessage, FLOOD_LIMIT_PER_MINUTE, INITIAL_STATE } from './conversation-state';
import { answerReplies, menuReply, staleChoiceReplies } from './replies';

const base = { channel: 'telegram' as const, updateId: '1', chatId: 'c1', user: { id: 'u1' } };
/** A Telegram event of one chat; the fields given complete it. */
const event = (fields: Record<string, unknown>) => ({ ...base, ...fields }) as BotEvent;

describe('interpret', () => {
  it('reads commands in Vietnamese and English, ignoring diacritics', () => {
    expect(interpret(INITIAL_STATE, event({ type: 'command', command: 'start' }))).toEqual({
      kind: 'start',
    });
    expect(interpret(INITIAL_STATE, event({ type: 'command', command: 'huy' }))).toEqual({
      kind: 'unsubscribe',
    });
    expect(
      interpret(INITIAL_STATE, event({ type: 'command', command: 'lang', argument: 'EN' })),
    ).toEqual({
      kind: 'choose_language',
      locale: 'en',
    });
    expect(interpret(INITIAL_STATE, event({ type: 'command', command: 'khong-co' }))).toEqual({
      kind: 'help',
    });
  });

  it('sends free text to the matcher, but "gặp cán bộ" typed any way to staff', () => {
    expect(interpret(INITIAL_STATE, event({ type: 'text', text: 'đi xkld cần gì' }))).toEqual({
      kind: 'ask',
      text: 'đi xkld cần gì',
    });
    for (const text of ['Gặp cán bộ', 'gap can bo', 'GẶP CÁN BỘ!']) {
      expect(interpret(INITIAL_STATE, event({ type: 'text', text }))).toEqual({ kind: 'handoff' });
    }
  });

  it('greets a greeting with the welcome and the menu, not a question for staff', () => {
    for (const text of [
      'xin chào',
      'Xin chào!',
      'chào bạn',
      'Chào bạn ạ',
      'chao ban',
      'hello',
      'Hi',
      'alo',
      'Alô',
      'xin chào cán bộ',
      'Chào buổi sáng',
      'hello bot 👋',
    ]) {
      expect(interpret(INITIAL_STATE, event({ type: 'text', text })), text).toEqual({
        kind: 'start',
      });
    }
  });

  it('reads a greeting followed by a question as the question, and greets staff in a handoff', () => {
    const question = 'Xin chào, cho hỏi làm hộ chiếu ở đâu?';
    expect(interpret(INITIAL_STATE, event({ type: 'text', text: question }))).toEqual({
      kind: 'ask',
      text: question,
    });
    const state = { ...INITIAL_STATE, mode: 'handoff' as const, handoffId: 'h1' };
    expect(interpret(state, event({ type: 'text', text: 'chào anh' }))).toEqual({
      kind: 'handoff_message',
      text: 'chào anh',
    });
  });

  it("reads a file's caption as the question, and joins a captioned file to a handoff", () => {
    const photo = (caption?: string) =>
      event({ type: 'file', fileRef: 'AgAD', fileName: 'hop-dong.jpg', caption });
    expect(interpret(INITIAL_STATE, photo('Hợp đồng này có hợp pháp không?'))).toEqual({
      kind: 'ask',
      text: 'Hợp đồng này có hợp pháp không?',
    });
    expect(interpret(INITIAL_STATE, photo())).toEqual({ kind: 'unsupported', what: 'file' });
    expect(interpret(INITIAL_STATE, photo('  '))).toEqual({ kind: 'unsupported', what: 'file' });
    expect(interpret(INITIAL_STATE, photo('gặp cán bộ'))).toEqual({ kind: 'handoff' });

    const state = { ...INITIAL_STATE, mode: 'handoff' as const, handoffId: 'h1' };
    expect(interpret(state, photo('Đây là ảnh hợp đồng'))).toEqual({
      kind: 'handoff_message',
      text: '[tệp: hop-dong.jpg] Đây là ảnh hợp đồng',
    });
    expect(interpret(state, event({ type: 'file', fileRef: 'AgAD' }))).toEqual({
      kind: 'handoff_message',
      text: '[tệp]',
    });
  });

  it('joins messages to the open inbox item while staff handle the conversation', () => {
    const state = { ...INITIAL_STATE, mode: 'handoff' as const, handoffId: 'h1' };
    expect(interpret(state, event({ type: 'text', text: 'tôi ở phường Đức Xuân' }))).toEqual({
      kind: 'handoff_message',
      text: 'tôi ở phường Đức Xuân',
    });
  });

  it('reads the buttons it offers back', () => {
    const id = '0b6c3d1e-2f4a-4b5c-8d9e-0f1a2b3c4d5e';
    expect(
      interpret(INITIAL_STATE, event({ type: 'action', action: Action.feedback(id, false) })),
    ).toEqual({
      kind: 'feedback',
      faqId: id,
      useful: false,
    });
    expect(
      interpret(INITIAL_STATE, event({ type: 'action', action: Action.subscribeTopic(null) })),
    ).toEqual({
      kind: 'subscribe_topic',
      topicId: null,
    });
    expect(Buffer.byteLength(Action.feedback(id, false))).toBeLessThanOrEqual(64);
  });

  it('answers stickers and unknown things politely, and notes an unfollow', () => {
    expect(interpret(INITIAL_STATE, event({ type: 'unsupported', what: 'sticker' }))).toEqual({
      kind: 'unsupported',
      what: 'sticker',
    });
    expect(interpret(INITIAL_STATE, event({ type: 'unfollow' }))).toEqual({ kind: 'unfollow' });
  });
});

describe('flood control', () => {
  it('lets 20 messages a minute through, then asks to slow down, and resets after a minute', () => {
    let window;
    let flooded = false;
    for (let i = 0; i < FLOOD_LIMIT_PER_MINUTE; i++)
      ({ window, flooded } = countMessage(window, 1_000 + i));
    expect(flooded).toBe(false);
    expect(countMessage(window, 2_000).flooded).toBe(true);
    expect(countMessage(window, 62_000).flooded).toBe(false);
  });
});

describe('answerReplies', () => {
  it('ends an answer with the helpful? buttons, offers choices when ambiguous, and says so honestly otherwise', () => {
    const answered = answerReplies('vi', {
      status: 'answered',
      confidence: 0.8,
      suggestions: [],
      locale: 'vi',
      inField: true,
      danger: false,
      faq: { id: 'f1', question: 'Hỏi?', answer: 'Đáp.', answerHtml: '<p>Đáp.</p>', topic: 'T' },
    });
    expect(answered).toHaveLength(1);
    expect(answered[0]).toMatchObject({
      text: '**Hỏi?**\n\nĐáp.\n\nCâu trả lời này có hữu ích không?',
    });
    expect(answered[0].type === 'text' && answered[0].buttons?.flat().map((b) => b.action)).toEqual(
      ['fb:up:f1', 'fb:down:f1', 'handoff'],
    );
    const ambiguous = answerReplies('vi', {
      status: 'ambiguous',
      confidence: 0.6,
      locale: 'vi',
      inField: true,
      danger: false,
      suggestions: [
        { id: 'a', question: 'Câu A?', confidence: 0.6 },
        { id: 'b', question: 'Câu B?', confidence: 0.58 },
      ],
    });
    expect(ambiguous[0]).toMatchObject({ text: 'Có phải bạn muốn hỏi:' });
    expect(
      ambiguous[0].type === 'text' && ambiguous[0].buttons?.flat().map((b) => b.label),
    ).toEqual(['Câu A?', 'Câu B?', 'Không phải, gặp cán bộ']);
    expect(
      ambiguous[0].type === 'text' && ambiguous[0].buttons?.flat().map((b) => b.action),
    ).toEqual(['pick:a', 'pick:b', 'handoff']);
    const noAnswer: AskResponse = {
      status: 'no_answer',
      confidence: 0,
      suggestions: [],
      locale: 'vi',
      inField: true,
      danger: false,
    };
    const none = answerReplies('vi', noAnswer, 'Gọi **113**.');
    // The emergency route first, then the honest "no answer", in one message.
    expect(none).toHaveLength(1);
    expect(none[0]).toMatchObject({
      text: expect.stringMatching(/^Gọi \*\*113\*\*\.\n\nXin lỗi.*chuyển đến cán bộ/),
    });
    // In English: the bot's own sentence, with the hotline the Vietnamese route names.
    const english = answerReplies(
      'en',
      { ...noAnswer, locale: 'en' },
      'Gọi **113**; ở nước ngoài: **+84 981 84 84 84**.',
    );
    expect(english[0]).toMatchObject({
      text: expect.stringMatching(
        /^\*\*If you are in danger\*\*.*consulate\.\nOther hotlines .*: \*\*\+84 981 84 84 84\*\*\.\n\nSorry/,
      ),
    });
  });

  it('reads a pick among the choices as a choice, not a plain FAQ view', () => {
    expect(interpret(INITIAL_STATE, event({ type: 'action', action: 'pick:f1' }))).toEqual({
      kind: 'pick_choice',
      faqId: 'f1',
    });
  });
});

describe('staleChoiceReplies', () => {
  it('says politely that the choice is gone, then offers the list again', () => {
    const menu = menuReply('vi', [{ id: 't1', name: 'Hộ chiếu' }]);
    const replies = staleChoiceReplies('vi', [menu]);
    expect(replies).toHaveLength(2);
    expect(replies[0]).toMatchObject({
      type: 'text',
      text: expect.stringMatching(/^Lựa chọn này không còn nữa\./),
    });
    expect(replies[1]).toBe(menu);
    expect(staleChoiceReplies('en', [])[0]).toMatchObject({
      text: expect.stringMatching(/no longer available/),
    });
  });
});

describe('the topic menu in pages', () => {
  const topics = Array.from({ length: 5 }, (_, i) => ({ id: `t${i}`, name: `Chủ đề ${i}` }));
  const actionsOf = (reply: ReturnType<typeof menuReply>) =>
    (reply.buttons ?? []).flat().map((b) => b.action);

  it('shows one page with a button to the next, and from the last back to the first', () => {
    expect(actionsOf(menuReply('vi', topics, 2))).toEqual([
      'topic:t0',
      'topic:t1',
      'menu:1',
      'near',
      'co',
      'tip',
      'handoff',
    ]);
    expect(actionsOf(menuReply('vi', topics, 2, 1))).toEqual([
      'topic:t2',
      'topic:t3',
      'menu:2',
      'near',
      'co',
      'tip',
      'handoff',
    ]);
    const last = menuReply('vi', topics, 2, 2);
    expect(actionsOf(last)).toEqual(['topic:t4', 'menu', 'near', 'co', 'tip', 'handoff']);
    expect(last.buttons?.[1][0].label).toBe('‹ Các chủ đề đầu');
    // A page past the end (the topics changed since the button was sent) shows the last one.
    expect(actionsOf(menuReply('vi', topics, 2, 9))).toEqual(actionsOf(last));
    expect(actionsOf(menuReply('vi', topics))).toHaveLength(9);
  });

  it('reads the page buttons, and anything odd as the first page', () => {
    const press = (action: string) => interpret(INITIAL_STATE, event({ type: 'action', action }));
    expect(press('menu:2')).toEqual({ kind: 'menu', page: 2 });
    expect(press('menu')).toEqual({ kind: 'menu' });
    expect(press('menu:-1')).toEqual({ kind: 'menu' });
    expect(press('menu:abc')).toEqual({ kind: 'menu' });
  });
});
