import type { EntityManager } from 'typeorm';
import {
  CompanyListEntity,
  LicensedCompanyEntity,
} from '../../modules/companies/licensed-company.entity';

/**
 * The demo's list of licensed enterprises: invented, marked as a sample list, each name saying
 * "(mẫu)" and each licence number starting with "MẪU", so none passes for a real licence. Staff
 * replace it with the ministry's list (Doanh nghiệp → Nhập danh sách).
 */
export const DEMO_COMPANIES = [
  {
    name: 'Công ty TNHH Nhân lực Ánh Dương (mẫu)',
    licenceNumber: 'MẪU-001/GP',
    licensedOn: '2020-03-15',
    status: 'active' as const,
    address: 'Địa chỉ mẫu',
  },
  {
    name: 'Công ty Cổ phần Hợp tác Lao động Sao Mai (mẫu)',
    licenceNumber: 'MẪU-002/GP',
    licensedOn: '2019-07-01',
    status: 'active' as const,
    address: 'Địa chỉ mẫu',
  },
  {
    name: 'Công ty TNHH Cung ứng Nhân lực Hoàng Gia (mẫu)',
    licenceNumber: 'MẪU-003/GP',
    licensedOn: '2018-11-20',
    status: 'revoked' as const,
    address: 'Địa chỉ mẫu',
  },
];

export async function loadDemoCompanies(manager: EntityManager): Promise<number> {
  const list = await manager.save(
    manager.create(CompanyListEntity, {
      listDate: null,
      source: 'Danh sách mẫu để dùng thử – thay bằng danh sách của Bộ',
      sample: true,
      companyCount: DEMO_COMPANIES.length,
      importedBy: null,
    }),
  );
  await manager.insert(
    LicensedCompanyEntity,
    DEMO_COMPANIES.map((c) => ({ ...c, listId: list.id })),
  );
  return DEMO_COMPANIES.length;
}
