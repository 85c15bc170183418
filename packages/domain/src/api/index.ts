export * from './types';
export * from './knowledge';
export * from './statistics';
export * from './messaging';
export * from './channel-tokens';
export * from './bot-updates';
export * from './reporting';
export * from './reporting-console';
