export * from './support-contact';
export * from './locality-search';
