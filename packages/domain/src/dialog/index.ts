export * from './conversation-state';
export * from './intent';
export * from './bot-texts';
export * from './replies';
export * from './link-flow';
export * from './task-update-flow';
export * from './report-flow';
export * from './danger';
