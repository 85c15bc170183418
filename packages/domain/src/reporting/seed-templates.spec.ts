import { describe, expect, it } from 'vitest';
import { UNIT_KINDS } from '../units';
import { periodByKey } from './periods';
import {
  PLAN_YEARLY_REPORT_TEMPLATE,
  POLICE_MIGRATION_STATISTICS_TEMPLATE,
  SEED_REPORT_TEMPLATES,
} from './seed-templates';
import { isOwedBy, templateFields } from './template';
import { validateTemplate } from './validate-template';

/** Every Vietnamese text a person reads in a template. */
function texts(template: (typeof SEED_REPORT_TEMPLATES)[number]): string[] {
  return [
    template.title,
    template.description ?? '',
    ...template.sections.flatMap((section) => [section.title, section.description ?? '']),
    ...templateFields(template).flatMap((field) => [field.label, field.help ?? '']),
    ...template.rules.map((rule) => rule.message),
  ].filter(Boolean);
}

describe('seeded templates', () => {
  it('are valid templates with distinct codes', () => {
    for (const template of SEED_REPORT_TEMPLATES) expect(validateTemplate(template)).toEqual([]);
    expect(new Set(SEED_REPORT_TEMPLATES.map((template) => template.code)).size).toBe(2);
  });

  it('are written in NFC, without stray spaces', () => {
    for (const template of SEED_REPORT_TEMPLATES) {
      for (const text of texts(template)) {
        expect(text, text).toBe(text.normalize('NFC'));
        expect(text, text).toBe(text.trim());
        expect(text, text).not.toMatch(/ {2}/);
      }
    }
  });

  it('cannot be changed by a caller', () => {
    expect(Object.isFrozen(PLAN_YEARLY_REPORT_TEMPLATE.sections[0].fields[0])).toBe(true);
    expect(() => {
      (POLICE_MIGRATION_STATISTICS_TEMPLATE.owedBy as string[]).push('commune');
    }).toThrow(TypeError);
  });

  it('ask every unit with plan tasks for a yearly report due 05/11', () => {
    expect(periodByKey(PLAN_YEARLY_REPORT_TEMPLATE.schedule, '2026')?.dueDate).toBe('2026-11-05');
    const owing = UNIT_KINDS.filter((kind) => isOwedBy(PLAN_YEARLY_REPORT_TEMPLATE, kind));
    expect(owing).toEqual([
      'commune',
      'department',
      'office',
      'police',
      'military',
      'mass_organisation',
    ]);
    expect(templateFields(PLAN_YEARLY_REPORT_TEMPLATE).map((field) => field.key)).toEqual(
      expect.arrayContaining(['tasks_carried_out', 'results', 'difficulties', 'proposals']),
    );
  });

  it('ask the police for half-yearly statistics due 05/07 and 05/01 of the next year', () => {
    const schedule = POLICE_MIGRATION_STATISTICS_TEMPLATE.schedule;
    expect(periodByKey(schedule, '2026-H1')?.dueDate).toBe('2026-07-05');
    expect(periodByKey(schedule, '2026-H2')?.dueDate).toBe('2027-01-05');
    expect(POLICE_MIGRATION_STATISTICS_TEMPLATE.owedBy).toEqual(['police']);
  });

  it('cover every category of the plan’s task 3.1', () => {
    expect(POLICE_MIGRATION_STATISTICS_TEMPLATE.sections.map((section) => section.title)).toEqual([
      'Lao động đi làm việc ở nước ngoài theo hợp đồng',
      'Học tập ở nước ngoài',
      'Kết hôn, nhận con nuôi có yếu tố nước ngoài',
      'Di cư trái phép',
      'Mua bán người',
      'Lao động cưỡng bức',
      'Người không quốc tịch',
      'Người di cư trở về',
      'Ghi chú',
    ]);
    const counts = templateFields(POLICE_MIGRATION_STATISTICS_TEMPLATE).filter(
      (field) => field.type === 'count',
    );
    expect(counts.every((field) => field.required)).toBe(true);
  });
});
