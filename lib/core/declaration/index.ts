export * from './clusters';
export * from './cluster-kinds/eks';
export * from './cluster-kinds/aks';
export * from './cluster-kinds/gke';
export * from './cluster-kinds/generic';
export * from './values';
export * from './secrets';
export * from './stores';
export * from './consumers';
export * from './workloads';
export * from './names';
export * from './outputs';
export * from './backend';
export * from './backends';
export * from './plan';
export * from './access-matrix';
export * from './view';
export * from './declaration';
export * from './audit';
export type {
  GeneratedSecretDeclaration, GeneratedSecretOptions, GeneratedValue, GeneratedValueReference, PasswordGeneratorDeclaration, PasswordGeneratorOptions, PasswordRules,
} from './generators';
