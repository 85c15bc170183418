import type { UnitKind } from '@gcm/domain';

export interface DemoUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
}

/**
 * The units named in the Bắc Kạn city GCM plan (seeds/002), as demo data: the province, the
 * city, the departments and bodies with tasks in the plan, and a handful of wards and communes.
 */
export const DEMO_UNITS: DemoUnit[] = [
  { code: 'TINH-BK', name: 'UBND tỉnh Bắc Kạn', kind: 'province', parentCode: null },
  { code: 'TP-BK', name: 'UBND thành phố Bắc Kạn', kind: 'district', parentCode: 'TINH-BK' },
  { code: 'TP-VP', name: 'Văn phòng HĐND – UBND thành phố', kind: 'office', parentCode: 'TP-BK' },
  { code: 'TP-VHTT', name: 'Phòng Văn hóa và Thông tin', kind: 'department', parentCode: 'TP-BK' },
  {
    code: 'TP-TTVHTT',
    name: 'Trung tâm Văn hóa – Thể thao và Truyền thông',
    kind: 'department',
    parentCode: 'TP-BK',
  },
  { code: 'TP-TP', name: 'Phòng Tư pháp', kind: 'department', parentCode: 'TP-BK' },
  {
    code: 'TP-LDTBXH',
    name: 'Phòng Lao động – Thương binh và Xã hội',
    kind: 'department',
    parentCode: 'TP-BK',
  },
  { code: 'TP-TCKH', name: 'Phòng Tài chính – Kế hoạch', kind: 'department', parentCode: 'TP-BK' },
  { code: 'TP-GDDT', name: 'Phòng Giáo dục và Đào tạo', kind: 'department', parentCode: 'TP-BK' },
  {
    code: 'TP-TNMT',
    name: 'Phòng Tài nguyên và Môi trường',
    kind: 'department',
    parentCode: 'TP-BK',
  },
  { code: 'TP-CA', name: 'Công an thành phố', kind: 'police', parentCode: 'TP-BK' },
  { code: 'TP-QS', name: 'Ban Chỉ huy Quân sự thành phố', kind: 'military', parentCode: 'TP-BK' },
  {
    code: 'TP-MTTQ',
    name: 'Ủy ban Mặt trận Tổ quốc Việt Nam thành phố',
    kind: 'mass_organisation',
    parentCode: 'TP-BK',
  },
  {
    code: 'TP-HLHPN',
    name: 'Hội Liên hiệp Phụ nữ thành phố',
    kind: 'mass_organisation',
    parentCode: 'TP-BK',
  },
  { code: 'TP-DOAN', name: 'Thành đoàn Bắc Kạn', kind: 'mass_organisation', parentCode: 'TP-BK' },
  { code: 'P-DUCXUAN', name: 'UBND phường Đức Xuân', kind: 'commune', parentCode: 'TP-BK' },
  {
    code: 'P-NTMK',
    name: 'UBND phường Nguyễn Thị Minh Khai',
    kind: 'commune',
    parentCode: 'TP-BK',
  },
  { code: 'P-SONGCAU', name: 'UBND phường Sông Cầu', kind: 'commune', parentCode: 'TP-BK' },
  { code: 'P-PCK', name: 'UBND phường Phùng Chí Kiên', kind: 'commune', parentCode: 'TP-BK' },
  { code: 'X-DUONGQUANG', name: 'UBND xã Dương Quang', kind: 'commune', parentCode: 'TP-BK' },
  { code: 'X-NONGTHUONG', name: 'UBND xã Nông Thượng', kind: 'commune', parentCode: 'TP-BK' },
];
