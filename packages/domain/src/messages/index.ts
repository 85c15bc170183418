export * from './bot-message';
export * from './outbox';
