import { App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { Duration } from '../core/duration';
import { ClusterExternalSecret } from '../k8s/cluster-external-secret';
import { ClusterSecretStore } from '../k8s/cluster-secret-store';
import {
  ConversionStrategy, CreationPolicy, DecodingStrategy, DeletionPolicy, MetadataPolicy, NullBytePolicy, TemplateMergePolicy,
} from '../k8s/enums';
import { Rewrite } from '../k8s/external-secret-data';
import { SecretType } from '../k8s/external-secret-target';
import { ExternalSecret } from '../k8s/external-secret';
import { AzureKeyVaultAuth } from '../k8s/providers/azure';
import { VaultAuth, VaultKvVersion } from '../k8s/providers/vault';
import { SecretStoreProvider } from '../k8s/secret-store-provider';
import { SecretStore } from '../k8s/secret-store';
import { ConfigurationError, migratePlanNotAllowed } from '../core/errors';
import { ConstructPlan, PlanExpression, planConstructs, PlanOptions, planViolation } from './construct-plan';
import { ManifestObject } from './types';

/** The library symbols a plan may name (the same names the generated TypeScript imports). */
const SYMBOLS: { [name: string]: unknown } = {
  Duration, Rewrite, SecretType, SecretStoreProvider, VaultAuth, VaultKvVersion, AzureKeyVaultAuth, ClusterSecretStore, SecretStore,
  ConversionStrategy, CreationPolicy, DecodingStrategy, DeletionPolicy, MetadataPolicy, NullBytePolicy, TemplateMergePolicy,
};

const CONSTRUCTS = { ClusterSecretStore, SecretStore, ExternalSecret, ClusterExternalSecret } as const;

function resolve(path: string): { owner: unknown; value: unknown } {
  const [head, ...rest] = path.split('.');
  let owner: unknown = undefined;
  let value: unknown = SYMBOLS[head];
  for (const part of rest) {
    owner = value;
    // Own static members only (never `constructor`, `prototype` or inherited ones).
    value = Object.prototype.hasOwnProperty.call(value, part) && part !== 'prototype' ? (value as { [k: string]: unknown })[part] : undefined;
  }
  if (value === undefined) {
    throw new Error(`construct plan names ${path}, which the library does not export`);
  }
  return { owner, value };
}

function evaluate(expr: PlanExpression, scope: Construct, variables: Map<string, unknown>): unknown {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'scope':
      return scope;
    case 'variable':
      return variables.get(expr.name);
    case 'member':
      return resolve(expr.target).value;
    case 'call': {
      const { owner, value } = resolve(expr.callee);
      return (value as (...a: unknown[]) => unknown).apply(owner, expr.args.map((a) => evaluate(a, scope, variables)));
    }
    case 'array':
      return expr.items.map((i) => evaluate(i, scope, variables));
    case 'object':
      return Object.fromEntries(expr.entries.map(([k, v]) => [k, evaluate(v, scope, variables)]));
  }
}

/** Creates the constructs of a plan in `scope` (what the generated TypeScript module does). */
export function applyConstructPlan(scope: Construct, plan: ConstructPlan): Construct[] {
  const violation = planViolation(plan);
  if (violation !== undefined) {
    throw migratePlanNotAllowed('applyConstructPlan', violation);
  }
  const variables = new Map<string, unknown>();
  return plan.statements.map((s) => {
    const Ctor = CONSTRUCTS[s.construct] as unknown as new (sc: Construct, id: string, props: unknown) => Construct;
    const c = new Ctor(scope, s.id, evaluate(s.props, scope, variables));
    variables.set(s.variable, c);
    return c;
  });
}

/**
 * Loads ESO v1 objects (for example the output of `migrateManifests`) back through the library's typed
 * constructs, in `scope` (a cdk8s Chart). Returns the plan, whose issues list the objects the typed
 * API cannot express (left out).
 */
export function loadMigratedManifests(scope: Construct, objects: readonly ManifestObject[], options: PlanOptions = {}): ConstructPlan {
  const plan = planConstructs(objects, 'migration', options);
  applyConstructPlan(scope, plan);
  return plan;
}

/**
 * The refusals of the library's typed constructs for each object (in order): every object the typed API
 * can express is created through its construct in a scratch chart, exactly as a declared one would be,
 * and what the construct refuses is returned (the same checks and messages a declared object gets).
 * Objects without a typed construct get no refusal here (the CRD schema check still applies to them).
 * The migrate CLI runs this over its output and marks refused objects partial.
 */
export function constructRefusals(objects: readonly ManifestObject[], options: PlanOptions = {}): ConfigurationError[][] {
  return objects.map((o) => {
    const plan = planConstructs([o], 'migration', options);
    if (plan.statements.length === 0) return [];
    try {
      applyConstructPlan(new Chart(new App(), 'migrated'), plan);
      return [];
    } catch (e) {
      if (e instanceof ConfigurationError) return [e];
      throw e;
    }
  });
}
