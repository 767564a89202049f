/**
 * SOPS-encrypted secrets in Git (the on-prem alternative to Vault): the recipients of a cluster's
 * files and the `.sops.yaml` creation rules that encrypt them. Engine-free; the GitOps decryption and
 * the ESO distribution are in `lib/k8s/sops-distribution.ts`, the KMS grant of the decrypting identity
 * in `lib/aws/sops-decrypt-grant.ts`.
 */
import { stringify } from 'yaml';
import { emptyCollection, invalidAgeRecipient, invalidSopsKey, invalidString, privateKeyAsRecipient } from './errors';
import { checkPrivateKeyMaterial, privateKeyKind } from './invariants/output/private-keys';
import { enforceOutputRules } from './invariants/output/output-rule';
import { Duration } from './duration';
import { assertDnsLabel, assertDnsSubdomain, assertShape } from './validation';

const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

/** Whether the bech32 checksum of `hrp1data` is valid (BIP-173). */
function bech32ChecksumValid(hrp: string, data: string): boolean {
  const values = [...data].map((c) => BECH32.indexOf(c));
  const expanded = [...[...hrp].map((c) => c.charCodeAt(0) >> 5), 0, ...[...hrp].map((c) => c.charCodeAt(0) & 31), ...values];
  const generators = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const v of expanded) {
    const top = chk >> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    generators.forEach((g, i) => { if ((top >> i) & 1) chk ^= g; });
  }
  return chk === 1;
}

/** Kinds of SOPS recipients. */
export enum SopsRecipientKind {
  /** An age X25519 public key (`age`). */
  AGE = 'age',
  /** An AWS KMS key (`kms`). */
  AWS_KMS = 'kms',
  /** An Azure Key Vault key (`azure_keyvault`). */
  AZURE_KEY_VAULT = 'azure_keyvault',
  /** A Google Cloud KMS key (`gcp_kms`). */
  GCP_KMS = 'gcp_kms',
}

/** Who can decrypt a cluster's SOPS files: an age public key or a cloud KMS key. */
export class SopsRecipient {
  /**
   * An age public key (`age1…`): the decrypting controller holds the private key in a Secret created
   * out of band (never in the declaration or any output).
   */
  public static age(publicKey: string): SopsRecipient {
    return new SopsRecipient(SopsRecipientKind.AGE, publicKey, (path, prop) => {
      const kind = typeof publicKey === 'string' ? privateKeyKind(publicKey) : undefined;
      if (kind !== undefined || (typeof publicKey === 'string' && /^AGE-SECRET-KEY-/i.test(publicKey))) {
        throw privateKeyAsRecipient(path, prop, kind ?? 'an age private key (AGE-SECRET-KEY-1…)');
      }
      if (typeof publicKey !== 'string' || !/^age1[qpzry9x8gf2tvdw0s3jn54khce6mua7l]{58}$/.test(publicKey)) {
        throw invalidAgeRecipient(path, prop, String(publicKey), 'lowercase, 62 characters; plugin recipients such as age1yubikey1… are not supported');
      }
      if (!bech32ChecksumValid('age', publicKey.slice(4))) {
        throw invalidAgeRecipient(path, prop, publicKey, 'the checksum does not match: a character was mistyped');
      }
    });
  }

  /** An AWS KMS key by ARN (`arn:aws:kms:<region>:<account>:key/<uuid>`): the grant is `kms:Decrypt` on exactly it. */
  public static awsKms(keyArn: string): SopsRecipient {
    return new SopsRecipient(SopsRecipientKind.AWS_KMS, keyArn, (path, prop) => {
      if (typeof keyArn !== 'string' || !/^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/.test(keyArn)) {
        throw invalidSopsKey(path, prop, String(keyArn), 'a KMS key ARN (arn:aws:kms:<region>:<account>:key/<key id>), not an alias: the decrypt grant names exactly the key',
          'pass the key\'s ARN (aws kms describe-key --key-id alias/<name>)');
      }
    });
  }

  /** An Azure Key Vault key with its version (`https://<vault>.vault.azure.net/keys/<name>/<version>`), as SOPS requires. */
  public static azureKeyVault(keyUrl: string): SopsRecipient {
    return new SopsRecipient(SopsRecipientKind.AZURE_KEY_VAULT, keyUrl, (path, prop) => {
      if (typeof keyUrl !== 'string' || !/^https:\/\/[a-z0-9-]{3,24}\.vault\.(?:azure\.net|azure\.cn|usgovcloudapi\.net)\/keys\/[A-Za-z0-9-]{1,127}\/[0-9a-f]{32}$/.test(keyUrl)) {
        throw invalidSopsKey(path, prop, String(keyUrl), 'a versioned Key Vault key URL (https://<vault>.vault.azure.net/keys/<name>/<version>)',
          'pass the key\'s id (az keyvault key show --vault-name <vault> --name <name> --query key.kid)');
      }
    });
  }

  /** A Google Cloud KMS key (`projects/<p>/locations/<l>/keyRings/<r>/cryptoKeys/<k>`). */
  public static gcpKms(keyId: string): SopsRecipient {
    return new SopsRecipient(SopsRecipientKind.GCP_KMS, keyId, (path, prop) => {
      if (typeof keyId !== 'string' || !/^projects\/[a-z][a-z0-9-]{4,28}[a-z0-9]\/locations\/[a-z0-9-]+\/keyRings\/[A-Za-z0-9_-]{1,63}\/cryptoKeys\/[A-Za-z0-9_-]{1,63}$/.test(keyId)) {
        throw invalidSopsKey(path, prop, String(keyId), 'a Cloud KMS key resource ID (projects/<project>/locations/<location>/keyRings/<ring>/cryptoKeys/<key>)',
          'pass the key\'s resource ID (gcloud kms keys describe <key> --keyring <ring> --location <location> --format "value(name)")');
      }
    });
  }

  private constructor(
    /** Kind (the `.sops.yaml` key). */
    public readonly kind: SopsRecipientKind,
    /** The public key or key reference. */
    public readonly value: string,
    private readonly checker: (path: string, prop: string) => void,
  ) {}

  /** @internal Validates the recipient where it was used. */
  public _check(path: string, prop: string): void {
    this.checker(path, prop);
  }
}

/**
 * Checks a list of recipients where it was used (`<prop>[i]`): each built with `SopsRecipient` and
 * valid (no private key, well-formed keys).
 */
export function checkSopsRecipients(path: string, prop: string, recipients: readonly unknown[]): void {
  recipients.forEach((r, i) => {
    if (!(r instanceof SopsRecipient)) {
      throw invalidString(path, `${prop}[${i}]`, typeof r === 'string' ? '(a string)' : String(r), 'a SopsRecipient', 'use SopsRecipient.age(), awsKms(), azureKeyVault() or gcpKms()');
    }
    r._check(path, `${prop}[${i}]`);
  });
}

/** The SOPS files of one cluster. */
export interface SopsClusterSource {
  /** Cluster name: the files live under `<directory>/<cluster>/` (a DNS label). */
  readonly cluster: string;
  /** Who can decrypt them (each file is encrypted to every recipient). */
  readonly recipients: SopsRecipient[];
  /**
   * Directory of the clusters in the repository.
   * @default "clusters"
   */
  readonly directory?: string;
  /**
   * Keys SOPS encrypts in each file (`encrypted_regex`).
   * @default "^(data|stringData)$" (a Kubernetes Secret's values; metadata stays readable for review)
   */
  readonly encryptedRegex?: string;
}

/** Props of {@link SopsConfig}. */
export interface SopsConfigProps {
  /** One source per cluster; each gets its own creation rule and recipients. */
  readonly sources: SopsClusterSource[];
}

/** A regular expression matching `text` literally. */
function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * The `.sops.yaml` of a repository holding SOPS-encrypted Kubernetes Secrets per cluster: one
 * creation rule per cluster, `path_regex` matching exactly that cluster's directory (escaped), its
 * recipients, and only the Secret's values encrypted. No private key ever appears in it (CES-SM-4).
 */
export class SopsConfig {
  /** The sources, validated. */
  public readonly sources: readonly SopsClusterSource[];

  constructor(props: SopsConfigProps) {
    const path = 'SopsConfig';
    assertShape(path, '', props, { sources: 'array' });
    if (props.sources.length === 0) {
      throw emptyCollection(path, 'sources', [], 'at least one cluster source', 'pass { cluster, recipients } for each cluster whose secrets arrive SOPS-encrypted');
    }
    const clusters = new Set<string>();
    props.sources.forEach((source, i) => {
      const prop = `sources[${i}]`;
      assertShape(path, prop, source, { 'cluster': 'string', 'recipients': 'array', 'directory?': 'string', 'encryptedRegex?': 'string' });
      assertDnsLabel(path, `${prop}.cluster`, source.cluster);
      if (clusters.has(source.cluster)) {
        throw invalidString(path, `${prop}.cluster`, source.cluster, 'one source per cluster (SOPS uses the first creation rule whose path_regex matches)', 'merge the recipients into one source');
      }
      clusters.add(source.cluster);
      if (source.recipients.length === 0) {
        throw emptyCollection(path, `${prop}.recipients`, [], 'at least one recipient (SOPS cannot encrypt to nobody)', 'pass SopsRecipient.age(…) or a cloud KMS key');
      }
      checkSopsRecipients(path, `${prop}.recipients`, source.recipients);
      if (source.directory !== undefined && !/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(source.directory)) {
        throw invalidString(path, `${prop}.directory`, source.directory, 'a relative directory of letters, digits, ".", "_" and "-" segments', 'pass a path such as "clusters"');
      }
    });
    this.sources = props.sources;
  }

  /** The path regex of a cluster's files (`^clusters/<cluster>/.*\.ya?ml$`, the parts escaped). */
  public static pathRegex(source: Pick<SopsClusterSource, 'cluster' | 'directory'>): string {
    return `^${escapeRegex(source.directory ?? 'clusters')}/${escapeRegex(source.cluster)}/.*\\.ya?ml$`;
  }

  /** The `.sops.yaml` document. */
  public toJson(): { creation_rules: Array<Record<string, string>> } {
    return {
      creation_rules: this.sources.map((source) => {
        const rule: Record<string, string> = { path_regex: SopsConfig.pathRegex(source), encrypted_regex: source.encryptedRegex ?? '^(data|stringData)$' };
        for (const kind of Object.values(SopsRecipientKind)) {
          const values = source.recipients.filter((r) => r.kind === kind).map((r) => r.value);
          if (values.length > 0) rule[kind] = values.join(',');
        }
        return rule;
      }),
    };
  }

  /** The `.sops.yaml` text, checked for private keys (CES-SM-4) before it is returned. */
  public toYaml(): string {
    const text = stringify(this.toJson(), { lineWidth: 0 });
    enforceOutputRules(checkPrivateKeyMaterial('SopsConfig', text, '.sops.yaml'), []);
    return text;
  }
}

/** Options of {@link sopsFluxKustomization}. */
export interface SopsFluxKustomizationOptions {
  /** Path of the cluster's encrypted files in the Git source (`./clusters/<cluster>/secrets`). */
  readonly path: string;
  /** Name of the Flux `GitRepository` holding them. */
  readonly gitRepository: string;
  /**
   * Name of the Kustomization.
   * @default "sops-secrets"
   */
  readonly name?: string;
  /**
   * Namespace of Flux (the Kustomization and the age key Secret).
   * @default "flux-system"
   */
  readonly namespace?: string;
  /**
   * Reconcile interval.
   * @default Duration.minutes(10)
   */
  readonly interval?: Duration;
  /**
   * Name of the Secret (in Flux's namespace) holding the age private key (`age.agekey`), created out of
   * band. Used only when a recipient is an age key; cloud KMS keys are used through the
   * kustomize-controller's workload identity instead (see `grantSopsDecrypt`).
   * @default "sops-age"
   */
  readonly ageKeySecretName?: string;
}

/**
 * The Flux `Kustomization` (`kustomize.toolkit.fluxcd.io/v1`) that applies a cluster's SOPS-encrypted
 * Secrets to `targetNamespace`, decrypting them with `spec.decryption: { provider: sops }`: with the age
 * key's Secret when a recipient is an age key, otherwise with the controller's cloud KMS identity.
 * Engine-free JSON; checked for private keys (CES-SM-4).
 */
export function sopsFluxKustomization(options: SopsFluxKustomizationOptions & { readonly recipients: readonly SopsRecipient[]; readonly targetNamespace: string },
  path = 'sopsFluxKustomization'): { [key: string]: unknown } {
  assertShape(path, 'flux', options, {
    'path': 'string', 'gitRepository': 'string', 'name?': 'string', 'namespace?': 'string', 'ageKeySecretName?': 'string', 'recipients': 'array', 'targetNamespace': 'string',
  });
  const namespace = options.namespace ?? 'flux-system';
  assertDnsLabel(path, 'flux.namespace', namespace);
  assertDnsLabel(path, 'flux.targetNamespace', options.targetNamespace);
  assertDnsSubdomain(path, 'flux.gitRepository', options.gitRepository);
  assertDnsSubdomain(path, 'flux.name', options.name ?? 'sops-secrets');
  checkSopsRecipients(path, 'recipients', options.recipients);
  const usesAge = options.recipients.some((r) => r.kind === SopsRecipientKind.AGE);
  const object = {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization',
    metadata: { name: options.name ?? 'sops-secrets', namespace },
    spec: {
      interval: (options.interval ?? Duration.minutes(10)).toGoString(),
      path: options.path,
      prune: true,
      sourceRef: { kind: 'GitRepository', name: options.gitRepository },
      targetNamespace: options.targetNamespace,
      decryption: { provider: 'sops', ...usesAge ? { secretRef: { name: options.ageKeySecretName ?? 'sops-age' } } : {} },
    },
  };
  enforceOutputRules(checkPrivateKeyMaterial(path, object, 'flux'), []);
  return object;
}
