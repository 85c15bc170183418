export * from './roles';
export * from './access';
export * from './password-policy';
