import { describe, expect, it } from 'vitest';
import { UNIT_CSV_HEADER, unitCsvTemplateHref } from './csv-template';

describe('unit CSV template', () => {
  it('starts with the header the API expects', () => {
    const csv = decodeURIComponent(unitCsvTemplateHref().split(',').slice(1).join(','));

    expect(csv.split('\r\n')[0]).toBe(UNIT_CSV_HEADER);
    expect(csv).toContain('UBND phường Minh Khai');
  });
});
