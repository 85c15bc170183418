/** Staff roles. See docs/architecture.md for the role matrix. */
export const Role = {
  Admin: 'admin',
  Editor: 'editor',
  Coordinator: 'coordinator',
  UnitReporter: 'unit_reporter',
  Viewer: 'viewer',
} as const;

export type Role = (typeof Role)[keyof typeof Role];

export const ROLES: readonly Role[] = Object.values(Role);

export const roleLabelsVi: Record<Role, string> = {
  admin: 'Quản trị hệ thống',
  editor: 'Biên tập nội dung',
  coordinator: 'Điều phối',
  unit_reporter: 'Cán bộ báo cáo của đơn vị',
  viewer: 'Lãnh đạo (chỉ xem)',
};

/** Roles that may create, edit and delete units. */
export const UNIT_WRITERS: readonly Role[] = [Role.Admin, Role.Coordinator];
