export * from './types';
export * from './knowledge';
export * from './channel-tokens';
export * from './bot-updates';
export * from './reporting';
