import type { UserResponse } from '@gcm/domain';

/**
 * Test data as the API returns it, one small factory per kind of record: a signed-in
 * administrator unless the test says otherwise in `overrides`.
 */
export const userFactory = (overrides: Partial<UserResponse> = {}): UserResponse => ({
  id: '5f0c6b2e-0000-4000-8000-000000000001',
  email: 'quan.tri@example.gov.vn',
  fullName: 'Phạm Văn D',
  role: 'admin',
  unitId: null,
  isActive: true,
  mustChangePassword: false,
  lastLoginAt: null,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
  ...overrides,
});
