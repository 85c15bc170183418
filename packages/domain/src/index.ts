export * from './errors';
export * from './auth';
export * from './units';
export * from './api';
export * from './text';
export * from './matching';
export * from './markdown/render-markdown';
export * from './messages';
