import { describe, expect, it } from 'vitest';
import type { ReportSchedule } from './schedule';
import { editEffectiveFrom, selectTemplateVersion } from './template-versions';

const version = (number: number, effectiveFrom: string) => ({ version: number, effectiveFrom });

describe('selectTemplateVersion', () => {
  const versions = [version(1, '2026-H1'), version(2, '2027-H1'), version(3, '2027-H2')];

  it('picks the version effective from the latest period not after the one asked for', () => {
    expect(selectTemplateVersion(versions, '2026-H1')?.version).toBe(1);
    expect(selectTemplateVersion(versions, '2026-H2')?.version).toBe(1);
    expect(selectTemplateVersion(versions, '2027-H1')?.version).toBe(2);
    expect(selectTemplateVersion(versions, '2030-H2')?.version).toBe(3);
  });

  it('finds none before the first version, nor for what is not a period key', () => {
    expect(selectTemplateVersion(versions, '2025-H2')).toBeNull();
    expect(selectTemplateVersion(versions, 'H1-2026')).toBeNull();
    expect(selectTemplateVersion([], '2026-H1')).toBeNull();
  });

  it('prefers the higher number when two versions start in the same period, whatever the order', () => {
    const edits = [version(4, '2027-H1'), version(2, '2027-H1'), version(3, '2026-H1')];
    expect(selectTemplateVersion(edits, '2027-H2')?.version).toBe(4);
  });

  it('orders periods of different kinds by their first day, so a schedule may change', () => {
    const changed = [version(1, '2026'), version(2, '2027-Q3')];
    expect(selectTemplateVersion(changed, '2027-Q2')?.version).toBe(1);
    expect(selectTemplateVersion(changed, '2027-Q3')?.version).toBe(2);
    expect(selectTemplateVersion(changed, '2027-07')?.version).toBe(2);
  });

  it('matches a one-off period only with versions effective from it', () => {
    const oneOff = [version(1, 'once'), version(2, 'once'), version(3, '2026')];
    expect(selectTemplateVersion(oneOff, 'once')?.version).toBe(2);
    expect(selectTemplateVersion([version(1, '2020')], 'once')).toBeNull();
    expect(selectTemplateVersion(oneOff, '2026')?.version).toBe(3);
  });
});

describe('editEffectiveFrom', () => {
  const halfYearly: ReportSchedule = {
    kind: 'half_yearly',
    due: { firstHalf: { day: 5, month: 7 }, secondHalf: { day: 5, month: 1, yearOffset: 1 } },
  };

  it('applies an edit from the first period not yet begun', () => {
    expect(editEffectiveFrom(halfYearly, new Date('2026-06-30T16:59:00Z'))).toBe('2026-H2');
    // 17:00 UTC on 30/06 is 01/07 in Vietnam: the second half has begun.
    expect(editEffectiveFrom(halfYearly, new Date('2026-06-30T17:00:00Z'))).toBe('2027-H1');
  });

  it('has no period to apply to once a one-off period has begun', () => {
    const once: ReportSchedule = {
      kind: 'once',
      firstDay: '2026-03-01',
      lastDay: '2026-03-31',
      dueDate: '2026-04-10',
    };
    expect(editEffectiveFrom(once, new Date('2026-02-01T00:00:00Z'))).toBe('once');
    expect(editEffectiveFrom(once, new Date('2026-03-02T00:00:00Z'))).toBeNull();
  });
});
