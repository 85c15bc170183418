/**
 * A task's number within its plan, as the plan writes it: "1.1", "3.2", "2.1.4", numbers joined
 * by dots, the first the group's. The API checks it; the console checks it first and proposes
 * the next free one.
 */
export const TASK_CODE_PATTERN = /^\d{1,3}(\.\d{1,3}){1,3}$/;

/** Most coordinating units one task may name (every unit of a city and its wards fits). */
export const MAX_COORDINATING_UNITS = 200;

/** Whether the code belongs to the group numbered `ordinal` ("3.2" to group 3, not "33.1"). */
export function codeFitsGroup(code: string, ordinal: number): boolean {
  return code.startsWith(`${ordinal}.`);
}

/**
 * The number for a new task of the group: one past the highest second number its tasks use
 * ("3.4" after 3.1, 3.3 and 3.2.1), or "<ordinal>.1" for an empty group.
 */
export function nextTaskCode(ordinal: number, codes: readonly string[]): string {
  const highest = codes
    .filter((code) => codeFitsGroup(code, ordinal))
    .map((code) => Number(code.split('.')[1]))
    .filter(Number.isInteger)
    .reduce((max, n) => Math.max(max, n), 0);
  return `${ordinal}.${highest + 1}`;
}
