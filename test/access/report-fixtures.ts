// Access models for the report tests: a small estate with two clusters, two tenants and three
// backends (base and head of a change that widens trust, gains and loses grants), a hostile
// one whose names are markup, and a generated one at estate scale.
import { ACCESS_MODEL_API_VERSION, ACCESS_MODEL_KIND, AccessModel, AccessModelConsumer, AccessModelGrant, AccessModelIdentity } from '../../lib/access';

/** A markup payload used as a name: it must show as text. */
export const XSS = '</script><img src=x onerror=alert(1)>';

function consumer(cluster: string, namespace: string, name: string, store: string): AccessModelConsumer {
  return { kind: 'ExternalSecret', cluster, namespace, name, store, path: `declaration/externalSecrets/${name}` };
}

function grant(secret: string, backend: string, actions: string[], consumers: AccessModelConsumer[]): AccessModelGrant {
  return { secret, backend, actions, how: ['data'], consumers };
}

function identity(id: string, provider: string, principal: string, trust: Array<[string, string, string]>, grants: AccessModelGrant[]): AccessModelIdentity {
  return {
    id, provider, principal, mechanism: 'IRSA', authModel: 'CONTROLLER', stores: [...new Set(grants.flatMap((g) => g.consumers.map((c) => c.store)))].sort(),
    clusters: [...new Set(trust.map((t) => t[0]))].sort(),
    trust: trust.map(([cluster, namespace, serviceAccount]) => ({ cluster, namespace, serviceAccount })), grants,
  };
}

const SM = ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'];

/** The base of a change: tenants jenkins (eks-prod) and netbox (aks-west). */
export function baseModel(): AccessModel {
  return {
    apiVersion: ACCESS_MODEL_API_VERSION, kind: ACCESS_MODEL_KIND, declaration: 'estate',
    clusters: [{ id: 'aks-west', cloud: 'azure' }, { id: 'eks-prod', cloud: 'aws' }],
    tenants: [
      { id: 'jenkins', namespaces: ['jenkins'], groups: ['jenkins-admins'], secrets: ['aws-secrets-manager:jenkins/token'] },
      { id: 'netbox', namespaces: ['netbox'], groups: ['netbox-admins'], secrets: ['azure-key-vault:netbox-db'] },
    ],
    secrets: [
      { key: 'aws-secrets-manager:jenkins/token', id: 'jenkinsToken', backend: 'aws-secrets-manager', name: 'jenkins/token', tenant: 'jenkins' },
      { key: 'aws-secrets-manager:shared/ca', id: 'ca', backend: 'aws-secrets-manager', name: 'shared/ca' },
      { key: 'azure-key-vault:netbox-db', id: 'netboxDb', backend: 'azure-key-vault', name: 'netbox-db', tenant: 'netbox' },
    ],
    stores: [
      { id: 'aws', name: 'aws', kind: 'ClusterSecretStore', provider: 'aws', clusters: ['eks-prod'], namespaces: ['jenkins'] },
      { id: 'kv', name: 'kv', kind: 'ClusterSecretStore', provider: 'azure-key-vault', clusters: ['aks-west'], namespaces: ['netbox'] },
    ],
    identities: [
      identity('controller-eks-prod', 'aws', 'role eso-eks-prod', [['eks-prod', 'external-secrets', 'external-secrets']], [
        grant('aws-secrets-manager:jenkins/token', 'aws-secrets-manager', SM, [consumer('eks-prod', 'jenkins', 'jenkins-token', 'aws')]),
        grant('aws-secrets-manager:shared/ca', 'aws-secrets-manager', SM, [consumer('eks-prod', 'jenkins', 'ca', 'aws')]),
      ]),
      identity('store-kv', 'azure-key-vault', 'managed identity kv-netbox', [['aks-west', 'netbox', 'kv-reader']], [
        grant('azure-key-vault:netbox-db', 'azure-key-vault', ['Key Vault Secrets User'], [consumer('aks-west', 'netbox', 'netbox-db', 'kv')]),
      ]),
    ],
    finds: [],
    acknowledgements: [],
  };
}

/**
 * The head of the change: netbox gains the shared CA on eks-prod (store aws admits netbox, the
 * controller role trusts one more service account), jenkins loses its token on eks-prod, and the
 * Key Vault identity now also trusts a service account in default.
 */
export function headModel(): AccessModel {
  const base = baseModel();
  return {
    ...base,
    stores: [
      { ...base.stores[0], namespaces: ['jenkins', 'netbox'] },
      base.stores[1],
    ],
    identities: [
      identity('controller-eks-prod', 'aws', 'role eso-eks-prod', [['eks-prod', 'external-secrets', 'external-secrets']], [
        grant('aws-secrets-manager:shared/ca', 'aws-secrets-manager', SM, [
          consumer('eks-prod', 'jenkins', 'ca', 'aws'), consumer('eks-prod', 'netbox', 'ca', 'aws'),
        ]),
      ]),
      identity('store-kv', 'azure-key-vault', 'managed identity kv-netbox', [['aks-west', 'default', 'kv-reader'], ['aks-west', 'netbox', 'kv-reader']], [
        grant('azure-key-vault:netbox-db', 'azure-key-vault', ['Key Vault Secrets User'], [consumer('aks-west', 'netbox', 'netbox-db', 'kv')]),
      ]),
    ],
    acknowledgements: [{ ruleId: 'CES-TI-2', title: 'a shared secret is read by one tenant', reason: 'the CA bundle is public', subjects: ['netbox'] }],
  };
}

/** A model whose every name is a markup payload. */
export function hostileModel(): AccessModel {
  const name = XSS;
  return {
    apiVersion: ACCESS_MODEL_API_VERSION, kind: ACCESS_MODEL_KIND, declaration: `estate ${name}`,
    clusters: [{ id: `c${name}` }],
    tenants: [{ id: `t${name}`, namespaces: [`ns${name}`], groups: [], secrets: [] }],
    secrets: [{ key: `aws-secrets-manager:${name}`, id: 's', backend: 'aws-secrets-manager', name: `s${name}\u2028<!--` }],
    stores: [{ id: `st${name}`, name: `st${name}`, kind: 'ClusterSecretStore', provider: 'aws', clusters: [`c${name}`], namespaces: [`ns${name}`] }],
    identities: [identity(`i${name}`, 'aws', `role ${name}`, [[`c${name}`, `ns${name}`, `sa${name}`]], [
      grant(`aws-secrets-manager:${name}`, 'aws-secrets-manager', SM, [consumer(`c${name}`, `ns${name}`, `es${name}`, `st${name}`)]),
    ])],
    finds: [],
    acknowledgements: [{ ruleId: 'CES-TI-1', title: name, reason: name, subjects: [name] }],
  };
}

/**
 * An estate of `secrets` secrets: 20 clusters (alternately EKS with Secrets Manager and AKS with Key
 * Vault), 200 tenants with one namespace and one store identity each per cluster, every secret
 * owned by one tenant and read by one ExternalSecret in its namespace.
 */
export function estateModel(secrets: number): AccessModel {
  const clusters = Array.from({ length: 20 }, (_, n) => `cluster-${String(n).padStart(2, '0')}`);
  const tenants = Array.from({ length: 200 }, (_, n) => `tenant-${String(n).padStart(3, '0')}`);
  const backendOf = (c: number): string => (c % 2 === 0 ? 'aws-secrets-manager' : 'azure-key-vault');
  const all = Array.from({ length: secrets }, (_, n) => {
    const tenant = n % tenants.length;
    const cluster = Math.floor(n / tenants.length) % clusters.length;
    const name = `${tenants[tenant]}-secret-${String(n).padStart(5, '0')}`;
    return { n, tenant, cluster, name, key: `${backendOf(cluster)}:${name}` };
  });
  const identities = new Map<string, { cluster: number; tenant: number; grants: AccessModelGrant[] }>();
  for (const s of all) {
    const id = `store-${tenants[s.tenant]}-${clusters[s.cluster]}`;
    const entry = identities.get(id) ?? { cluster: s.cluster, tenant: s.tenant, grants: [] };
    entry.grants.push(grant(s.key, backendOf(s.cluster), s.cluster % 2 === 0 ? SM : ['Key Vault Secrets User'],
      [consumer(clusters[s.cluster], tenants[s.tenant], s.name, `store-${tenants[s.tenant]}`)]));
    identities.set(id, entry);
  }
  return {
    apiVersion: ACCESS_MODEL_API_VERSION, kind: ACCESS_MODEL_KIND, declaration: 'estate-scale',
    clusters: clusters.map((id, c) => ({ id, cloud: c % 2 === 0 ? 'aws' : 'azure' })),
    tenants: tenants.map((id) => ({ id, namespaces: [id], groups: [`${id}-admins`], secrets: all.filter((s) => tenants[s.tenant] === id).map((s) => s.key).sort() })),
    secrets: all.map((s) => ({ key: s.key, id: `s${s.n}`, backend: backendOf(s.cluster), name: s.name, tenant: tenants[s.tenant] })).sort((a, b) => a.key.localeCompare(b.key)),
    stores: tenants.map((id) => ({ id: `store-${id}`, name: `store-${id}`, kind: 'ClusterSecretStore' as const, provider: 'aws', clusters, namespaces: [id] })),
    identities: [...identities.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([id, e]) => identity(id,
      e.cluster % 2 === 0 ? 'aws' : 'azure-key-vault', `${e.cluster % 2 === 0 ? 'role' : 'managed identity'} ${id}`,
      [[clusters[e.cluster], tenants[e.tenant], `store-${tenants[e.tenant]}`]], e.grants)),
    finds: [],
    acknowledgements: [],
  };
}
