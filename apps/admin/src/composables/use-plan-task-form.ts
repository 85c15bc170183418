import {
  codeFitsGroup,
  isCalendarDate,
  nextTaskCode,
  TASK_CODE_PATTERN,
  type CreatePlanTaskRequest,
  type PlanGroupResponse,
  type PlanTaskResponse,
  type TaskStatus,
} from '@gcm/domain';
import type { Translate } from '@/utils/field-error-text';
import type { SetFieldError } from './use-form-submit';
import { cleanText, isTypedYear } from './use-plan-form';

/**
 * A plan task's form in the console: what staff fill in, how it becomes the API's request and
 * the checks made before sending. The timeframe's "until" is two choices here, a year or a day,
 * as plans write them ("Đến năm 2025", "Đến ngày 30/06/2025").
 */
export type TimeframeChoice = 'ongoing' | 'range' | 'untilYear' | 'untilDate';

export const TIMEFRAME_CHOICES: readonly TimeframeChoice[] = [
  'ongoing',
  'range',
  'untilYear',
  'untilDate',
];

export interface TaskForm {
  groupId: string;
  code: string;
  title: string;
  description: string;
  leadUnitId: string;
  coordinatingUnitIds: string[];
  timeframe: TimeframeChoice;
  /** Days as YYYY-MM-DD (the date pickers' value format); the year as typed. */
  from: string;
  to: string;
  year: string;
  until: string;
  status: TaskStatus;
}

const YEAR = /^\d{4}$/;

/** A new task of the group, numbered after its last one. */
export function newTaskForm(group: PlanGroupResponse): TaskForm {
  return {
    groupId: group.id,
    code: nextTaskCode(
      group.ordinal,
      group.tasks.map((task) => task.code),
    ),
    title: '',
    description: '',
    leadUnitId: '',
    coordinatingUnitIds: [],
    timeframe: 'ongoing',
    from: '',
    to: '',
    year: '',
    until: '',
    status: 'not_started',
  };
}

/** The form of an existing task. */
export function taskFormOf(task: PlanTaskResponse): TaskForm {
  const { timeframe } = task;
  const isYear = timeframe.kind === 'until' && YEAR.test(timeframe.until);
  return {
    groupId: task.group.id,
    code: task.code,
    title: task.title,
    description: task.description,
    leadUnitId: task.leadUnit.id,
    coordinatingUnitIds: task.coordinatingUnits.map((unit) => unit.id),
    timeframe: timeframe.kind === 'until' ? (isYear ? 'untilYear' : 'untilDate') : timeframe.kind,
    from: timeframe.kind === 'range' ? timeframe.from : '',
    to: timeframe.kind === 'range' ? timeframe.to : '',
    year: isYear ? timeframe.until : '',
    until: timeframe.kind === 'until' && !isYear ? timeframe.until : '',
    status: task.status,
  };
}

/** The API's request: text in NFC and trimmed, the timeframe holding only its own fields. */
export function taskRequestOf(form: TaskForm): CreatePlanTaskRequest {
  return {
    groupId: form.groupId,
    code: form.code.trim(),
    title: cleanText(form.title),
    description: cleanText(form.description),
    leadUnitId: form.leadUnitId,
    coordinatingUnitIds: form.coordinatingUnitIds.filter((id) => id !== form.leadUnitId),
    timeframe: timeframeOf(form),
    status: form.status,
  };
}

function timeframeOf(form: TaskForm): CreatePlanTaskRequest['timeframe'] {
  switch (form.timeframe) {
    case 'ongoing':
      return { kind: 'ongoing' };
    case 'range':
      return { kind: 'range', from: form.from, to: form.to };
    case 'untilYear':
      return { kind: 'until', until: form.year.trim() };
    case 'untilDate':
      return { kind: 'until', until: form.until };
  }
}

/**
 * The checks the API would make, said in the console's language beside their fields: the number
 * (its form, its group, not another task's), the title, the lead unit and the timeframe.
 */
export function checkTaskForm(
  form: TaskForm,
  groups: readonly PlanGroupResponse[],
  taskId: string | null,
  set: SetFieldError,
  t: Translate,
): void {
  const required = t('common.requiredField');
  const group = groups.find((item) => item.id === form.groupId);
  const code = form.code.trim();
  if (!group) set('groupId', required);
  if (!code) set('code', required);
  else if (!TASK_CODE_PATTERN.test(code)) set('code', t('reporting.plan.task.codeFormat'));
  else if (group && !codeFitsGroup(code, group.ordinal)) {
    set('code', t('reporting.plan.task.codeGroup', { ordinal: group.ordinal }));
  } else if (
    groups.some((item) => item.tasks.some((task) => task.code === code && task.id !== taskId))
  ) {
    set('code', t('errors.plan_task_code_taken'));
  }
  if (form.title.trim().length < 3) {
    set('title', form.title.trim() ? t('reporting.plan.task.titleShort') : required);
  }
  if (!form.leadUnitId) set('leadUnitId', required);
  if (form.timeframe === 'range') {
    if (!isCalendarDate(form.from)) set('from', required);
    if (!isCalendarDate(form.to)) set('to', required);
    else if (isCalendarDate(form.from) && form.to < form.from) {
      set('to', t('reporting.plan.task.toBeforeFrom'));
    }
  }
  if (form.timeframe === 'untilYear' && !isTypedYear(form.year)) {
    set('year', t('reporting.plan.task.yearFormat'));
  }
  if (form.timeframe === 'untilDate' && !isCalendarDate(form.until)) set('until', required);
}
