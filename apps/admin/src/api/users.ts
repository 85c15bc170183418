import type { UserListQuery, UserResponse } from '@gcm/domain';
import { loadAllPages } from '@/utils/load-all-pages';
import type { CreateUserRequest, UpdateUserRequest } from '@gcm/domain';
import { api } from './client';

export const listUsers = (query: UserListQuery) => api.users.list(query);
export const getUser = (id: string) => api.users.get(id);
export const createUser = (body: CreateUserRequest) => api.users.create(body);
export const updateUser = (id: string, body: UpdateUserRequest) => api.users.update(id, body);
export const resetUserPassword = (id: string) => api.users.resetPassword(id);
export const deactivateUser = (id: string) => api.users.deactivate(id);

/** Every account, for naming an account by its id (the audit log). */
export const listAllUsers = (): Promise<UserResponse[]> =>
  loadAllPages((page, pageSize) => api.users.list({ page, pageSize }));
