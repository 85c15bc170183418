import { csvDataHref } from '@/utils/csv';

/** The columns of the support contact CSV, as the API reads them (`name` and `kind` required). */
export const CONTACT_CSV_HEADER =
  'name,kind,phone,address,opening_hours,notes,units,topics,review_due_on,sample';

// Sample lines with obviously invented numbers (0000 …): a template must not pass for real data.
const EXAMPLE_ROWS = [
  'Công an – số khẩn cấp 113,police,113,,24/7,,,,,',
  'Công an phường Mẫu (dữ liệu mẫu),police,0000 000 001,"Số 1, đường Mẫu",7:30–17:00,,P-MAU,,31/12/2027,có',
];

/** A template file to download: the header and two example lines. */
export function contactCsvTemplateHref(): string {
  return csvDataHref([CONTACT_CSV_HEADER, ...EXAMPLE_ROWS]);
}
