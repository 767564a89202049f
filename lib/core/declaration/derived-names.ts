/**
 * The names the plan derives (IAM roles, Entra identities and federated credentials, Google service
 * accounts and workload identity pools, Vault roles and policies, Terraform outputs and variables),
 * checked on the derived value and reported on the input that produced it: valid for their consumer,
 * and unique where the consumer needs them unique. Called by the plan, never first by a renderer.
 */
import { DerivedNameInput, DescribedValue, derivedNameClash } from '../errors';
import { ServiceAccountRef } from '../identity';
import type { BackendModel } from './backend';
import { ClusterDeclaration } from './clusters';
import type { DeclarationView } from './view';
import type { SecretBackend } from './secrets';
import { InitialValueKind } from './values';
import type { IdentityPlan } from './plan-types';
import { EsoAuthModel, StoreDeclaration, StoreScope } from './stores';

/** What produced an identity: its store (or the cluster, for the controller's identity) and service account. */
export interface IdentityOrigin {
  /** Whether the controller's own service account carries the identity. */
  readonly controller: boolean;
  /** A store using the identity. */
  readonly store: StoreDeclaration;
  /** A cluster the identity serves. */
  readonly cluster: ClusterDeclaration;
  /** The trusted service account. */
  readonly serviceAccount: ServiceAccountRef;
}

/** The input that produced an identity's derived names, and how a user shortens it. */
export function identityInput(declaration: DeclarationView, origin: IdentityOrigin): { readonly input: DerivedNameInput; readonly shorten: string } {
  if (origin.controller) {
    return {
      input: { path: declaration.pathOf('clusters', origin.cluster.id), prop: 'id', value: origin.cluster.id },
      shorten: 'a shorter cluster id (or declaration name)',
    };
  }
  const path = declaration.pathOf('stores', origin.store.id);
  const namespace = origin.serviceAccount.namespace;
  if (origin.store.authModel === EsoAuthModel.EXISTING_SERVICE_ACCOUNT) {
    return {
      input: { path, prop: 'serviceAccount.name', value: origin.serviceAccount.name, detail: `namespace "${namespace}"` },
      shorten: 'a shorter service account name or namespace (or declaration name)',
    };
  }
  const namespaced = origin.store.scope === StoreScope.NAMESPACED;
  return {
    input: { path, prop: 'id', value: origin.store.id, detail: namespaced ? `namespace "${namespace}"` : undefined },
    shorten: namespaced ? 'a shorter store id or namespace (or declaration name)' : 'a shorter store id (or declaration name)',
  };
}

/** The origin of a planned identity (its first store and cluster, by id). */
export function originOf(identity: IdentityPlan): IdentityOrigin {
  return { controller: identity.authModel === EsoAuthModel.CONTROLLER, store: identity.stores[0], cluster: identity.clusters[0], serviceAccount: identity.serviceAccount };
}

function sameInput(a: DerivedNameInput, b: DerivedNameInput): boolean {
  return a.path === b.path && a.prop === b.prop && a.value === b.value && a.detail === b.detail;
}

/** Names claimed so far, by consumer-scoped key. */
export class DerivedNameClaims {
  private readonly claimed = new Map<string, DerivedNameInput>();

  /**
   * Claims a derived name; throws naming both inputs when another input derived it already.
   * @param key the name, scoped to where the consumer needs it unique (account, resource group, mount…)
   */
  public claim(key: string, input: DerivedNameInput, what: string, derived: string, consequence: string, fix: string): void {
    const other = this.claimed.get(key);
    if (other === undefined) {
      this.claimed.set(key, input);
    } else if (!sameInput(other, input)) {
      throw derivedNameClash(input, other, what, derived, consequence, fix);
    }
  }
}

/** What a backend's {@link BackendModel.checkDerivedNames} checks the names of one identity with. */
export interface DerivedNameContext {
  /** The declaration. */
  readonly declaration: DeclarationView;
  /** Names claimed so far by every identity. */
  readonly claims: DerivedNameClaims;
  /** The identity. */
  readonly identity: IdentityPlan;
  /** The input that produced the identity's names. */
  readonly input: DerivedNameInput;
  /** How a user shortens that input, for fixes ("a shorter store id (or declaration name)"). */
  readonly shorten: string;
}

/**
 * Checks the names every identity of the plan derives, through its backend's
 * {@link BackendModel.checkDerivedNames}.
 */
export function checkDerivedNames(declaration: DeclarationView, identities: readonly IdentityPlan[], modelOf: (kind: string) => BackendModel): void {
  const claims = new DerivedNameClaims();
  for (const identity of identities) {
    const { input, shorten } = identityInput(declaration, originOf(identity));
    modelOf(identity.provider).checkDerivedNames?.({ declaration, claims, identity, input, shorten });
  }
}

/** Claims a Terraform output an identity derives (unique in the stack). */
export function claimOutput(context: DerivedNameContext, output: string): void {
  context.claims.claim(`tf-output:${output}`, context.input, 'Terraform output', output,
    'Terraform keeps one output of a name, so the other identity\'s value would be lost',
    'rename one of the two so their ids differ in more than "." and "-"');
}

/**
 * Checks the Terraform variables the secrets are initialised from: a secret without `initialValue`
 * may be created from a variable its backend derives ({@link BackendModel.derivedVariableName}, e.g.
 * `parameter_<id>` for a Parameter Store SecureString), which no other secret may name (the two
 * would silently share one value). Two secrets naming the same variable share it
 * on purpose.
 */
export function checkVariableNames(declaration: DeclarationView, modelOf: (secretBackend: SecretBackend) => BackendModel): void {
  const seen = new Map<string, { readonly input: DerivedNameInput; readonly derived: boolean }>();
  for (const secret of declaration.secrets) {
    const path = declaration.pathOf('secrets', secret.id);
    let use: { readonly name: string; readonly input: DerivedNameInput; readonly derived: boolean } | undefined;
    if (secret.initialValue?.kind === InitialValueKind.SENSITIVE_VARIABLE) {
      const name = secret.initialValue.variableName!;
      use = { name, input: { path, prop: 'initialValue', value: new DescribedValue(`InitialValue.sensitiveVariable(${JSON.stringify(name)})`) }, derived: false };
    } else {
      const derived = modelOf(secret.backend).derivedVariableName?.(secret);
      if (derived !== undefined) {
        use = { name: derived, input: { path, prop: 'id', value: secret.id }, derived: true };
      }
    }
    if (use === undefined) {
      continue;
    }
    const other = seen.get(use.name);
    if (other === undefined) {
      seen.set(use.name, use);
    } else if (other.derived || use.derived) {
      throw derivedNameClash(use.input, other.input, 'Terraform variable', use.name,
        'a Parameter Store SecureString without initialValue is created from its own variable parameter_<id>, so the two secrets would silently get one value',
        'name another variable in InitialValue.sensitiveVariable(), or give the parameter its own initialValue');
    }
  }
}
