// Errors raised by lib/vault (cdktf), the Vault Helm release, the Vault store provider and the
// Vault generators. Every factory builds its message with configurationError().
import { VAULT_ENGINE_ENDPOINTS_FIX, VAULT_ENGINE_ENDPOINTS_WORDING } from '../vault-engines';
import { configurationError, ConfigurationError, DescribedValue } from './format';

/** A Vault mount path (secrets engine or auth method) Vault would reject or that hides a typo. */
export function invalidVaultMountPath(path: string, prop: string, value: string): ConfigurationError {
  // Never suggest a reserved mount back: "sys" becomes "secret", "auth/token" becomes "token".
  const cleaned = value.replace(/^\/+|\/+$/g, '').replace(/[^A-Za-z0-9_./-]+/g, '-').split('/');
  const suggestion = (['sys', 'auth', 'identity', 'cubbyhole'].includes(cleaned[0]) ? cleaned.slice(1) : cleaned).join('/') || 'secret';
  return configurationError({
    path, prop, value,
    allowed: 'a mount path of segments of letters, digits, "_", "-" and "." separated by single "/", without leading or trailing "/" ' +
      '(and not "sys", "auth", "identity" or "cubbyhole", which Vault reserves)',
    fix: `use a path such as ${JSON.stringify(suggestion)}`,
  });
}

/** A PEM value (CA certificate, public key) that is not PEM: Vault rejects it when the config is written. */
export function invalidVaultPem(path: string, prop: string, expected: string): ConfigurationError {
  return configurationError({
    path, prop, value: new DescribedValue('a string without a PEM block'),
    allowed: `a PEM-encoded ${expected} ("-----BEGIN ...-----" ... "-----END ...-----"), as Vault parses it`,
    fix: `pass the PEM text itself (for example Fn.file("ca.crt") or the cluster's ${expected === 'public key' ? 'service-account signing key' : 'CA bundle'}), not a file name, base64 of it or a URL`,
  });
}

/** A KV secret path (or find prefix) with a glob, an empty segment or a relative segment. */
export function invalidVaultSecretPath(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a KV path relative to the mount: segments of letters, digits, "_", "-", "." and "@" separated by single "/", ' +
      'no leading or trailing "/", no "." or ".." segment, no "*" or "+" (policies are compiled from exact paths)',
    fix: 'pass the path as `vault kv put <mount>/<path>` would, for example "apps/team-a/db", without the mount and without "data/"',
  });
}

/** A Vault role name Vault would reject. */
export function invalidVaultRoleName(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a Vault role name: letters, digits, "_", "-", "." and "@", starting and ending with a letter, digit or "_", at most 128 characters',
    fix: 'use a name such as "external-secrets"',
  });
}

/** A Vault policy name that Vault would rewrite (uppercase) or reject. */
export function invalidVaultPolicyName(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a policy name: lowercase letters, digits, "_", "-" and ".", starting and ending with a letter or digit, at most 128 characters ' +
      '(Vault lowercases names, so uppercase would not match what ESO and roles refer to); not "root" or "default"',
    fix: 'use a lowercase name such as "eso-team-a"',
  });
}

/** A Vault Enterprise / HCP namespace path Vault would reject. */
export function invalidVaultNamespace(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a Vault namespace path: segments of letters, digits, "_" and "-" separated by "/", without leading or trailing "/" ' +
      '(for HCP Vault, "admin" or a child such as "admin/team-a")',
    fix: 'pass the namespace as `vault namespace list` shows it, for example "admin/team-a"',
  });
}

/** A grant between a Vault object and a grantee of different Vault namespaces. */
export function vaultNamespaceMismatch(path: string, prop: string, value: string | undefined, granteeNamespace: string | undefined): ConfigurationError {
  return configurationError({
    path, prop, value: value ?? '(root namespace)',
    allowed: `the grantee's Vault namespace ${JSON.stringify(granteeNamespace ?? '(root namespace)')} (a policy only covers paths of its own namespace)`,
    fix: 'create the secret, mount and role in the same Vault namespace, or grant a role of the secret\'s namespace',
  });
}

/** A path given to the policy compiler that is not exact. */
export function vaultPolicyGlob(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'an exact Vault API path without "*" or "+" (prefix globs are only compiled for a find, with mount.grantFind)',
    fix: 'grant each exact path that is used, or grant a find under a declared prefix with mount.grantFind(grantee, { prefix })',
  });
}

/** A policy compiled from use that ends up empty. */
export function emptyVaultPolicy(path: string): ConfigurationError {
  return configurationError({
    path, prop: 'rules', value: [],
    allowed: 'at least one path: a policy is compiled from the grants that use it',
    fix: 'grant something (secret.grantRead(role), VaultDynamicSecretPath.grantUse(role)) or remove the policy',
  });
}

/** A duration (TTL) Vault does not accept for this field. */
export function invalidVaultTtl(path: string, prop: string, value: string, allowed: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed,
    fix: 'pass a Duration of whole seconds, for example Duration.hours(1)',
  });
}

/** A role whose max TTL is below its TTL. */
export function vaultMaxTtlBelowTtl(path: string, prop: string, maxTtl: string, ttl: string): ConfigurationError {
  return configurationError({
    path, prop, value: maxTtl,
    allowed: `a max TTL of at least the token TTL ${JSON.stringify(ttl)} (Vault caps the token at the max TTL)`,
    fix: 'raise tokenMaxTtl or lower tokenTtl',
  });
}

/** A Kubernetes auth role whose bound names x namespaces would admit more service accounts than declared. */
export function vaultRoleCrossProduct(path: string, prop: string, serviceAccounts: readonly string[], extra: readonly string[]): ConfigurationError {
  return configurationError({
    path, prop, value: serviceAccounts,
    allowed: 'service accounts Vault can bind exactly: a role binds every name in every namespace ' +
      `(bound_service_account_names x bound_service_account_namespaces), which would also admit ${extra.map((e) => JSON.stringify(e)).join(', ')}`,
    fix: 'create one role per namespace (or per service account), or use the same name in every namespace',
  });
}

/** A role with no service account to bind. */
export function vaultRoleWithoutServiceAccounts(path: string, prop: string): ConfigurationError {
  return configurationError({
    path, prop, value: [],
    allowed: 'at least one service account ({ namespace, name }); wildcards are never emitted',
    fix: 'pass the exact service accounts that log in with this role, for example [{ namespace: "external-secrets", name: "external-secrets" }]',
  });
}

/** A JWT auth mount without a way to verify tokens. */
export function vaultJwtWithoutKeys(path: string): ConfigurationError {
  return configurationError({
    path, prop: 'oidcDiscoveryUrl', value: undefined,
    allowed: 'exactly one of oidcDiscoveryUrl (the cluster\'s public OIDC issuer), jwksUrl or jwtValidationPubkeys',
    fix: 'pass the cluster\'s issuer URL as oidcDiscoveryUrl (EKS, AKS and GKE publish one), or use Kubernetes auth for a private issuer',
  });
}

/** A KV secret value that is not one of the library's value sources (the value is never echoed). */
export function plaintextVaultSecretValue(path: string, prop: string, receivedType: string): ConfigurationError {
  return configurationError({
    path, prop, value: `<${receivedType}, value not shown>`,
    allowed: 'a VaultKvSecretValue: VaultKvSecretValue.fromSensitiveVariable(variable), VaultKvSecretValue.fromSensitiveVariables({ property: variable }) or VaultKvSecretValue.placeholder()',
    fix: 'never put a secret value in code: declare a TerraformVariable with sensitive: true and pass it',
  });
}

/** A value variable that does not cover exactly the declared properties. */
export function vaultSecretPropertiesMismatch(path: string, prop: string, value: readonly string[], declared: readonly string[]): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `exactly the declared properties ${declared.map((d) => JSON.stringify(d)).join(', ')}`,
    fix: 'pass one sensitive variable per declared property, or update properties',
  });
}

/** Kubernetes auth config for a Vault outside the cluster without the cluster's CA. */
export function vaultKubernetesAuthWithoutCa(path: string, prop: string): ConfigurationError {
  return configurationError({
    path, prop, value: undefined,
    allowed: 'the PEM CA certificate of the Kubernetes API server when Vault runs outside the cluster ' +
      '(Vault must verify the API server it sends TokenReviews to)',
    fix: 'pass kubernetesCaCert (for example the cluster resource\'s certificate authority data, decoded), or use KubernetesTokenReviewer.vaultInCluster() if Vault runs in this cluster',
  });
}

/** A Kubernetes API server host that is not https. */
export function vaultKubernetesHostNotHttps(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'an https:// URL of the Kubernetes API server',
    fix: 'pass the API server endpoint with https://, for example "https://api.rke2.example.internal:6443"',
  });
}

/** A dynamic-secret HTTP method Vault has no capability for. */
export function invalidVaultMethod(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'GET, POST, PUT, LIST or DELETE',
    fix: 'use VaultDynamicSecretMethod.GET for reads (database/creds) and POST for writes (pki/issue)',
  });
}

/** GET parameters on a write, or a body on a GET. */
export function vaultParametersForMethod(path: string, prop: string, method: string): ConfigurationError {
  return configurationError({
    path, prop, value: method,
    allowed: 'parameters (JSON body) only with a write method (POST, PUT), getParameters (query string) only with GET: ESO ignores the other one',
    fix: 'move the values to the field that matches the method, or change the method',
  });
}

/** A Password generator whose counts do not fit its length. */
export function invalidPasswordGenerator(path: string, prop: string, value: unknown, allowed: string): ConfigurationError {
  return configurationError({
    path, prop, value, allowed,
    fix: 'lower digits/symbols or raise length',
  });
}

/** Password generator secret keys that are empty or duplicated. */
export function invalidPasswordSecretKeys(path: string, prop: string, value: readonly string[]): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'unique, non-empty Secret keys matching ^[-._a-zA-Z0-9]+$',
    fix: 'list each output key once, for example ["password"] or ["admin", "replication"]',
  });
}

/** A generator used by an ExternalSecret of another namespace. */
export function crossNamespaceGenerator(path: string, prop: string, generator: string, generatorNamespace: string, namespace: string): ConfigurationError {
  return configurationError({
    path, prop, value: `${generatorNamespace}/${generator}`,
    allowed: `a generator in the ExternalSecret's namespace ${JSON.stringify(namespace)} (generatorRef has no namespace: ESO looks it up in the ExternalSecret's namespace)`,
    fix: `create the generator in namespace ${JSON.stringify(namespace)}`,
  });
}

/** An auth-delegator binding without subjects. */
export function authDelegatorWithoutSubjects(path: string): ConfigurationError {
  return configurationError({
    path, prop: 'serviceAccounts', value: [],
    allowed: 'at least one service account ({ namespace, name }) that logs in to Vault with its own JWT as reviewer',
    fix: 'pass the service accounts of the Vault stores (serviceAccountRef) or of the ESO controller',
  });
}

/** An auth role that would log in with no policy but Vault's `default`. */
export function vaultRoleWithoutPolicies(path: string): ConfigurationError {
  return configurationError({
    path, prop: 'policies', value: [],
    allowed: 'at least one policy: grant something to the role (secret.grantRead(role)) or pass policies',
    fix: 'grant the role what its service accounts read, or remove the role',
  });
}

/** A reviewer JWT that is not a sensitive variable. */
export function vaultReviewerJwtNotSensitive(path: string, prop: string): ConfigurationError {
  return configurationError({
    path, prop, value: '<reviewer JWT, value not shown>',
    allowed: 'a TerraformVariable declared with sensitive: true (a reviewer token is a credential)',
    fix: 'declare new TerraformVariable(scope, id, { type: "string", sensitive: true }) and pass KubernetesTokenReviewer.reviewerJwt(variable), or keep the default client-JWT reviewer',
  });
}

/** An OIDC discovery or JWKS URL that is not https. */
export function vaultJwtUrlNotHttps(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'an https:// URL (Vault fetches the keys that authenticate every login from it)',
    fix: 'pass the issuer\'s https:// URL, for example "https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE"',
  });
}

/** A Vault release without TLS and without the lab opt-in. */
export function vaultReleaseWithoutTls(path: string): ConfigurationError {
  return configurationError({
    path, prop: 'values.tls', value: undefined,
    allowed: 'TLS on the listener (a Secret with the server certificate), or allowInsecureHttp: true for a local lab',
    fix: 'create a TLS Secret (for example with cert-manager) and pass values.tls: { secretName }, or set values.allowInsecureHttp: true for a throw-away lab',
  });
}

/** A Vault release whose in-cluster address is not the address the declaration's stores use. */
export function vaultReleaseAddressMismatch(path: string, declared: string, serverPath: string, addresses: readonly string[]): ConfigurationError {
  return configurationError({
    path, prop: 'server', value: declared,
    allowed: `the address this release serves, as ${serverPath} declares it for the stores: ${addresses.map((a) => JSON.stringify(a)).join(', ')}`,
    fix: `set address: ${JSON.stringify(addresses[0])} on ${serverPath} (https:// with values.tls, http:// with allowInsecureHttp on both), or change releaseName, namespace or values.tls here`,
  });
}

/** A Vault store on a cluster whose auth mount on that Vault server was not declared. */
export function vaultAuthNotDeclared(path: string, prop: string, clusterId: string, serverId: string): ConfigurationError {
  return configurationError({
    path, prop, value: clusterId,
    allowed: `a cluster whose Vault auth mount on server "${serverId}" is declared (one mount per cluster: a mount's config names one API server)`,
    fix: `declare it with declaration.addVaultAuth(id, { server, cluster, ... }) for cluster "${clusterId}", or remove the cluster from the store's clusters`,
  });
}

/** A Vault KV mount a secret or store uses that its server does not declare. */
export function vaultMountNotDeclared(path: string, prop: string, value: string, declared: readonly string[]): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `a KV mount of the Vault server: ${declared.map((d) => JSON.stringify(d)).join(', ')}`,
    fix: 'add the mount to the server\'s kvMounts, or use a declared one',
  });
}

/** A Vault secret without declared properties. */
export function vaultSecretWithoutProperties(path: string): ConfigurationError {
  return configurationError({
    path, prop: 'properties', value: [],
    allowed: 'the JSON properties the KV key holds (at least one): ExternalSecrets may only read declared properties',
    fix: 'pass properties, for example ["username", "password"]',
  });
}

/** A dynamic secret whose lease rule cannot hold (ESO's Vault token TTL, lease TTL, refreshInterval). */
export function vaultLeaseRule(path: string, prop: string, value: string, allowed: string, fix: string): ConfigurationError {
  return configurationError({ path, prop, value, allowed, fix });
}

/** A dynamic secret read through a store of another Vault server. */
export function dynamicSecretServerMismatch(path: string, prop: string, value: string, server: string, storeServer: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `a dynamic secret of the store's Vault server "${storeServer}" (this one is on "${server}")`,
    fix: 'read it through a store of its server',
  });
}

/** A dynamic secret read through a ClusterSecretStore (the generator's service account must live in the ExternalSecret's namespace). */
export function vaultDynamicSecretNeedsNamespacedStore(path: string, prop: string, value: string, storeName: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `a store of StoreScope.NAMESPACED: a VaultDynamicSecret generator is namespaced, and ESO resolves its serviceAccountRef in the ExternalSecret's namespace (store "${storeName}" is a ClusterSecretStore)`,
    fix: 'read the dynamic secret through a NAMESPACED Vault store (one SecretStore, service account and Vault role per namespace)',
  });
}

/** A path that would reach a Vault policy but cannot be one (control characters, quotes, `..`, a control mount). */
export function vaultPolicyPathRefused(path: string, prop: string, value: string, reason: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `a Vault API path of segments of letters, digits, "_", "-", "." and "@" separated by single "/", outside Vault's own mounts (sys, auth, identity, cubbyhole): ${reason}`,
    fix: 'grant the exact path of a declared KV key or dynamic secrets engine role; Vault\'s control plane is never granted to ESO',
  });
}

/** A dynamic secret path that is not an engine's credential endpoint for one role. */
export function vaultDynamicPathNotEngine(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: VAULT_ENGINE_ENDPOINTS_WORDING,
    fix: VAULT_ENGINE_ENDPOINTS_FIX,
  });
}

/** A compiled policy whose text does not read back as the rules it was compiled from. */
export function vaultPolicyNotReadBack(path: string, detail: string): ConfigurationError {
  return configurationError({
    path, prop: 'policy', value: '<the compiled policy text>',
    allowed: `a policy text that parses back into exactly the compiled rules (${detail})`,
    fix: 'report this as a bug of cdk-external-secrets: the policy was not emitted',
  });
}

/** A find grant without the declared keys it reads. */
export function vaultFindWithoutKeys(path: string, prop: string, value: unknown, allowed: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed,
    fix: 'pass keys: the KV paths of the declared secrets the find matches (the policy reads only those; the listing shows names, never values)',
  });
}

/** A namespaced Vault store (or generator) with Kubernetes auth that names no service account: ESO would log in with the controller's token. */
export function vaultNamespacedAuthWithoutServiceAccount(path: string, prop: string): ConfigurationError {
  return configurationError({
    path, prop, value: undefined,
    allowed: 'a service account of the store\'s namespace (or a token Secret) on a namespaced SecretStore or generator: without one, ESO logs in to Vault with the controller\'s own token, '
      + 'so every namespace that can create a SecretStore gets the controller\'s Vault role',
    fix: 'pass serviceAccount: { name } (a service account of this namespace bound to the Vault role), or use a ClusterSecretStore for the controller\'s identity',
  });
}

/** A JWT auth issuer that is empty, or missing where Vault would not check the issuer otherwise. */
export function vaultJwtWithoutIssuer(path: string, prop: string, value: string | undefined): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'the issuer of the cluster\'s service account tokens (the "iss" claim): required with jwksUrl or jwtValidationPubkeys, never empty '
      + '(without it Vault accepts tokens of any issuer signed by those keys)',
    fix: 'pass boundIssuer: the cluster\'s OIDC issuer URL, for example "https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE"',
  });
}

/** A store with JWT auth and no audience: the JWT role always binds one, so the store's default-audience token would never log in. */
export function vaultJwtStoreWithoutAudience(path: string, prop: string, authId: string): ConfigurationError {
  return configurationError({
    path, prop, value: [],
    allowed: `at least one audience on a store served by the JWT auth mount "${authId}": a JWT role binds bound_audiences, so a token requested for the API server's default audience never logs in`,
    fix: 'leave audiences unset (["vault"]) or pass the audience the JWT role binds',
  });
}
