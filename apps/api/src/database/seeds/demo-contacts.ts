import type { SupportContactKind } from '@gcm/domain';
import type { EntityManager } from 'typeorm';
import { SupportContactEntity } from '../../modules/directory/support-contact.entity';

interface DemoContact {
  name: string;
  kind: SupportContactKind;
  phone: string | null;
  unitCodes: string[];
  address?: string;
  openingHours?: string;
  notes?: string;
  sample: boolean;
}

const SAMPLE_NOTE = 'Dữ liệu mẫu để dùng thử: cán bộ thay bằng thông tin thật trước khi sử dụng.';

/**
 * The demo's support directory. Only 113, the police emergency number, and the foreign
 * ministry's citizen-protection hotline (as its official sources give it, emergency-route.ts) are
 * real; every other entry is marked as sample data, named so, and carries an obviously invented
 * number (0000 …) that staff replace, so no made-up number passes for a real one.
 */
export const DEMO_CONTACTS: DemoContact[] = [
  {
    name: 'Công an – số khẩn cấp 113',
    kind: 'police',
    phone: '113',
    unitCodes: [],
    openingHours: '24/7',
    notes: 'Gọi khi có người đang gặp nguy hiểm.',
    sample: false,
  },
  {
    name: 'Công an phường Đức Xuân (dữ liệu mẫu)',
    kind: 'police',
    phone: '0000 000 001',
    unitCodes: ['P-DUCXUAN'],
    address: 'Địa chỉ mẫu – cán bộ cập nhật',
    openingHours: 'Thứ Hai – Thứ Sáu, 7:30–17:00',
    notes: SAMPLE_NOTE,
    sample: true,
  },
  {
    name: 'Phòng Lao động – Thương binh và Xã hội thành phố (dữ liệu mẫu)',
    kind: 'labour_office',
    phone: '0000 000 002',
    unitCodes: ['TP-BK'],
    address: 'Địa chỉ mẫu – cán bộ cập nhật',
    openingHours: 'Thứ Hai – Thứ Sáu, 7:30–11:30, 13:30–17:00',
    notes: SAMPLE_NOTE,
    sample: true,
  },
  {
    name: 'Hội Liên hiệp Phụ nữ thành phố (dữ liệu mẫu)',
    kind: 'womens_union',
    phone: '0000 000 003',
    unitCodes: ['TP-BK'],
    notes: SAMPLE_NOTE,
    sample: true,
  },
  {
    name: 'Đường dây nóng bảo hộ công dân – Bộ Ngoại giao',
    kind: 'consular',
    phone: '+84 981 84 84 84',
    unitCodes: [],
    openingHours: '24/7',
    notes:
      'Cho công dân Việt Nam gặp khó khăn, hoạn nạn ở nước ngoài (Văn bản số 2544/BNG-LS ngày 17/7/2015 của Bộ Ngoại giao).',
    sample: false,
  },
];

export async function loadDemoContacts(
  manager: EntityManager,
  unitIds: Map<string, string>,
): Promise<number> {
  for (const c of DEMO_CONTACTS) {
    await manager.save(
      manager.create(SupportContactEntity, {
        name: c.name,
        kind: c.kind,
        phone: c.phone,
        unitIds: c.unitCodes.map((code) => unitIds.get(code)!),
        topicIds: [],
        address: c.address ?? null,
        openingHours: c.openingHours ?? null,
        notes: c.notes ?? null,
        sample: c.sample,
      }),
    );
  }
  return DEMO_CONTACTS.length;
}
