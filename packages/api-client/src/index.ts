export {
  createApiClient,
  API_PREFIX,
  type ApiClient,
  type ApiClientOptions,
  type UnitImportOptions,
} from './client';
export { ApiError, NETWORK_ERROR_STATUS, isApiError } from './api-error';
export type { FetchFn, FetchInit, FetchResponse } from './http';
