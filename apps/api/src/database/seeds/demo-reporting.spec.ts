import { describe, expect, it } from 'vitest';
import {
  checkReport,
  PLAN_YEARLY_REPORT_TEMPLATE,
  POLICE_MIGRATION_STATISTICS_TEMPLATE,
} from '@gcm/domain';
import { sampleValues } from './demo-reporting';

describe('demo reports', () => {
  it.each([PLAN_YEARLY_REPORT_TEMPLATE, POLICE_MIGRATION_STATISTICS_TEMPLATE])(
    'answer every field of $code in a way that can be submitted',
    (template) => {
      const sut = sampleValues(template);
      expect(checkReport(template, sut, 'submit').problems).toEqual([]);
    },
  );
});
