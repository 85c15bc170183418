import { describe, expect, it } from 'vitest';
import type { BotEvent } from '../messages/bot-message';
import { formatTipCode, normaliseTipCode, TIP_CODE_ALPHABET } from '../tips/tip';
import { INITIAL_STATE } from './conversation-state';
import { interpret } from './intent';
import { tipNoticeReplies, tipReplies, tipReplyReplies } from './tip-flow';

const base = { channel: 'telegram' as const, updateId: '1', chatId: 'c1', user: { id: 'u1' } };
const event = (fields: Record<string, unknown>) => ({ ...base, ...fields }) as BotEvent;
const text = (t: string) => event({ type: 'text', text: t });

describe('"Báo tin" in the dialog', () => {
  it('starts from the menu button, /baotin (with a code to add to a report) and "báo tin"', () => {
    expect(interpret(INITIAL_STATE, event({ type: 'action', action: 'tip' }))).toEqual({
      kind: 'tip_start',
    });
    expect(interpret(INITIAL_STATE, event({ type: 'command', command: 'baotin' }))).toEqual({
      kind: 'tip_start',
    });
    expect(
      interpret(INITIAL_STATE, event({ type: 'command', command: 'baotin', argument: ' acde ' })),
    ).toEqual({ kind: 'tip_start', code: 'acde' });
    expect(interpret(INITIAL_STATE, text('Báo tin'))).toEqual({ kind: 'tip_start' });
  });

  it('asks first on words such as "tố giác", "báo công an", typed with or without diacritics', () => {
    for (const typed of ['Tôi muốn tố giác một đường dây', 'to giac moi gioi', 'cần báo công an']) {
      expect(interpret(INITIAL_STATE, text(typed))).toEqual({ kind: 'tip_offer', text: typed });
    }
    expect(interpret(INITIAL_STATE, text('thủ tục làm hộ chiếu'))).toMatchObject({ kind: 'ask' });
  });

  it('while a report is written, texts, photos and a shared phone are part of it', () => {
    const writing = { ...INITIAL_STATE, tip: { step: 'details' as const, tipId: 't1' } };
    expect(interpret(writing, text('Có người gặp cán bộ hứa việc'))).toEqual({
      kind: 'tip_text',
      text: 'Có người gặp cán bộ hứa việc',
    });
    expect(
      interpret(
        writing,
        event({ type: 'file', fileRef: 'ph-1', mimeType: 'image/jpeg', caption: ' giấy ' }),
      ),
    ).toEqual({
      kind: 'tip_file',
      attachment: { kind: 'photo', fileRef: 'ph-1', mimeType: 'image/jpeg' },
      caption: 'giấy',
    });
    const contact = { ...INITIAL_STATE, tip: { step: 'contact_text' as const, tipId: 't1' } };
    expect(interpret(contact, event({ type: 'contact', phone: '0912345678' }))).toEqual({
      kind: 'tip_text',
      text: '0912345678',
    });
  });

  it('reads a code typed any way, and only codes of its alphabet and length', () => {
    expect(normaliseTipCode('acde-fghj km')).toBe('ACDEFGHJKM');
    expect(normaliseTipCode('ACDE-FGHJ-K0')).toBeNull();
    expect(normaliseTipCode('ACDE')).toBeNull();
    expect(formatTipCode('ACDEFGHJKM')).toBe('ACDE-FGHJ-KM');
    expect(TIP_CODE_ALPHABET).not.toMatch(/[01258BILOSZ]/);
  });

  it('says what happens to the report and 113 first; the summary never repeats the content', () => {
    const [intro] = tipReplies('vi', { kind: 'intro', retentionDays: 180 });
    expect(intro.type === 'text' && intro.text).toContain('gọi **113** trước');
    expect(intro.type === 'text' && intro.text).toContain('**180 ngày**');
    const [confirm] = tipReplies('vi', {
      kind: 'confirm',
      texts: 2,
      photos: 1,
      anonymous: true,
      area: 'Phường Đức Xuân',
    });
    expect(confirm.type === 'text' && confirm.text).toContain('2 tin nhắn, 1 ảnh');
    const [reply] = tipReplyReplies('vi', 'ACDEFGHJKM', 'Đã nhận.');
    expect(reply).toMatchObject({
      text: '**Công an trả lời về tin báo ACDE-FGHJ-KM:**\nĐã nhận.',
      buttons: [[{ action: 'tip:add:ACDEFGHJKM' }]],
    });
  });

  it("tells a police officer's chat the code, the area and the console's link, in plain text", () => {
    const url = 'https://gcm.example.gov.vn/tips/5b0c2a4e-1f7d-4c3a-9a51-2d6f0e8b7c11';
    expect(
      tipNoticeReplies('vi', { kind: 'new', code: 'ACDEFGHJKM', area: 'Phường Đức Xuân', url }),
    ).toEqual([
      {
        type: 'text',
        text: `Có tin báo mới gửi Công an: mã ACDE-FGHJ-KM, địa bàn Phường Đức Xuân.\nXem trong trang quản trị: ${url}`,
      },
    ]);
    const [addition] = tipNoticeReplies('vi', {
      kind: 'addition',
      code: 'ACDEFGHJKM',
      area: 'Phường Đức Xuân',
      url: null,
    });
    expect(addition).toEqual({
      type: 'text',
      text:
        'Người báo tin đã gửi thêm thông tin cho tin báo mã ACDE-FGHJ-KM, địa bàn Phường Đức Xuân.\n' +
        'Xem trong trang quản trị, mục Hỏi đáp → Tin báo cho Công an.',
    });
    const [english] = tipNoticeReplies('en', { kind: 'new', code: 'ACDEFGHJKM', area: 'X', url });
    expect(english).toMatchObject({ text: expect.stringContaining('A new report to the police') });
    for (const reply of [addition, english])
      expect(reply.type === 'text' && reply.text === reply.text.normalize('NFC')).toBe(true);
  });
});
