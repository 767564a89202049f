export * from './clusters';
export * from './values';
export * from './secrets';
export * from './stores';
export * from './consumers';
export * from './names';
export * from './plan';
export * from './declaration';
