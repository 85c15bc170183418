import type { AuditListQuery } from '@gcm/domain';
import { api } from './client';

export const listAuditEntries = (query: AuditListQuery) => api.audit.list(query);
