import type {
  BotLocale,
  BotReply,
  FileEvent,
  ReplyButton,
  TextReply,
} from '../messages/bot-message';
import type { AttachmentKind } from '../plan/task-update';
import { TASK_UPDATE_LIMITS } from '../plan/task-update';

/**
 * A progress update on a plan task through the bot (`/capnhat`), for a linked account: choose a
 * task of my unit (it leads or coordinates), write, attach a photo or document or not, confirm.
 * What is written so far is kept in the conversation's state (small: the task's id and number,
 * the text and the platform's file reference); the update is stored only when confirmed.
 */

export interface ChatAttachment {
  kind: AttachmentKind;
  /** The platform's reference (Telegram file_id, Zalo URL): the file stays there. */
  fileRef: string;
  fileName?: string;
  mimeType?: string;
}

export interface TaskUpdateDraft {
  step: 'task' | 'text' | 'attach' | 'confirm';
  taskId?: string;
  /** "1.1 Tuyên truyền…", as shown in the summary. */
  taskLabel?: string;
  text?: string;
  attachment?: ChatAttachment;
}

/** A task the unit may report on, as the list shows it. */
export interface TaskChoice {
  id: string;
  code: string;
  title: string;
  /** The unit's part: lead (chủ trì) or coordinating (phối hợp). */
  role: 'lead' | 'coordinating';
  overdue: boolean;
}

export const TaskUpdateAction = {
  start: 'tu',
  page: (page: number) => `tu:p:${page}`,
  task: (taskId: string) => `tu:t:${taskId}`,
  noFile: 'tu:nf',
  send: 'tu:ok',
} as const;

export type TaskUpdateIntent =
  | { kind: 'task_update'; page?: number }
  | { kind: 'task_update_task'; taskId: string }
  | { kind: 'task_update_text'; text: string }
  | { kind: 'task_update_file'; attachment: ChatAttachment; caption?: string }
  | { kind: 'task_update_no_file' }
  | { kind: 'task_update_send' };

export const TASK_UPDATE_TEXTS = {
  chooseTask:
    'Bạn muốn cập nhật tiến độ nhiệm vụ nào? Đây là các nhiệm vụ đơn vị bạn chủ trì hoặc phối hợp:',
  noTasks:
    'Đơn vị của bạn chưa có nhiệm vụ nào trong kế hoạch (chủ trì hoặc phối hợp). Nếu có sai sót, ' +
    'bạn vui lòng báo Văn phòng điều phối.',
  askText: (task: string) =>
    `Nhiệm vụ **${task}**.\nBạn vui lòng gõ nội dung cập nhật tiến độ: việc đã làm, kết quả, ` +
    `khó khăn nếu có (tối đa ${TASK_UPDATE_LIMITS.text.toLocaleString('vi-VN')} ký tự). ` +
    'Có thể gửi kèm ảnh hoặc tài liệu với nội dung làm chú thích.',
  askAttachment:
    'Bạn có muốn gửi kèm **một** ảnh hoặc tài liệu (biên bản, hình ảnh hoạt động…) không? ' +
    'Gửi tệp ngay bây giờ, hoặc bấm **Không kèm tệp**.',
  textTooLong: (length: number) =>
    `Nội dung quá dài: tối đa ${TASK_UPDATE_LIMITS.text.toLocaleString('vi-VN')} ký tự, bạn đã ` +
    `nhập ${length.toLocaleString('vi-VN')} ký tự. Vui lòng rút gọn rồi gửi lại.`,
  textEmpty: 'Bạn vui lòng gõ nội dung cập nhật bằng chữ.',
  fileFirst: 'Đã nhận tệp. Bạn vui lòng gõ thêm nội dung cập nhật tiến độ cho nhiệm vụ này.',
  summary: (draft: TaskUpdateDraft, attachment: string) =>
    `Bạn kiểm tra lại cập nhật tiến độ:\n- Nhiệm vụ: **${draft.taskLabel ?? ''}**\n` +
    `- Nội dung: ${draft.text ?? ''}\n- Tệp kèm: ${attachment}\n` +
    'Bấm **Gửi cập nhật** để gửi.',
  sent: (task: string) =>
    `Đã gửi cập nhật tiến độ nhiệm vụ **${task}**. Cảm ơn bạn! Văn phòng điều phối sẽ xem ` +
    'trên trang quản trị.',
  notYourTask:
    'Đơn vị của bạn không chủ trì hay phối hợp thực hiện nhiệm vụ này, nên không gửi được cập nhật. ' +
    'Bạn vui lòng chọn nhiệm vụ khác.',
  taskGone: 'Nhiệm vụ này không còn trong kế hoạch. Bạn vui lòng chọn lại.',
  badAttachment: (reason: string) =>
    `Tệp này không gửi kèm được (${reason}). Bạn vui lòng gửi tệp khác hoặc bấm **Không kèm tệp**.`,
  noFileButton: 'Không kèm tệp',
  sendButton: 'Gửi cập nhật',
  moreTasks: 'Nhiệm vụ khác ›',
  firstTasks: '‹ Các nhiệm vụ đầu',
  cancelButton: 'Hủy',
  lead: 'chủ trì',
  coordinating: 'phối hợp',
  overdue: 'quá hạn',
  noAttachment: 'không',
  photo: 'ảnh',
  document: 'tài liệu',
} as const;

type TaskUpdateTexts = {
  [K in keyof typeof TASK_UPDATE_TEXTS]: (typeof TASK_UPDATE_TEXTS)[K] extends (
    ...args: infer A
  ) => string
    ? (...args: A) => string
    : string;
};

const count = (n: number) => n.toLocaleString('en-GB');

/** The flow in English, for an officer who chose English with /lang (tasks keep their titles). */
export const TASK_UPDATE_TEXTS_EN: TaskUpdateTexts = {
  chooseTask:
    'Which task would you like to report progress on? These are the tasks your unit leads or supports:',
  noTasks:
    'Your unit has no task in the plan (leading or supporting). If this is wrong, please tell ' +
    'the coordinating office.',
  askText: (task: string) =>
    `Task **${task}**.\nPlease type the progress update: what was done, results, difficulties if ` +
    `any (at most ${count(TASK_UPDATE_LIMITS.text)} characters). You may send a photo or ` +
    'document with the text as its caption.',
  askAttachment:
    'Would you like to attach **one** photo or document (minutes, pictures of the activity…)? ' +
    'Send the file now, or press **No file**.',
  textTooLong: (length: number) =>
    `The text is too long: at most ${count(TASK_UPDATE_LIMITS.text)} characters, you typed ` +
    `${count(length)}. Please shorten it and send it again.`,
  textEmpty: 'Please type the progress update in words.',
  fileFirst: 'File received. Please also type the progress update for this task.',
  summary: (draft: TaskUpdateDraft, attachment: string) =>
    `Please check the progress update:\n- Task: **${draft.taskLabel ?? ''}**\n` +
    `- Text: ${draft.text ?? ''}\n- Attachment: ${attachment}\n` +
    'Press **Send update** to send it.',
  sent: (task: string) =>
    `Progress update on task **${task}** sent. Thank you! The coordinating office will see it ` +
    'on the console.',
  notYourTask:
    'Your unit neither leads nor supports this task, so it cannot post an update on it. ' +
    'Please choose another task.',
  taskGone: 'This task is no longer in the plan. Please choose again.',
  badAttachment: (reason: string) =>
    `This file cannot be attached (${reason}). Please send another file or press **No file**.`,
  noFileButton: 'No file',
  sendButton: 'Send update',
  moreTasks: 'More tasks ›',
  firstTasks: '‹ First tasks',
  cancelButton: 'Cancel',
  lead: 'lead',
  coordinating: 'support',
  overdue: 'overdue',
  noAttachment: 'none',
  photo: 'photo',
  document: 'document',
};

/** The flow's sentences in `locale` (Vietnamese unless English was chosen). */
export function taskUpdateTexts(locale: BotLocale | undefined): TaskUpdateTexts {
  return locale === 'en' ? TASK_UPDATE_TEXTS_EN : TASK_UPDATE_TEXTS;
}

function attachmentLabel(t: TaskUpdateTexts, attachment: ChatAttachment | undefined): string {
  if (!attachment) return t.noAttachment;
  const kind = attachment.kind === 'photo' ? t.photo : t.document;
  return attachment.fileName ? `${kind} ${attachment.fileName}` : kind;
}

/**
 * The attachment a file event carries: a photo when it is an image, a document otherwise,
 * with what the platform said of it (cut to the update's limits).
 */
export function attachmentOf(
  event: Pick<FileEvent, 'fileRef' | 'fileName' | 'mimeType'>,
): ChatAttachment {
  const mimeType = event.mimeType?.trim().toLowerCase();
  return {
    kind: mimeType?.startsWith('image/') ? 'photo' : 'document',
    fileRef: event.fileRef,
    ...(event.fileName ? { fileName: event.fileName.slice(0, TASK_UPDATE_LIMITS.fileName) } : {}),
    ...(mimeType ? { mimeType: mimeType.slice(0, TASK_UPDATE_LIMITS.mimeType) } : {}),
  };
}

/** The task as people read it in the flow: "1.1 Tuyên truyền…". */
export function taskLabel(task: Pick<TaskChoice, 'code' | 'title'>): string {
  return `${task.code} ${task.title}`;
}

/**
 * Takes what the person typed as the update's text: the draft's next step and what to say, or
 * why the text is refused (the draft unchanged).
 */
export function takeTaskUpdateText(
  draft: TaskUpdateDraft,
  raw: string,
  locale: BotLocale = 'vi',
): { ok: true; draft: TaskUpdateDraft } | { ok: false; replies: BotReply[] } {
  const t = taskUpdateTexts(locale);
  const text = raw.normalize('NFC').trim();
  if (!/[\p{L}\p{N}]/u.test(text)) return { ok: false, replies: [say(t.textEmpty)] };
  const length = [...text].length;
  if (length > TASK_UPDATE_LIMITS.text) {
    return { ok: false, replies: [say(t.textTooLong(length), [[cancel(t)]])] };
  }
  return {
    ok: true,
    draft: { ...draft, text, step: draft.attachment ? 'confirm' : 'attach' },
  };
}

const say = (body: string, buttons?: ReplyButton[][]): TextReply => ({
  type: 'text',
  text: body,
  format: 'markdown',
  ...(buttons?.length ? { buttons } : {}),
});

const cancel = (t: TaskUpdateTexts): ReplyButton => ({ label: t.cancelButton, action: 'cancel' });

/** Longest task label on a button (Zalo cuts long titles anyway). */
const BUTTON_LABEL = 60;

/** The unit's tasks as buttons; with `pageSize`, a page of them and a button to the next. */
export function chooseTaskReplies(
  tasks: TaskChoice[],
  pageSize = tasks.length,
  page = 0,
  locale: BotLocale = 'vi',
): BotReply[] {
  const t = taskUpdateTexts(locale);
  if (tasks.length === 0) return [say(t.noTasks)];
  const pages = Math.max(1, Math.ceil(tasks.length / Math.max(1, pageSize)));
  const shown = Math.min(Math.max(0, page), pages - 1);
  const rows = tasks.slice(shown * pageSize, (shown + 1) * pageSize).map((task) => {
    const part = task.role === 'lead' ? t.lead : t.coordinating;
    const flags = task.overdue ? `${part}, ${t.overdue}` : part;
    const label = cut(`${taskLabel(task)}`, BUTTON_LABEL - flags.length - 3);
    return [{ label: `${label} (${flags})`, action: TaskUpdateAction.task(task.id) }];
  });
  const more =
    pages > 1
      ? [
          shown + 1 < pages
            ? { label: t.moreTasks, action: TaskUpdateAction.page(shown + 1) }
            : { label: t.firstTasks, action: TaskUpdateAction.start },
          cancel(t),
        ]
      : [cancel(t)];
  return [say(t.chooseTask, [...rows, more])];
}

export function askTaskUpdateTextReplies(
  draft: TaskUpdateDraft,
  locale: BotLocale = 'vi',
): BotReply[] {
  const t = taskUpdateTexts(locale);
  return [say(t.askText(draft.taskLabel ?? ''), [[cancel(t)]])];
}

export function askAttachmentReplies(locale: BotLocale = 'vi'): BotReply[] {
  const t = taskUpdateTexts(locale);
  return [
    say(t.askAttachment, [[{ label: t.noFileButton, action: TaskUpdateAction.noFile }, cancel(t)]]),
  ];
}

export function taskUpdateSummaryReplies(
  draft: TaskUpdateDraft,
  locale: BotLocale = 'vi',
): BotReply[] {
  const t = taskUpdateTexts(locale);
  return [
    say(t.summary(draft, attachmentLabel(t, draft.attachment)), [
      [{ label: t.sendButton, action: TaskUpdateAction.send }, cancel(t)],
    ]),
  ];
}

/** The next question for a draft, by its step (after a restart, a stale button, a stray message). */
export function taskUpdateStepReplies(
  draft: TaskUpdateDraft,
  locale: BotLocale = 'vi',
): BotReply[] {
  switch (draft.step) {
    case 'text':
      return draft.attachment
        ? [say(taskUpdateTexts(locale).fileFirst, [[cancel(taskUpdateTexts(locale))]])]
        : askTaskUpdateTextReplies(draft, locale);
    case 'attach':
      return askAttachmentReplies(locale);
    case 'confirm':
      return taskUpdateSummaryReplies(draft, locale);
    case 'task':
      return [];
  }
}

/** Reads the flow's buttons (`tu…`); undefined for another prefix. */
export function taskUpdateActionIntent(parts: string[]): TaskUpdateIntent | undefined {
  const [head, a, b] = parts;
  if (head !== 'tu') return undefined;
  if (a === 'ok') return { kind: 'task_update_send' };
  if (a === 'nf') return { kind: 'task_update_no_file' };
  if (a === 't' && b) return { kind: 'task_update_task', taskId: b };
  const page = Number(b);
  if (a === 'p' && Number.isSafeInteger(page) && page > 0) return { kind: 'task_update', page };
  return { kind: 'task_update' };
}

function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, Math.max(1, max - 1))
        .join('')
        .trimEnd()}…`;
}
