import { ApiObject, ApiObjectProps } from 'cdk8s';
import { Construct } from 'constructs';
import { Duration } from '../core/duration';
import { emptyCollection, invalidString } from '../core/errors';
import { checkPrivateKeyMaterial } from '../core/invariants/output/private-keys';
import { enforceOutputRules } from '../core/invariants/output/output-rule';
import { checkSopsRecipients, SopsFluxKustomizationOptions, SopsRecipient, sopsFluxKustomization } from '../core/sops';
import { assertDnsLabel, assertDnsSubdomain, assertPropsObject, assertShape } from '../core/validation';
import { ExternalSecret } from './external-secret';
import { CaProviderType } from './providers/ca-provider';
import { KubernetesAuth } from './providers/kubernetes';
import { SecretStore } from './secret-store';
import { SecretStoreProvider } from './secret-store-provider';

/** A tenant namespace and exactly the decrypted Secrets it reads. */
export interface SopsSecretConsumer {
  /** The tenant namespace. */
  readonly namespace: string;
  /** Names of the decrypted Secrets (in the source namespace) it reads; each becomes an ExternalSecret of the same name. */
  readonly secrets: string[];
}

/** Props of {@link SopsSecretDistribution}. */
export interface SopsSecretDistributionProps {
  /** The recipients of the cluster's SOPS files (the same as in `SopsConfig`): decide how Flux decrypts. */
  readonly recipients: SopsRecipient[];
  /** Namespace the decrypted Secrets are applied to (readable by nobody else). */
  readonly sourceNamespace: string;
  /** Tenant namespaces and the Secrets each reads: each gets exactly `get` on those. */
  readonly consumers: SopsSecretConsumer[];
  /**
   * The GitOps engine's decryption, rendered into this chart: a Flux `Kustomization` (or write
   * `sopsFluxKustomization()` into Flux's own repository instead; Argo CD: see the README).
   * @default - none rendered here
   */
  readonly flux?: SopsFluxKustomizationOptions;
  /**
   * How often ESO copies a changed Secret to the tenants.
   * @default Duration.minutes(5)
   */
  readonly refreshInterval?: Duration;
}

const RBAC = 'rbac.authorization.k8s.io/v1';

/**
 * SOPS on-prem, the cluster side: Flux decrypts the cluster's SOPS-encrypted Secrets from Git into a
 * source namespace (`sopsFluxKustomization()`, here with `flux` or in Flux's repository), and ESO's
 * `kubernetes` provider distributes them to tenant
 * namespaces: per tenant a service account, a `SecretStore` reading the source namespace, and one
 * `ExternalSecret` per Secret it reads; in the source namespace a `Role` allowing `get` on exactly
 * those Secrets (by `resourceNames`) bound to that service account only. No tenant can read another
 * tenant's Secrets, list the source namespace or write to it. No private key is emitted (CES-SM-4).
 */
export class SopsSecretDistribution extends Construct {
  /** The Flux Kustomization, when `flux` is set. */
  public readonly kustomization?: ApiObject;
  /** The SecretStore of each tenant namespace. */
  public readonly stores: ReadonlyMap<string, SecretStore>;
  /** The ExternalSecrets, by `<namespace>/<secret>`. */
  public readonly externalSecrets: ReadonlyMap<string, ExternalSecret>;

  constructor(scope: Construct, id: string, props: SopsSecretDistributionProps) {
    super(scope, id);
    const path = this.node.path;
    assertPropsObject(path, props, 'SopsSecretDistributionProps');
    assertShape(path, '', props, { 'recipients': 'array', 'sourceNamespace': 'string', 'consumers': 'array', 'flux?': 'object' });
    assertDnsLabel(path, 'sourceNamespace', props.sourceNamespace);
    checkSopsRecipients(path, 'recipients', props.recipients);
    if (props.recipients.length === 0 || props.consumers.length === 0) {
      throw emptyCollection(path, props.recipients.length === 0 ? 'recipients' : 'consumers', [],
        'at least one (no recipient decrypts nothing; no consumer distributes nothing)', 'list the recipients of the cluster\'s SOPS files and the namespaces that read them');
    }
    if (props.flux !== undefined) {
      this.kustomization = new ApiObject(this, 'Kustomization',
        sopsFluxKustomization({ ...props.flux, recipients: props.recipients, targetNamespace: props.sourceNamespace }, path) as unknown as ApiObjectProps);
    }
    const stores = new Map<string, SecretStore>();
    const externalSecrets = new Map<string, ExternalSecret>();
    const serviceAccount = `eso-sops-${props.sourceNamespace}`;
    const seen = new Set<string>();
    props.consumers.forEach((consumer, i) => {
      assertShape(path, `consumers[${i}]`, consumer, { namespace: 'string', secrets: 'stringArray' });
      assertDnsLabel(path, `consumers[${i}].namespace`, consumer.namespace);
      if (consumer.namespace === props.sourceNamespace || seen.has(consumer.namespace)) {
        throw invalidString(path, `consumers[${i}].namespace`, consumer.namespace,
          'a tenant namespace other than the source namespace, listed once', 'list each tenant namespace once, with every Secret it reads');
      }
      seen.add(consumer.namespace);
      if (consumer.secrets.length === 0) {
        throw emptyCollection(path, `consumers[${i}].secrets`, [], 'the names of the Secrets the namespace reads (an empty list would grant nothing yet create a store)', 'list the Secrets, or leave the namespace out');
      }
      consumer.secrets.forEach((name, j) => assertDnsSubdomain(path, `consumers[${i}].secrets[${j}]`, name));
      const secrets = [...new Set(consumer.secrets)].sort();
      const ns = consumer.namespace;
      new ApiObject(this, `ServiceAccount-${ns}`, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: serviceAccount, namespace: ns } });
      const role = `eso-sops-read-${ns}`;
      new ApiObject(this, `Role-${ns}`, {
        apiVersion: RBAC, kind: 'Role', metadata: { name: role, namespace: props.sourceNamespace },
        rules: [{ apiGroups: [''], resources: ['secrets'], resourceNames: secrets, verbs: ['get'] }],
      });
      new ApiObject(this, `RoleBinding-${ns}`, {
        apiVersion: RBAC, kind: 'RoleBinding', metadata: { name: role, namespace: props.sourceNamespace },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: role },
        subjects: [{ kind: 'ServiceAccount', name: serviceAccount, namespace: ns }],
      });
      const store = new SecretStore(this, `Store-${ns}`, {
        name: `sops-${props.sourceNamespace}`, namespace: ns,
        provider: SecretStoreProvider.kubernetes({
          remoteNamespace: props.sourceNamespace,
          server: { caProvider: { type: CaProviderType.CONFIG_MAP, name: 'kube-root-ca.crt', key: 'ca.crt' } },
          auth: KubernetesAuth.serviceAccount({ serviceAccount: { name: serviceAccount } }),
        }),
      });
      stores.set(ns, store);
      for (const name of secrets) {
        externalSecrets.set(`${ns}/${name}`, new ExternalSecret(this, `ExternalSecret-${ns}-${name}`, {
          name, namespace: ns, store, refreshInterval: props.refreshInterval ?? Duration.minutes(5),
          dataFrom: [{ extract: { key: name } }],
        }));
      }
    });
    this.stores = stores;
    this.externalSecrets = externalSecrets;
    // CES-SM-4: no private key in anything this construct emits.
    this.node.addValidation({
      validate: () => {
        const objects = this.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject).map((o) => o.toJson() as unknown);
        enforceOutputRules(checkPrivateKeyMaterial(path, objects, 'objects'), []);
        return [];
      },
    });
  }
}
