import { describe, expect, it } from 'vitest';
import type { BotEvent, BotReply } from '../messages/bot-message';
import { INITIAL_STATE, leaveUnitFlows } from './conversation-state';
import { interpret } from './intent';
import {
  accountReplies,
  linkedReplies,
  linkRefusedReplies,
  readLinkCode,
  unitHelpReplies,
  unitMenuReply,
} from './link-flow';
import {
  attachmentOf,
  chooseTaskReplies,
  takeTaskUpdateText,
  type TaskChoice,
  taskUpdateSummaryReplies,
} from './task-update-flow';

const base = { channel: 'telegram' as const, updateId: '1', chatId: 'c1', user: { id: 'u1' } };
const event = (fields: Record<string, unknown>) => ({ ...base, ...fields }) as BotEvent;
const textOf = (replies: BotReply[]) =>
  replies.map((r) => (r.type === 'text' ? r.text : '')).join('\n');
const actionsOf = (replies: BotReply[]) =>
  replies.flatMap((r) => (r.type === 'text' ? (r.buttons ?? []).flat().map((b) => b.action) : []));
const ACCOUNT = { fullName: 'Nguyễn Văn An', unitName: 'Công an thành phố' };

describe('linking a chat account', () => {
  it('reads /lienket with its code, the button, and the code typed after it', () => {
    expect(
      interpret(
        INITIAL_STATE,
        event({ type: 'command', command: 'lienket', argument: 'abcd-efgh' }),
      ),
    ).toEqual({
      kind: 'link',
      code: 'abcd-efgh',
    });
    expect(interpret(INITIAL_STATE, event({ type: 'action', action: 'link' }))).toEqual({
      kind: 'link',
    });
    const waiting = { ...INITIAL_STATE, awaitingLinkCode: true };
    expect(interpret(waiting, event({ type: 'text', text: 'K7QX 9MZD' }))).toEqual({
      kind: 'link',
      code: 'K7QX 9MZD',
    });
    expect(interpret(INITIAL_STATE, event({ type: 'command', command: 'huylienket' }))).toEqual({
      kind: 'unlink',
      confirmed: false,
    });
    expect(interpret(INITIAL_STATE, event({ type: 'action', action: 'unlink:ok' }))).toEqual({
      kind: 'unlink',
      confirmed: true,
    });
    expect(readLinkCode(' k7qx-9mzd ')).toBe('K7QX9MZD');
    expect(readLinkCode('K7QX-9MZ0')).toBeNull();
  });

  it('shows the name and unit with an undo button, and says clearly why a code was refused', () => {
    const replies = linkedReplies(ACCOUNT);
    expect(textOf(replies)).toContain('cán bộ **Nguyễn Văn An**, đơn vị **Công an thành phố**');
    expect(actionsOf(replies)).toEqual(['unlink', 'rp', 'tu', 'acct']);
    expect(textOf(linkRefusedReplies('used'))).toMatch(/đã được dùng/);
    expect(textOf(linkRefusedReplies('expired'))).toMatch(/hết hạn/);
    expect(textOf(linkRefusedReplies('revoked'))).toMatch(/thu hồi/);
    expect(textOf(linkRefusedReplies('unknown'))).toMatch(/không đúng/);
    expect(textOf(accountReplies(null))).toMatch(/chưa liên kết/);
    // Three buttons: one Zalo message.
    expect(unitMenuReply(ACCOUNT).buttons?.flat()).toHaveLength(3);
    const help = [{ type: 'text' as const, text: 'Bạn có thể…' }];
    expect(actionsOf(unitHelpReplies(help, null))).toEqual(['link']);
    expect(actionsOf(unitHelpReplies(help, ACCOUNT))).toEqual(['rp', 'tu', 'acct']);
  });

  it('every sentence is NFC', () => {
    const all = [
      ...linkedReplies(ACCOUNT),
      ...linkRefusedReplies('too_many_attempts'),
      ...chooseTaskReplies([]),
    ];
    for (const text of textOf(all).split('\n')) expect(text).toBe(text.normalize('NFC'));
  });
});

describe('a progress update on a task', () => {
  const tasks: TaskChoice[] = Array.from({ length: 5 }, (_, i) => ({
    id: `t${i}`,
    code: `1.${i + 1}`,
    title: `Tuyên truyền về di cư an toàn tại cơ sở, nhiệm vụ số ${i + 1} rất dài`,
    role: i === 0 ? 'lead' : 'coordinating',
    overdue: i === 1,
  }));

  it('lists the unit tasks as buttons, in pages for a channel with few buttons', () => {
    const all = chooseTaskReplies(tasks);
    expect(actionsOf(all)).toEqual([
      'tu:t:t0',
      'tu:t:t1',
      'tu:t:t2',
      'tu:t:t3',
      'tu:t:t4',
      'cancel',
    ]);
    const labels = all[0].type === 'text' ? all[0].buttons!.flat().map((b) => b.label) : [];
    expect(labels[0]).toMatch(/^1\.1 Tuyên truyền.*… \(chủ trì\)$/);
    expect(labels[1]).toMatch(/\(phối hợp, quá hạn\)$/);
    expect(actionsOf(chooseTaskReplies(tasks, 2, 0))).toEqual([
      'tu:t:t0',
      'tu:t:t1',
      'tu:p:1',
      'cancel',
    ]);
    expect(actionsOf(chooseTaskReplies(tasks, 2, 2))).toEqual(['tu:t:t4', 'tu', 'cancel']);
    expect(textOf(chooseTaskReplies([]))).toMatch(/chưa có nhiệm vụ/);
  });

  it('takes the text, then a photo or none, then shows a summary to confirm', () => {
    const draft = { step: 'text' as const, taskId: 't0', taskLabel: '1.1 Tuyên truyền' };
    expect(takeTaskUpdateText(draft, '   ')).toMatchObject({ ok: false });
    expect(takeTaskUpdateText(draft, 'x'.repeat(4001))).toMatchObject({ ok: false });
    const taken = takeTaskUpdateText(draft, 'Đã tổ chức 2 buổi tuyên truyền');
    expect(taken).toMatchObject({
      ok: true,
      draft: { step: 'attach', text: 'Đã tổ chức 2 buổi tuyên truyền' },
    });

    const photo = attachmentOf({ fileRef: 'ph-1280', mimeType: 'image/jpeg' });
    expect(photo).toEqual({ kind: 'photo', fileRef: 'ph-1280', mimeType: 'image/jpeg' });
    expect(
      attachmentOf({ fileRef: 'doc', fileName: 'bien-ban.pdf', mimeType: 'application/pdf' }).kind,
    ).toBe('document');
    const summary = textOf(
      taskUpdateSummaryReplies({ ...draft, step: 'confirm', text: 'Đã làm', attachment: photo }),
    );
    expect(summary).toContain('- Nhiệm vụ: **1.1 Tuyên truyền**');
    expect(summary).toContain('- Tệp kèm: ảnh');
  });

  it('reads a file as the attachment while an update is written, and text as its content', () => {
    const state = {
      ...INITIAL_STATE,
      taskUpdate: { step: 'attach' as const, taskId: 't0', text: 'Đã làm' },
    };
    expect(
      interpret(
        state,
        event({ type: 'file', fileRef: 'ph-1', mimeType: 'image/jpeg', caption: 'Ảnh buổi họp' }),
      ),
    ).toEqual({
      kind: 'task_update_file',
      attachment: { kind: 'photo', fileRef: 'ph-1', mimeType: 'image/jpeg' },
      caption: 'Ảnh buổi họp',
    });
    const writing = { ...INITIAL_STATE, taskUpdate: { step: 'text' as const, taskId: 't0' } };
    expect(interpret(writing, event({ type: 'text', text: 'Đã họp' }))).toEqual({
      kind: 'task_update_text',
      text: 'Đã họp',
    });
    expect(interpret(INITIAL_STATE, event({ type: 'command', command: 'capnhat' }))).toEqual({
      kind: 'task_update',
    });
    expect(interpret(INITIAL_STATE, event({ type: 'action', action: 'tu:t:abc' }))).toEqual({
      kind: 'task_update_task',
      taskId: 'abc',
    });
    const left = { ...writing, awaitingLinkCode: true };
    leaveUnitFlows(left);
    expect(left).toEqual(INITIAL_STATE);
  });
});

describe('the unit flows in English', () => {
  it('links, refuses a code, and offers the unit buttons in English; Vietnamese by default', () => {
    const linked = linkedReplies(ACCOUNT, 'en');
    expect(textOf(linked)).toContain(
      'This account is now linked to officer **Nguyễn Văn An**, unit **Công an thành phố**.',
    );
    expect(
      linked.flatMap((r) =>
        r.type === 'text' ? (r.buttons ?? []).flat().map((b) => b.label) : [],
      ),
    ).toEqual(['Unlink', 'Periodic reports', 'Task progress update', 'Linked account']);
    expect(textOf(linkRefusedReplies('expired', 'en'))).toBe(
      'This link code has expired. Please ask the coordinating office for a new one.',
    );
    expect(textOf(accountReplies(null, 'en'))).toMatch(/^This account is not linked/);
    expect(textOf(linkedReplies(ACCOUNT))).toMatch(/^Đã liên kết tài khoản này/);
  });

  it('walks a task update in English, the task keeping its title', () => {
    const tasks: TaskChoice[] = [
      { id: 't1', code: '1.1', title: 'Tuyên truyền', role: 'lead', overdue: true },
    ];
    const chosen = chooseTaskReplies(tasks, 10, 0, 'en');
    expect(textOf(chosen)).toMatch(/^Which task would you like/);
    expect(
      chosen.flatMap((r) =>
        r.type === 'text' ? (r.buttons ?? []).flat().map((b) => b.label) : [],
      ),
    ).toEqual(['1.1 Tuyên truyền (lead, overdue)', 'Cancel']);
    const summary = taskUpdateSummaryReplies(
      { step: 'confirm', taskId: 't1', taskLabel: '1.1 Tuyên truyền', text: 'Đã họp dân.' },
      'en',
    );
    expect(textOf(summary)).toContain('- Attachment: none');
    const empty = takeTaskUpdateText({ step: 'text', taskId: 't1' }, '...', 'en');
    expect(!empty.ok && textOf(empty.replies)).toBe('Please type the progress update in words.');
  });
});
