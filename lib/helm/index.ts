// Re-exports only: cdktf constructs for the ESO and Reloader Helm releases and cluster connections.
export * from './charts';
export * from './connection';
export * from './container-image';
export * from './eso-release';
export * from './eso-values';
export * from './release-options';
export * from './reloader-release';
export * from './reloader-values';
export * from './resources';
export * from './security-context';
export * from './vault-release';
export * from './vault-values';
export * from './hardening';
