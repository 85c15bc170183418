import { describe, expect, it } from 'vitest';
import { codeFitsGroup, nextTaskCode, TASK_CODE_PATTERN } from './task-code';

describe('task codes', () => {
  it('reads the numbers a plan writes', () => {
    for (const code of ['1.1', '3.12', '2.1.4'])
      expect(TASK_CODE_PATTERN.test(code), code).toBe(true);
    for (const code of ['1', '1.', 'a.1', '1.2.3.4.5', '1,2']) {
      expect(TASK_CODE_PATTERN.test(code), code).toBe(false);
    }
  });

  it('ties a code to its group by the first number, not by its first digit', () => {
    expect(codeFitsGroup('3.2', 3)).toBe(true);
    expect(codeFitsGroup('33.1', 3)).toBe(false);
  });

  it('proposes one past the highest number of the group', () => {
    expect(nextTaskCode(3, ['3.1', '3.3', '3.2.1', '4.9'])).toBe('3.4');
    expect(nextTaskCode(2, ['3.1'])).toBe('2.1');
  });
});
