export * from './conversation-state';
export * from './intent';
export * from './bot-texts';
export * from './replies';
export * from './danger';
