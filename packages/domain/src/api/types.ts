/**
 * Request and response shapes of the REST API (/api/v1). The API's DTO classes implement
 * these interfaces and `@gcm/api-client` is typed by them: one source of truth.
 */
import type { Role } from '../auth/roles';
import type { UnitKind } from '../units/unit-kind';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface UserResponse {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  unitId: string | null;
  isActive: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface LoginResponse {
  user: UserResponse;
  expiresAt: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface SessionResponse {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string | null;
  ip: string | null;
  current: boolean;
}

export interface CreateUserRequest {
  email: string;
  fullName: string;
  role: Role;
  unitId?: string | null;
  /** When omitted, a one-time password is generated and returned once. */
  password?: string;
}

export interface UpdateUserRequest {
  fullName?: string;
  role?: Role;
  unitId?: string | null;
  isActive?: boolean;
}

export interface UserListQuery {
  search?: string;
  role?: Role;
  page?: number;
  pageSize?: number;
}

export interface CreatedUserResponse {
  user: UserResponse;
  /** Present only when the server generated the password; shown once. */
  temporaryPassword?: string;
}

export interface ResetPasswordResponse {
  temporaryPassword: string;
}

export interface UnitResponse {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  address: string | null;
  deletedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CreateUnitRequest {
  code: string;
  name: string;
  kind: UnitKind;
  parentId?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
  contactEmail?: string | null;
  address?: string | null;
}

export type UpdateUnitRequest = Partial<CreateUnitRequest>;

export interface UnitListQuery {
  kind?: UnitKind;
  parentId?: string;
  search?: string;
  includeDeleted?: boolean;
  page?: number;
  pageSize?: number;
}

export interface CsvRowError {
  /** 1-based line number in the file, counting the header as line 1. */
  line: number;
  field?: string;
  message: string;
}

export interface UnitImportResponse {
  created: number;
  updated: number;
  dryRun: boolean;
}

export interface AuditEntryResponse {
  id: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  createdAt: string;
}

export interface AuditListQuery {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  page?: number;
  pageSize?: number;
}

export interface HealthResponse {
  status: 'ok' | 'degraded';
  database: 'up' | 'down';
  databaseMode: 'embedded' | 'server';
  version: string;
}
