import { Role } from '../auth/roles';

/** Roles that create, edit and delete plan tasks and change their status. */
export const PLAN_WRITERS: readonly Role[] = [Role.Admin, Role.Coordinator];

/**
 * Roles that may post progress updates: coordinators and admins on any task (for any unit of
 * it), a unit reporter only on the tasks of its own unit.
 */
export const TASK_UPDATE_POSTERS: readonly Role[] = [
  Role.Admin,
  Role.Coordinator,
  Role.UnitReporter,
];

export interface TaskUnits {
  leadUnitId: string;
  coordinatingUnitIds: readonly string[];
}

/** Whether the unit is the lead or a coordinating unit of the task. */
export function isTaskUnit(task: TaskUnits, unitId: string | null): boolean {
  return (
    unitId !== null && (task.leadUnitId === unitId || task.coordinatingUnitIds.includes(unitId))
  );
}

/**
 * Whether a user may read the task and post updates on it. A unit reporter only where its unit
 * leads or coordinates; other staff everywhere they may read (the role decorators decide that).
 */
export function isOwnTask(user: { role: Role; unitId: string | null }, task: TaskUnits): boolean {
  return user.role !== Role.UnitReporter || isTaskUnit(task, user.unitId);
}
