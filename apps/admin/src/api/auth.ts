import type { ChangePasswordRequest, LoginRequest } from '@gcm/domain';
import { api } from './client';

export const login = (body: LoginRequest) => api.auth.login(body);
export const logout = () => api.auth.logout();
export const fetchMe = () => api.auth.me();
export const changePassword = (body: ChangePasswordRequest) => api.auth.changePassword(body);
export const listSessions = () => api.auth.sessions();
export const revokeSession = (id: string) => api.auth.revokeSession(id);
