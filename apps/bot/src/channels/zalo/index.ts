export { ZaloChannel, type ZaloChannelOptions } from './zalo-channel';
export {
  DEFAULT_ZALO_API_BASE,
  DEFAULT_ZALO_OAUTH_BASE,
  ZaloAuthError,
  ZaloClient,
  ZaloErrorCode,
  type ZaloButton,
  type ZaloClientOptions,
  type ZaloFile,
  type ZaloLink,
  type ZaloLogger,
  type ZaloSendResult,
  type ZaloTokens,
} from './zalo-client';
export { ZaloTokenStore, type ZaloTokenApi, type ZaloTokenStoreOptions } from './zalo-token-store';
