import { describe, expect, it } from 'vitest';
import type { BotEvent } from '../messages/bot-message';
import { INITIAL_STATE } from './conversation-state';
import { contactsReplies, HelpNearbyAction } from './help-nearby';
import { interpret } from './intent';

const event = (e: Partial<BotEvent> & Pick<BotEvent, 'type'>) =>
  ({ channel: 'telegram', updateId: '1', chatId: 'c', user: { id: 'u' }, ...e }) as BotEvent;

describe('find help nearby: reading the person', () => {
  it('starts from the menu button, a command or the words typed any way', () => {
    const press = (action: string) => interpret(INITIAL_STATE, event({ type: 'action', action }));
    expect(press(HelpNearbyAction.start)).toEqual({ kind: 'find_help' });
    expect(press(HelpNearbyAction.forTopic('t1'))).toEqual({ kind: 'find_help', topicId: 't1' });
    expect(press(HelpNearbyAction.again)).toEqual({ kind: 'find_help', again: true });
    expect(press(HelpNearbyAction.place('u1'))).toEqual({
      kind: 'find_help_place',
      unitId: 'u1',
    });
    expect(interpret(INITIAL_STATE, event({ type: 'command', command: 'hotro' }))).toEqual({
      kind: 'find_help',
    });
    expect(interpret(INITIAL_STATE, event({ type: 'text', text: 'Tim noi ho tro' }))).toEqual({
      kind: 'find_help',
    });
  });

  it('reads the next text as the area’s name while it waits for one, and a question otherwise', () => {
    const waiting = { ...INITIAL_STATE, nearby: { topicId: null } };
    expect(interpret(waiting, event({ type: 'text', text: 'duc xuan' }))).toEqual({
      kind: 'find_help_text',
      text: 'duc xuan',
    });
    expect(interpret(INITIAL_STATE, event({ type: 'text', text: 'duc xuan' }))).toEqual({
      kind: 'ask',
      text: 'duc xuan',
    });
  });
});

describe('find help nearby: the contacts', () => {
  it('lists each contact with a phone link, says which are samples and gives 113', () => {
    const [reply] = contactsReplies('vi', 'UBND phường Đức Xuân', [
      {
        name: 'Công an phường Đức Xuân (dữ liệu mẫu)',
        kind: 'police',
        phone: '0000 000 001',
        address: null,
        openingHours: '7:30–17:00',
        sample: true,
      },
      {
        name: 'Số khẩn cấp',
        kind: 'police',
        phone: '113',
        address: null,
        openingHours: null,
        sample: false,
      },
    ]);
    if (reply.type !== 'text') throw new Error('a text reply');
    expect(reply.text).toContain('[0000 000 001](tel:0000000001)');
    expect(reply.text).toContain('Giờ làm việc: 7:30–17:00');
    expect(reply.text).toContain('dữ liệu mẫu');
    expect(reply.text.indexOf('Đức Xuân (dữ liệu mẫu)')).toBeLessThan(
      reply.text.indexOf('Số khẩn cấp'),
    );
    expect(reply.text).toContain('gọi ngay **113**');
  });

  it('offers staff when no contact serves the area', () => {
    const [reply] = contactsReplies('vi', 'Xã Mới', []);
    if (reply.type !== 'text') throw new Error('a text reply');
    expect(reply.text).toContain('Chưa có nơi hỗ trợ nào');
    expect(reply.buttons?.flat().map((b) => b.action)).toContain('handoff');
  });
});
