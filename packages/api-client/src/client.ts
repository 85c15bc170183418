import type {
  AuditEntryResponse,
  AuditListQuery,
  ChangePasswordRequest,
  CreateUnitRequest,
  CreateUserRequest,
  CreatedUserResponse,
  HealthResponse,
  LoginRequest,
  LoginResponse,
  Page,
  ResetPasswordResponse,
  Role,
  SessionResponse,
  UnitImportResponse,
  UnitListQuery,
  UnitResponse,
  UpdateUnitRequest,
  UpdateUserRequest,
  UserResponse,
} from '@gcm/domain';
import { createRequester, segment, type HttpOptions } from './http';

/** Base path of the versioned REST API. `/health` lives outside it. */
export const API_PREFIX = '/api/v1';

/**
 * Query of `GET /users`.
 * TODO(domain): move beside UnitListQuery in @gcm/domain's api/types.ts.
 */
export interface UserListQuery {
  search?: string;
  role?: Role;
  page?: number;
  pageSize?: number;
}

export interface UnitImportOptions {
  /** Validate and count only; nothing is written. */
  dryRun: boolean;
}

export type ApiClientOptions = HttpOptions;

export type ApiClient = ReturnType<typeof createApiClient>;

/**
 * A typed client of the GCM Helpdesk API. The console passes `credentials: 'include'` (cookie
 * session); the bot and scripts pass `token` (sent as `Authorization: Bearer`). Every failure
 * is thrown as an `ApiError`.
 */
export function createApiClient(options: ApiClientOptions) {
  const request = createRequester(options);
  const v1 = (path: string) => `${API_PREFIX}${path}`;

  const auth = {
    login: (body: LoginRequest) =>
      request<LoginResponse>({ method: 'POST', path: v1('/auth/login'), json: body }),
    logout: () => request<void>({ method: 'POST', path: v1('/auth/logout') }),
    me: () => request<UserResponse>({ method: 'GET', path: v1('/auth/me') }),
    changePassword: (body: ChangePasswordRequest) =>
      request<void>({ method: 'POST', path: v1('/auth/change-password'), json: body }),
    sessions: () => request<SessionResponse[]>({ method: 'GET', path: v1('/auth/sessions') }),
    revokeSession: (id: string) =>
      request<void>({ method: 'DELETE', path: v1(`/auth/sessions/${segment(id)}`) }),
  };

  const users = {
    list: (query: UserListQuery = {}) =>
      request<Page<UserResponse>>({ method: 'GET', path: v1('/users'), query }),
    get: (id: string) =>
      request<UserResponse>({ method: 'GET', path: v1(`/users/${segment(id)}`) }),
    create: (body: CreateUserRequest) =>
      request<CreatedUserResponse>({ method: 'POST', path: v1('/users'), json: body }),
    update: (id: string, body: UpdateUserRequest) =>
      request<UserResponse>({ method: 'PATCH', path: v1(`/users/${segment(id)}`), json: body }),
    resetPassword: (id: string) =>
      request<ResetPasswordResponse>({
        method: 'POST',
        path: v1(`/users/${segment(id)}/reset-password`),
      }),
    /** Deactivates the account and revokes its sessions. */
    deactivate: (id: string) =>
      request<void>({ method: 'DELETE', path: v1(`/users/${segment(id)}`) }),
  };

  const units = {
    list: (query: UnitListQuery = {}) =>
      request<Page<UnitResponse>>({ method: 'GET', path: v1('/units'), query }),
    get: (id: string) =>
      request<UnitResponse>({ method: 'GET', path: v1(`/units/${segment(id)}`) }),
    create: (body: CreateUnitRequest) =>
      request<UnitResponse>({ method: 'POST', path: v1('/units'), json: body }),
    update: (id: string, body: UpdateUnitRequest) =>
      request<UnitResponse>({ method: 'PATCH', path: v1(`/units/${segment(id)}`), json: body }),
    /** Soft delete: the unit can be restored. */
    remove: (id: string) => request<void>({ method: 'DELETE', path: v1(`/units/${segment(id)}`) }),
    restore: (id: string) =>
      request<UnitResponse>({ method: 'POST', path: v1(`/units/${segment(id)}/restore`) }),
    /**
     * Imports units from CSV text (header `code,name,kind,parent_code,contact_name,contact_phone,
     * contact_email,address`). A bad file throws ApiError `csv_invalid`; see `error.csvRowErrors`.
     */
    importCsv: (csv: string, { dryRun }: UnitImportOptions) =>
      request<UnitImportResponse>({
        method: 'POST',
        path: v1('/units/import'),
        query: { dryRun },
        text: csv,
        contentType: 'text/csv; charset=utf-8',
      }),
  };

  const audit = {
    list: (query: AuditListQuery = {}) =>
      request<Page<AuditEntryResponse>>({ method: 'GET', path: v1('/audit'), query }),
  };

  /** The API's health; a 503 answer with a health body (database down) is returned, not thrown. */
  const health = () =>
    request<HealthResponse>({ method: 'GET', path: '/health', acceptStatuses: [503] });

  return { auth, users, units, audit, health };
}
