export * from './support-contact';
export * from './locality-search';
export * from './company-search';
