import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Chart, Testing as Cdk8sTesting } from 'cdk8s';
import { TerraformStack, Testing } from 'cdktf';
import {
  ClusterDeclaration, ConfigurationError, CreationPolicy, InitialValue, DecodingStrategy, DeletionPolicy, MetadataPolicy, RefreshPolicy, SecretBackend, SecretsDeclaration,
  StoreDeclaration, TemplateMergePolicy,
} from '../../lib/core';
import { SecretsPlatformInfrastructure } from '../../lib/platform';
import { SecretsPlatformManifests } from '../../lib/platform/k8s';

/**
 * One validation path: the same bad declaration fails identically in the cdktf app
 * (SecretsPlatformInfrastructure) and the cdk8s app (SecretsPlatformManifests), since every check of a
 * declared option runs in the engine-free declaration or plan. A check that ran only in one renderer
 * would let the other app synthesize (and `cdktf deploy` apply) what the cluster side refuses.
 */
interface Fixture {
  readonly d: SecretsDeclaration;
  readonly prod: ClusterDeclaration;
  readonly store: StoreDeclaration;
  readonly db: ReturnType<SecretsDeclaration['addSecretsManagerSecret']>;
}

function fixture(): Fixture {
  const d = new SecretsDeclaration({
    name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' }, azure: { tenantId: '00000000-0000-0000-0000-000000000001' },
    gcp: { projectId: 'shop-4711', projectNumber: '314159265358' },
  });
  const prod = d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD' });
  const db = d.addSecretsManagerSecret('db', { name: 'shop/db' });
  const store = d.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
  return { d, prod, store, db };
}

/** What an app does with the declaration: its library error's message, or 'synthesized'. */
function outcome(run: () => void): string {
  try {
    run();
    return 'synthesized';
  } catch (error) {
    return error instanceof ConfigurationError ? error.message : `not the library's error: ${String(error)}`;
  }
}

function throughCdktf(build: (f: Fixture) => void): string {
  return outcome(() => {
    const f = fixture();
    build(f);
    const stack = new TerraformStack(Testing.app(), 'test');
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    new SecretsPlatformInfrastructure(stack, 'platform', { declaration: f.d });
    Testing.synth(stack, true);
  });
}

function throughCdk8s(build: (f: Fixture) => void): string {
  return outcome(() => {
    const f = fixture();
    build(f);
    const chart = new Chart(Cdk8sTesting.app(), 'test');
    new SecretsPlatformManifests(chart, 'platform', { declaration: f.d, cluster: f.prod });
    Cdk8sTesting.synth(chart);
  });
}

const ES = 'shop/externalSecrets/es';
const js = <T>(value: unknown): T => value as T;

const CASES: ReadonlyArray<readonly [string, (f: Fixture) => void, string]> = [
  ['deletionPolicy Delete with creationPolicy Merge (ESO refuses it)',
    ({ d, store, db }) => d.addExternalSecret('es', { name: 'es', namespace: 'shop', store, data: [{ secretKey: 'k', secret: db }], creationPolicy: CreationPolicy.MERGE, deletionPolicy: DeletionPolicy.DELETE }),
    `[${ES}] deletionPolicy: received "Delete". Allowed: a deletionPolicy compatible with creationPolicy "Merge" (ESO rejects deletionPolicy "Delete" with creationPolicy "Merge", "CreateOrMerge" or "None", `
    + 'and deletionPolicy "Merge" with creationPolicy "None"). Fix: use DeletionPolicy.RETAIN, or CreationPolicy.OWNER if the Secret must be deleted with the ExternalSecret.'],
  ['deletionPolicy Merge with creationPolicy None',
    ({ d, store, db }) => d.addExternalSecret('es', { name: 'es', namespace: 'shop', store, data: [{ secretKey: 'k', secret: db }], creationPolicy: CreationPolicy.NONE, deletionPolicy: DeletionPolicy.MERGE }),
    `[${ES}] deletionPolicy: received "Merge". Allowed: a deletionPolicy compatible with creationPolicy "None" (ESO rejects deletionPolicy "Delete" with creationPolicy "Merge", "CreateOrMerge" or "None", `
    + 'and deletionPolicy "Merge" with creationPolicy "None"). Fix: use DeletionPolicy.RETAIN, or CreationPolicy.OWNER if the Secret must be deleted with the ExternalSecret.'],
  ['a refreshPolicy that is no RefreshPolicy (JavaScript)',
    ({ d, store, db }) => d.addExternalSecret('es', { name: 'es', namespace: 'shop', store, data: [{ secretKey: 'k', secret: db }], refreshPolicy: js<RefreshPolicy>('Always') }),
    `[${ES}] options.refreshPolicy: received "Always". Allowed: one of "CreatedOnce", "Periodic", "OnChange" (RefreshPolicy). Fix: pass one of "CreatedOnce", "Periodic", "OnChange" (RefreshPolicy).`],
  ['a creationPolicy that is no CreationPolicy (JavaScript)',
    ({ d, store, db }) => d.addExternalSecret('es', { name: 'es', namespace: 'shop', store, data: [{ secretKey: 'k', secret: db }], creationPolicy: js<CreationPolicy>('owner') }),
    `[${ES}] options.creationPolicy: received "owner". Allowed: one of "Owner", "Orphan", "Merge", "None", "CreateOrMerge" (CreationPolicy). `
    + 'Fix: pass one of "Owner", "Orphan", "Merge", "None", "CreateOrMerge" (CreationPolicy).'],
  ['a decodingStrategy on data that is no DecodingStrategy (JavaScript)',
    ({ d, store, db }) => d.addExternalSecret('es', { name: 'es', namespace: 'shop', store, data: [{ secretKey: 'k', secret: db, decodingStrategy: js<DecodingStrategy>('base64') }] }),
    `[${ES}] options.data[0].decodingStrategy: received "base64". Allowed: one of "Auto", "Base64", "Base64URL", "None" (DecodingStrategy). `
    + 'Fix: pass one of "Auto", "Base64", "Base64URL", "None" (DecodingStrategy).'],
  ['a metadataPolicy that is no MetadataPolicy (JavaScript)',
    ({ d, store, db }) => d.addExternalSecret('es', { name: 'es', namespace: 'shop', store, data: [{ secretKey: 'k', secret: db, metadataPolicy: js<MetadataPolicy>('fetch') }] }),
    `[${ES}] options.data[0].metadataPolicy: received "fetch". Allowed: one of "None", "Fetch" (MetadataPolicy). Fix: pass one of "None", "Fetch" (MetadataPolicy).`],
  ['a find whose tags are not strings (JavaScript)',
    ({ d, store }) => d.addExternalSecret('es', { name: 'es', namespace: 'shop', store, find: [{ tags: js<Record<string, string>>({ team: 7 }) }] }),
    `[${ES}] options.find[0].tags.team: received a number (7). Allowed: a string. Fix: pass a string.`],
  ['a template mergePolicy that is no TemplateMergePolicy (JavaScript)',
    ({ d, store, db }) => d.addExternalSecret('es', { name: 'es', namespace: 'shop', store, data: [{ secretKey: 'k', secret: db }], template: { mergePolicy: js<TemplateMergePolicy>('Append') } }),
    `[${ES}] options.template.mergePolicy: received "Append". Allowed: one of "Replace", "Merge" (TemplateMergePolicy). Fix: pass one of "Replace", "Merge" (TemplateMergePolicy).`],
  ['a template type that is not a string (JavaScript)',
    ({ d, store, db }) => d.addExternalSecret('es', { name: 'es', namespace: 'shop', store, data: [{ secretKey: 'k', secret: db }], template: { type: js<string>({ value: 'Opaque' }) } }),
    `[${ES}] options.template.type: received an object. Allowed: a string. Fix: pass a string.`],
  ['immutable that is not a boolean (JavaScript)',
    ({ d, store, db }) => d.addExternalSecret('es', { name: 'es', namespace: 'shop', store, data: [{ secretKey: 'k', secret: db }], immutable: js<boolean>('yes') }),
    `[${ES}] options.immutable: received a string. Allowed: true or false. Fix: pass true or false.`],
  ['a generated password for an Azure Key Vault secret (only AWS generates passwords at apply time)',
    ({ d }) => d.addKeyVaultSecret('pw', { vault: d.addKeyVault('kv', { name: 'shop-kv', resourceGroupName: 'rg', location: 'westeurope' }), name: 'pw', initialValue: InitialValue.generatedPassword() }),
    '[shop/secrets/pw] initialValue: received "GENERATED_PASSWORD". Allowed: InitialValue.sensitiveVariable() for Azure Key Vault. '
    + 'Fix: pass the value through a sensitive variable, or leave initialValue unset and set the value out of band.'],
  ['a generated password for a Google secret',
    ({ d }) => d.addGoogleSecret('pw', { name: 'pw', initialValue: InitialValue.generatedPassword() }),
    '[shop/secrets/pw] initialValue: received "GENERATED_PASSWORD". Allowed: InitialValue.sensitiveVariable() for Google Secret Manager. '
    + 'Fix: pass the value through a sensitive variable, or leave initialValue unset and set the value out of band.'],
  ['a generated password for a Vault secret',
    ({ d }) => d.addVaultSecret('pw', { server: d.addVaultServer('v', { address: 'https://vault.example.com' }), path: 'pw', properties: ['p'], initialValue: InitialValue.generatedPassword() }),
    '[shop/secrets/pw] initialValue: received "GENERATED_PASSWORD". Allowed: InitialValue.sensitiveVariable() for HashiCorp Vault. '
    + 'Fix: pass the value through a sensitive variable, or leave initialValue unset and set the value out of band.'],
  ['a find through a Google Secret Manager store (no per-secret list permission exists)',
    ({ d, prod }) => {
      d.addGoogleSecret('token', { name: 'app-token' });
      const gsm = d.addGoogleSecretManagerStore('gsm', { name: 'gsm', clusters: [prod] });
      d.addExternalSecret('es', { name: 'es', namespace: 'shop', store: gsm, find: [{ nameRegexp: 'app-.*' }] });
    },
    `[${ES}] find[0]: received "gsm". Allowed: data and extract of declared secrets: Google Secret Manager has no per-secret list permission, `
    + 'and this library never grants secretmanager.secrets.list on the project. Fix: list the secrets explicitly (data / extract).'],
];

describe('one validation path: the cdktf app and the cdk8s app fail on the same input with the same message', () => {
  test('a valid declaration synthesizes in both apps (the harness itself works)', () => {
    const build = ({ d, store, db }: Fixture) => { d.addExternalSecret('es', { name: 'es', namespace: 'shop', store, data: [{ secretKey: 'k', secret: db }] }); };
    expect([throughCdktf(build), throughCdk8s(build)]).toEqual(['synthesized', 'synthesized']);
  });

  test.each(CASES)('%s', (_name, build, message) => {
    expect({ cdktf: throughCdktf(build), cdk8s: throughCdk8s(build) }).toEqual({ cdktf: message, cdk8s: message });
  });
});
