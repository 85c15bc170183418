import type { PlanGroupResponse, PlanTaskResponse, TaskUpdateResponse } from '@gcm/domain';
import { TASK_UPDATE_LIMITS } from '@gcm/domain';
import { api } from '@/api/client';

/**
 * The plan screen's logic: the tasks of one unit (lead or coordinating), and how a progress
 * update's file is shown (a thumbnail, a link, or only its name when it stayed on the chat
 * platform).
 */

/** Whether the unit leads or coordinates the task. */
export function isUnitOfTask(task: PlanTaskResponse, unitId: string): boolean {
  return task.leadUnit.id === unitId || task.coordinatingUnits.some((unit) => unit.id === unitId);
}

/** The groups with only the unit's tasks (all when no unit is chosen); empty groups left out. */
export function filterGroups(
  groups: readonly PlanGroupResponse[],
  unitId: string,
): PlanGroupResponse[] {
  if (!unitId) return [...groups];
  return groups
    .map((group) => ({ ...group, tasks: group.tasks.filter((task) => isUnitOfTask(task, unitId)) }))
    .filter((group) => group.tasks.length > 0);
}

/** A list of units in a table cell: the first `shown` names, then "và N đơn vị khác". */
export function unitsSummary(units: readonly { name: string }[], shown = 3): string {
  if (units.length === 0) return '—';
  const names = units
    .slice(0, shown)
    .map((unit) => unit.name)
    .join(', ');
  const rest = units.length - shown;
  return rest > 0 ? `${names} và ${rest} đơn vị khác` : names;
}

/** Every unit named by the plan's tasks, once each, by name: the unit filter's choices. */
export function planUnits(groups: readonly PlanGroupResponse[]) {
  const units = new Map<string, { id: string; code: string; name: string }>();
  for (const task of groups.flatMap((group) => group.tasks)) {
    for (const unit of [task.leadUnit, ...task.coordinatingUnits]) units.set(unit.id, unit);
  }
  return [...units.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

export type AttachmentView =
  | { kind: 'photo'; url: string; name: string }
  | { kind: 'document'; url: string; name: string }
  | { kind: 'elsewhere'; name: string };

/** How to show an update's file: stored files through the API's attachment endpoint. */
export function attachmentView(update: TaskUpdateResponse): AttachmentView | null {
  const attachment = update.attachment;
  if (!attachment) return null;
  const name = attachment.fileName ?? (attachment.kind === 'photo' ? 'Ảnh' : 'Tài liệu');
  if (!attachment.stored) return { kind: 'elsewhere', name };
  const url = api.taskUpdates.attachmentPath(update.id);
  const isImage = attachment.kind === 'photo' || attachment.mimeType?.startsWith('image/');
  return { kind: isImage ? 'photo' : 'document', url, name };
}

/** The units a coordinator may post for: the lead unit first, then the coordinating ones. */
export function taskUnits(task: PlanTaskResponse) {
  return [task.leadUnit, ...task.coordinatingUnits];
}

/** A file chosen in the browser, read for the API (`contentBase64`); a message when too big. */
export async function readAttachment(file: File): Promise<
  | {
      ok: true;
      value: {
        kind: 'photo' | 'document';
        fileName: string;
        mimeType?: string;
        contentBase64: string;
      };
    }
  | { ok: false; message: string }
> {
  if (file.size > TASK_UPDATE_LIMITS.fileBytes) {
    const mb = TASK_UPDATE_LIMITS.fileBytes / 1024 / 1024;
    return { ok: false, message: `Tệp quá lớn: tối đa ${mb} MB.` };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return {
    ok: true,
    value: {
      kind: file.type.startsWith('image/') ? 'photo' : 'document',
      fileName: file.name.normalize('NFC'),
      ...(file.type ? { mimeType: file.type } : {}),
      contentBase64: btoa(binary),
    },
  };
}
