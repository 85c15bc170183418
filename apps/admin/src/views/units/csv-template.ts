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
  const csv = [UNIT_CSV_HEADER, ...EXAMPLE_ROWS].join('\r\n') + '\r\n';
  return `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`;
}

/** Drops the byte-order mark that spreadsheet programs put at the start of UTF-8 files. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
