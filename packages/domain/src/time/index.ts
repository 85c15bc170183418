export * from './vietnam-days';
