import {
  askTaskUpdateTextReplies,
  BotReply,
  chooseTaskReplies,
  Intent,
  needsLinkReplies,
  TaskChoice,
  taskLabel,
  takeTaskUpdateText,
  taskUpdateStepReplies,
  taskUpdateSummaryReplies,
  taskUpdateTexts,
  vietnamToday,
} from '@gcm/domain';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import type { TaskUpdatesService } from '../plan/task-updates.service';
import { isUuid, MENU_PAGE_SIZE } from './conversation-lists';
import type { Turn } from './turn';
import type { LinkedAccount } from './unit-ports';

type TaskUpdateIntent = Extract<
  Intent,
  {
    kind:
      | 'task_update'
      | 'task_update_task'
      | 'task_update_text'
      | 'task_update_file'
      | 'task_update_no_file'
      | 'task_update_send';
  }
>;

const say = (text: string): BotReply[] => [{ type: 'text', text, format: 'markdown' }];

/**
 * `/capnhat`: a linked officer chooses a task of their unit, writes, attaches a photo or a
 * document (or none), confirms; the update is posted by TaskUpdatesService as that staff user,
 * for their unit, with the channel and the platform's file reference. The draft is kept in the
 * conversation's state until it is sent or cancelled.
 */
export async function taskUpdateStep(
  turn: Turn,
  intent: TaskUpdateIntent,
  account: LinkedAccount | null,
  taskUpdates: TaskUpdatesService,
): Promise<BotReply[]> {
  const { manager, state, conversation } = turn;
  const { locale } = state;
  const t = taskUpdateTexts(locale);
  if (!account) {
    delete state.taskUpdate;
    return needsLinkReplies(locale);
  }
  const pageSize = MENU_PAGE_SIZE[conversation.channel];
  const draft = state.taskUpdate;
  switch (intent.kind) {
    case 'task_update':
      delete state.report;
      state.taskUpdate = { step: 'task' };
      return chooseTaskReplies(
        await unitTasks(manager, account.unitId),
        pageSize,
        intent.page,
        locale,
      );
    case 'task_update_task': {
      const task = (await unitTasks(manager, account.unitId)).find((t) => t.id === intent.taskId);
      if (!task) {
        state.taskUpdate = { step: 'task' };
        return [
          ...say(t.taskGone),
          ...chooseTaskReplies(await unitTasks(manager, account.unitId), pageSize, 0, locale),
        ];
      }
      delete state.report;
      state.taskUpdate = { step: 'text', taskId: task.id, taskLabel: taskLabel(task) };
      return askTaskUpdateTextReplies(state.taskUpdate, locale);
    }
    case 'task_update_text': {
      if (!draft || draft.step === 'task') return startOver(turn, account);
      const taken = takeTaskUpdateText(draft, intent.text, locale);
      if (!taken.ok) return taken.replies;
      state.taskUpdate = taken.draft;
      return taskUpdateStepReplies(taken.draft, locale);
    }
    case 'task_update_file': {
      if (!draft || draft.step === 'task') return startOver(turn, account);
      const next = { ...draft, attachment: intent.attachment };
      if (intent.caption && !draft.text) {
        const taken = takeTaskUpdateText(next, intent.caption, locale);
        state.taskUpdate = taken.ok ? taken.draft : { ...next, step: 'text' };
        return taken.ok ? taskUpdateSummaryReplies(taken.draft, locale) : taken.replies;
      }
      state.taskUpdate = { ...next, step: next.text ? 'confirm' : 'text' };
      return taskUpdateStepReplies(state.taskUpdate, locale);
    }
    case 'task_update_no_file':
      if (!draft?.text)
        return draft ? taskUpdateStepReplies(draft, locale) : startOver(turn, account);
      state.taskUpdate = { ...draft, attachment: undefined, step: 'confirm' };
      return taskUpdateSummaryReplies(state.taskUpdate, locale);
    case 'task_update_send': {
      if (!draft?.taskId || !draft.text) {
        return draft ? taskUpdateStepReplies(draft, locale) : startOver(turn, account);
      }
      try {
        await taskUpdates.postIn(
          manager,
          { id: account.userId, role: account.role, unitId: account.unitId },
          draft.taskId,
          {
            text: draft.text,
            unitId: account.unitId,
            channel: conversation.channel === 'zalo' ? 'zalo' : 'telegram',
            ...(draft.attachment ? { attachment: draft.attachment } : {}),
          },
        );
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        state.taskUpdate = { step: 'task' };
        const reason =
          error.status === 403
            ? t.notYourTask
            : error.status === 404
              ? t.taskGone
              : t.badAttachment(error.message);
        return [
          ...say(reason),
          ...chooseTaskReplies(await unitTasks(manager, account.unitId), pageSize, 0, locale),
        ];
      }
      delete state.taskUpdate;
      return say(t.sent(draft.taskLabel ?? ''));
    }
  }
}

async function startOver(turn: Turn, account: LinkedAccount): Promise<BotReply[]> {
  turn.state.taskUpdate = { step: 'task' };
  return chooseTaskReplies(
    await unitTasks(turn.manager, account.unitId),
    MENU_PAGE_SIZE[turn.conversation.channel],
    0,
    turn.state.locale,
  );
}

/**
 * The tasks a unit leads or coordinates, in plan order (newest plan, group, task number read
 * as numbers), with the unit's part and whether the task is overdue.
 */
export async function unitTasks(manager: EntityManager, unitId: string): Promise<TaskChoice[]> {
  if (!isUuid(unitId)) return [];
  const rows: {
    id: string;
    code: string;
    title: string;
    lead: boolean;
    overdue: boolean;
  }[] = await manager.query(
    `SELECT t.id, t.code, t.title, t.lead_unit_id = $1 AS lead,
            coalesce(t.due_on < $2 AND t.status <> 'done', false) AS overdue
     FROM plan_tasks t
     JOIN plan_groups g ON g.id = t.group_id
     JOIN plans p ON p.id = t.plan_id
     WHERE t.lead_unit_id = $1
        OR EXISTS (SELECT 1 FROM plan_task_coordinators c WHERE c.task_id = t.id AND c.unit_id = $1)
     ORDER BY p.issued_on DESC, p.id, g.ordinal, CAST(string_to_array(t.code, '.') AS int[])`,
    [unitId, vietnamToday()],
  );
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    title: r.title,
    role: r.lead ? 'lead' : 'coordinating',
    overdue: r.overdue,
  }));
}
