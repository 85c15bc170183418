export * from './types';
export * from './knowledge';
