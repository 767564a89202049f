export * from './errors';
export * from './duration';
export * from './validation';
export * from './tokens';
export * from './identity';
export * from './declaration';
export * from './cloud-names';
