export * from './tip';
