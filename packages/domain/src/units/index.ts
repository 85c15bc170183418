export * from './unit-kind';
