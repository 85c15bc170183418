import { describe, expect, it } from 'vitest';
import { parentProblem } from './unit-kind';

describe('parentProblem', () => {
  it('keeps the territorial hierarchy province → district → commune', () => {
    expect(parentProblem('province', null)).toBeNull();
    expect(parentProblem('province', 'district')).toMatch(/no parent/);
    expect(parentProblem('district', 'province')).toBeNull();
    expect(parentProblem('district', null)).toMatch(/under a province/);
    expect(parentProblem('commune', 'province')).toMatch(/under a district/);
  });

  it('lets departments, police and mass organisations sit under a territorial level or alone', () => {
    expect(parentProblem('police', 'district')).toBeNull();
    expect(parentProblem('department', null)).toBeNull();
    expect(parentProblem('mass_organisation', 'police')).toMatch(/province, district or commune/);
  });
});
