/**
 * Where a plan task stands. "Overdue" is not a status anyone sets: it follows from the task's
 * timeframe and today's date (`isTaskOverdue`), so it can never be stale.
 */
export const TaskStatus = {
  NotStarted: 'not_started',
  InProgress: 'in_progress',
  Done: 'done',
  Blocked: 'blocked',
} as const;

export type TaskStatus = (typeof TaskStatus)[keyof typeof TaskStatus];

export const TASK_STATUSES: readonly TaskStatus[] = Object.values(TaskStatus);

export const taskStatusLabelsVi: Record<TaskStatus, string> = {
  not_started: 'Chưa triển khai',
  in_progress: 'Đang triển khai',
  done: 'Đã hoàn thành',
  blocked: 'Gặp khó khăn, vướng mắc',
};

/** Shown beside the status of a task past its timeframe and not done. */
export const OVERDUE_LABEL_VI = 'Quá hạn';
