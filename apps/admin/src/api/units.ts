import type {
  CreateUnitRequest,
  UnitListQuery,
  UnitResponse,
  UpdateUnitRequest,
} from '@gcm/domain';
import { loadAllPages } from '@/utils/load-all-pages';
import { api } from './client';

export const listUnits = (query: UnitListQuery) => api.units.list(query);
export const getUnit = (id: string) => api.units.get(id);
export const createUnit = (body: CreateUnitRequest) => api.units.create(body);
export const updateUnit = (id: string, body: UpdateUnitRequest) => api.units.update(id, body);
export const deleteUnit = (id: string) => api.units.remove(id);
export const restoreUnit = (id: string) => api.units.restore(id);
export const importUnitsCsv = (csv: string, dryRun: boolean) =>
  api.units.importCsv(csv, { dryRun });

/** Every unit the current user may see (not deleted), for selects and name look-ups. */
export const listAllUnits = (): Promise<UnitResponse[]> =>
  loadAllPages((page, pageSize) => api.units.list({ page, pageSize }));

/** Link codes for a unit's members and the chat accounts linked with them (/lienket). */
export const listUnitMembers = (unitId: string) => api.linkedAccounts.members(unitId);
export const issueLinkCode = (unitId: string, userId: string) =>
  api.linkedAccounts.issueCode(unitId, { userId });
export const listLinkCodes = (unitId: string) => api.linkedAccounts.codes(unitId);
export const revokeLinkCode = (unitId: string, id: string) =>
  api.linkedAccounts.revokeCode(unitId, id);
export const listLinkedAccounts = (unitId: string) => api.linkedAccounts.list(unitId);
export const unlinkAccount = (unitId: string, id: string) => api.linkedAccounts.unlink(unitId, id);
