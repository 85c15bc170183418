export * from './day-periods';
