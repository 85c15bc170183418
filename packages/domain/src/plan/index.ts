export * from './task-status';
export * from './timeframe';
export * from './task-update';
export * from './plan-access';
export * from './types';
export * from './task-code';
