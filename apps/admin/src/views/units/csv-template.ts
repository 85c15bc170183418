import { csvDataHref } from '@/utils/csv';

/** The columns of the unit CSV, in the order the API expects them. */
export const UNIT_CSV_HEADER =
  'code,name,kind,parent_code,contact_name,contact_phone,contact_email,address';

const EXAMPLE_ROWS = [
  'TP-HP,Thành phố Hải Phòng,province,,,,,',
  'Q-HONGBANG,Quận Hồng Bàng,district,TP-HP,,,,',
  'P-MINHKHAI,UBND phường Minh Khai,commune,Q-HONGBANG,Nguyễn Văn A,0912345678,,"Số 1, đường Minh Khai"',
];

/** A template file to download: the header and three example lines. */
export function unitCsvTemplateHref(): string {
  return csvDataHref([UNIT_CSV_HEADER, ...EXAMPLE_ROWS]);
}
