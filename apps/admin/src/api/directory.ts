import type { SupportContactListQuery, SupportContactRequest } from '@gcm/domain';
import { api } from './client';

/** The support directory (Tìm nơi hỗ trợ): contacts by the units they serve. */
export const listContacts = (query: SupportContactListQuery) => api.directory.list(query);
export const getContact = (id: string) => api.directory.get(id);
export const createContact = (body: SupportContactRequest) => api.directory.create(body);
export const updateContact = (id: string, body: SupportContactRequest) =>
  api.directory.update(id, body);
export const deleteContact = (id: string) => api.directory.remove(id);
export const importContactsCsv = (csv: string, dryRun: boolean) =>
  api.directory.importCsv(csv, { dryRun });

/** The licensed enterprises list (Kiểm tra doanh nghiệp). */
export const listCompanies = (query: { search?: string; page?: number; pageSize?: number }) =>
  api.companies.list(query);
export const importCompanies = api.companies.import;
