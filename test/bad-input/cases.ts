/**
 * Bad inputs a new user (or a JavaScript caller) passes through the PUBLIC API (the package root only),
 * each with a builder that throws. The expected messages live in `expected.ts` next to this file.
 */
import { Chart, Testing as K8sTesting } from 'cdk8s';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import {
  AccessPolicyCompiler, AwsAuth, AwsEnvironment, AzureKeyVault, AzureKeyVaultAuth, CaProviderType, ClusterExternalSecret,
  ClusterSecretStore, CreationPolicy, Duration, EksSecretsEncryptionKey, ExternalSecret, ExternalSecretsOperatorRelease,
  GeneratorKind, IrsaRole, KeyVaultNetworkAction, KeyVaultSecretsListRole, KubernetesAuth, KmsKey, LabelSelectorOperator, PodIdentityRole, PolicyEffect, PushSecret,
  PushSecretSource, ReloaderHelmRelease, Rewrite, RotationSchedule, SecretsDeclaration, SecretStore, SecretStoreProvider,
  SecretBackend, SecretsManagerSecret, SecretValueSource, SsmSecureParameter, VaultAuth,
} from '../../lib';
import { DECLARATION_CASES } from './cases-declaration';
import { GCP_VAULT_CASES } from './cases-gcp-vault';
import { TOOLS_CASES } from './cases-tools';
import { HELM_CASES } from './cases-helm';
import { NAMES_CASES } from './cases-names';
import { GENERATORS_CASES } from './cases-generators';
import { ACCESS_CASES } from './cases-access';
import { SHARDING_CASES } from './cases-sharding';
import { SOURCES_CASES } from './cases-sources';
import { MIGRATE_CASES } from './cases-migrate';
import { VALIDATOR_CASES } from './cases-validator';
import { PRIVILEGE_CASES } from './cases-privilege';
import { TENANCY_CASES } from './cases-tenancy';
import { HARDENING_CASES } from './cases-hardening';
import { PROPS_CASES } from './cases-props';
import { ONPREM_CASES } from './cases-onprem';
import { HOLES_CASES } from './cases-holes';
import { GITOPS_CASES } from './cases-gitops';
import { GRANTS_CASES } from './cases-grants';
import { REPORT_CASES } from './cases-report';

/** One bad input: a name and the code that must throw the library's error. */
export type BadInput = readonly [name: string, run: () => unknown];

// ---- fixtures ----------------------------------------------------------------------------------

function chart(): Chart {
  return new Chart(K8sTesting.app(), 'c', { namespace: 'team-a' });
}

function stack(): TerraformStack {
  return new TerraformStack(Testing.app(), 's');
}

const ENV = AwsEnvironment.of({ account: '111122223333', region: 'eu-west-1' });

function store(c: Chart = chart()): SecretStore {
  return new SecretStore(c, 'store', { name: 'aws', provider: SecretStoreProvider.awsSecretsManager({ region: 'eu-west-1' }) });
}

function es(props: Record<string, unknown>): () => unknown {
  return () => {
    const c = chart();
    return new ExternalSecret(c, 'es', { store: store(c), data: [{ secretKey: 'k', remoteRef: { key: 'r' } }], ...props } as never);
  };
}

function esData(data: unknown[]): () => unknown {
  return () => {
    const c = chart();
    return new ExternalSecret(c, 'es', { store: store(c), data } as never);
  };
}

function esDataFrom(dataFrom: unknown[]): () => unknown {
  return () => {
    const c = chart();
    return new ExternalSecret(c, 'es', { store: store(c), dataFrom } as never);
  };
}

function template(data: Record<string, string>, extra: Record<string, unknown> = {}): () => unknown {
  return es({ target: { template: { data, ...extra } } });
}

function providerStore(provider: () => SecretStoreProvider): () => unknown {
  return () => new SecretStore(chart(), 'ps', { provider: provider() });
}

function aws(props: Record<string, unknown>): () => unknown {
  return providerStore(() => SecretStoreProvider.awsSecretsManager({ region: 'eu-west-1', ...props } as never));
}

function css(props: Record<string, unknown>): () => unknown {
  return () => new ClusterSecretStore(chart(), 'css', { provider: SecretStoreProvider.awsSecretsManager({ region: 'eu-west-1' }), ...props } as never);
}

function ces(props: Record<string, unknown>): () => unknown {
  return () => {
    const c = chart();
    return new ClusterExternalSecret(c, 'ces', {
      store: ClusterSecretStore.fromClusterSecretStoreName(c, 'g', 'global'), namespaceSelectors: [{ matchLabels: { team: 'a' } }],
      data: [{ secretKey: 'k', remoteRef: { key: 'r' } }], ...props,
    } as never);
  };
}

function push(props: Record<string, unknown>): () => unknown {
  return () => {
    const c = chart();
    return new PushSecret(c, 'push', { stores: [store(c)], source: PushSecretSource.fromSecretSelector({ matchLabels: { push: 'yes' } }), ...props } as never);
  };
}

function kms(props: Record<string, unknown>): () => unknown {
  return () => new KmsKey(stack(), 'Key', { environment: ENV, ...props } as never);
}

function eksKey(props: Record<string, unknown>): () => unknown {
  return () => new EksSecretsEncryptionKey(stack(), 'EksKey', {
    clusterName: 'prod', clusterRoleArn: 'arn:aws:iam::111122223333:role/eks', environment: ENV, ...props,
  } as never);
}

function secret(props: Record<string, unknown>): () => unknown {
  return () => new SecretsManagerSecret(stack(), 'Secret', { secretName: 'team/app', environment: ENV, ...props } as never);
}

function ssm(props: Record<string, unknown>): () => unknown {
  return () => new SsmSecureParameter(stack(), 'Param', {
    parameterName: '/team/app', value: SecretValueSource.generatedPassword(), environment: ENV, ...props,
  } as never);
}

const ISSUER = 'https://oidc.eks.eu-west-1.amazonaws.com/id/AAAA';
const PROVIDER = 'arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/AAAA';

function irsa(props: Record<string, unknown>, cluster: Record<string, unknown> = {}): () => unknown {
  return () => new IrsaRole(stack(), 'Role', {
    environment: ENV,
    trustedClusters: [{ oidcProviderArn: PROVIDER, issuerUrl: ISSUER, serviceAccounts: [{ namespace: 'external-secrets', name: 'eso' }], ...cluster }],
    ...props,
  } as never);
}

function podIdentity(association: Record<string, unknown>): () => unknown {
  return () => new PodIdentityRole(stack(), 'Pod', {
    environment: ENV, associations: [{ clusterName: 'prod', serviceAccount: { namespace: 'external-secrets', name: 'eso' }, ...association }],
  } as never);
}

function statement(s: Record<string, unknown>): () => unknown {
  return () => new AccessPolicyCompiler({ path: 's/Role' }).addStatement({ Effect: PolicyEffect.ALLOW, ...s } as never);
}

function keyPolicy(s: Record<string, unknown>): () => unknown {
  return kms({ policyStatements: [{ Effect: PolicyEffect.ALLOW, Action: ['kms:Decrypt'], Resource: ['*'], ...s }] });
}

function vault(props: Record<string, unknown>): () => unknown {
  return () => new AzureKeyVault(stack(), 'Vault', {
    vaultName: 'kv-team-a', resourceGroupName: 'rg-secrets', location: 'westeurope', tenantId: '11111111-2222-3333-4444-555555555555', ...props,
  } as never);
}

function esoRelease(props: Record<string, unknown>): () => unknown {
  return () => new ExternalSecretsOperatorRelease(stack(), 'Eso', props as never);
}

function declaration(): SecretsDeclaration {
  return new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
}

function declared(build: (d: SecretsDeclaration) => unknown): () => unknown {
  return () => build(declaration());
}

// ---- the corpus ----------------------------------------------------------------------------------

export const CASES: readonly BadInput[] = [
  // Durations, reported where they are used
  ['es: refreshInterval Duration.seconds(-5)', es({ refreshInterval: Duration.seconds(-5) })],
  ['es: refreshInterval Duration.minutes(NaN)', es({ refreshInterval: Duration.minutes(NaN) })],
  ['es: refreshInterval Duration.hours(Infinity)', es({ refreshInterval: Duration.hours(Infinity) })],
  ['es: refreshInterval Duration.hours(-Infinity)', es({ refreshInterval: Duration.hours(-Infinity) })],
  ['es: refreshInterval sub-second', es({ refreshInterval: Duration.millis(500) })],
  ['es: refreshInterval past Go\'s int64', es({ refreshInterval: Duration.days(200000) })],
  ['es: refreshInterval unparsable string', es({ refreshInterval: Duration.parse('1 day') })],
  ['es: refreshInterval parse past Go range', es({ refreshInterval: Duration.parse('9999999h') })],
  ['es: refreshInterval a string', es({ refreshInterval: '1h' })],
  ['es: refreshInterval a number', es({ refreshInterval: 3600 })],
  ['es: refreshInterval Duration.seconds("10")', es({ refreshInterval: Duration.seconds('10' as never) })],
  ['ces: refreshTime zero', ces({ refreshTime: Duration.ZERO })],
  ['push: refreshInterval negative', push({ refreshInterval: Duration.minutes(-1) })],
  ['store: refreshInterval sub-second', () => new SecretStore(chart(), 's', { provider: SecretStoreProvider.awsSecretsManager({ region: 'eu-west-1' }), refreshInterval: Duration.millis(10) })],
  ['store: retryInterval NaN', () => new SecretStore(chart(), 's', { provider: SecretStoreProvider.awsSecretsManager({ region: 'eu-west-1' }), retrySettings: { retryInterval: Duration.seconds(NaN) } })],
  ['kms: deletionWindow 3 days', kms({ deletionWindow: Duration.days(3) })],
  ['kms: deletionWindow 7.5 days', kms({ deletionWindow: Duration.hours(180) })],
  ['kms: rotationPeriod negative', kms({ rotationPeriod: Duration.days(-1) })],
  ['secret: recoveryWindow 3 days', secret({ recoveryWindow: Duration.days(3) })],
  ['secret: recoveryWindow 45 days', secret({ recoveryWindow: Duration.days(45) })],
  ['secret: recoveryWindow half a day', secret({ recoveryWindow: Duration.hours(12) })],
  ['irsa: maxSessionDuration 13h', irsa({ maxSessionDuration: Duration.hours(13) })],
  ['irsa: maxSessionDuration NaN', irsa({ maxSessionDuration: Duration.hours(NaN) })],
  ['eso release: timeout sub-second', esoRelease({ timeout: Duration.millis(100) })],
  ['eso release: timeout negative', esoRelease({ timeout: Duration.minutes(-10) })],

  // Environments, schedules, secret-value sources, reported at the consumer
  ['kms: environment account 12345', kms({ environment: AwsEnvironment.of({ account: '12345' }) })],
  ['kms: environment region EU-WEST-1', kms({ environment: AwsEnvironment.of({ region: 'EU-WEST-1' }) })],
  ['secret: environment partition mismatch', secret({ environment: AwsEnvironment.of({ region: 'eu-west-1', partition: 'aws-cn' }) })],
  ['secret: environment a plain object', secret({ environment: { account: '111122223333' } })],
  ['secret: rotation every 0 days', secret({ rotation: { rotationLambdaArn: 'arn:aws:lambda:eu-west-1:111122223333:function:rotate', schedule: RotationSchedule.everyDays(0) } })],
  ['secret: rotation every NaN days', secret({ rotation: { rotationLambdaArn: 'arn:aws:lambda:eu-west-1:111122223333:function:rotate', schedule: RotationSchedule.everyDays(NaN) } })],
  ['secret: rotation expression', secret({ rotation: { rotationLambdaArn: 'arn:aws:lambda:eu-west-1:111122223333:function:rotate', schedule: RotationSchedule.expression('daily') } })],
  ['secret: rotation lambda ARN', secret({ rotation: { rotationLambdaArn: 'rotate-db', schedule: RotationSchedule.everyDays(30) } })],
  ['secret: value a plain string', secret({ value: 'hunter2' })],
  ['secret: value from a non-sensitive variable', () => {
    const s = stack();
    const v = new TerraformVariable(s, 'pw', { type: 'string' });
    return new SecretsManagerSecret(s, 'Secret', { secretName: 'team/app', environment: ENV, value: SecretValueSource.fromSensitiveVariable(v) });
  }],
  ['secret: generated password length 5000', secret({ value: SecretValueSource.generatedPassword({ length: 5000 }) })],
  ['secret: generated password version 0', secret({ value: SecretValueSource.generatedPassword({ version: 0 }) })],
  ['ssm: value undefined', ssm({ value: undefined })],
  ['ssm: value a number', ssm({ value: 42 })],

  // JavaScript callers: missing props and wrong types
  ['es: props undefined', () => new ExternalSecret(chart(), 'es', undefined as never)],
  ['es: props null', () => new ExternalSecret(chart(), 'es', null as never)],
  ['es: store missing', () => new ExternalSecret(chart(), 'es', { data: [{ secretKey: 'k', remoteRef: { key: 'r' } }] })],
  ['es: store a string', es({ store: 'aws' })],
  ['es: data not an array', es({ data: { secretKey: 'k' } })],
  ['es: data entry null', esData([null])],
  ['es: data remoteRef missing', esData([{ secretKey: 'k' }])],
  ['es: remoteRef key a number', esData([{ secretKey: 'k', remoteRef: { key: 5 } }])],
  ['es: decodingStrategy unknown', esData([{ secretKey: 'k', remoteRef: { key: 'r', decodingStrategy: 'base64' } }])],
  ['es: refreshPolicy unknown', es({ refreshPolicy: 'Always' })],
  ['es: creationPolicy unknown', es({ target: { creationPolicy: 'owner' } })],
  ['es: labels not strings', es({ labels: { team: 1 } })],
  ['es: name a number', es({ name: 42 })],
  ['es: template data not strings', es({ target: { template: { data: { k: 1 } } } })],
  ['ces: namespaceSelectors missing', ces({ namespaceSelectors: undefined })],
  ['ces: namespaceSelectors a selector', ces({ namespaceSelectors: { matchLabels: { a: 'b' } } })],
  ['store: provider missing', () => new SecretStore(chart(), 's', {} as never)],
  ['store: provider a plain object', () => new SecretStore(chart(), 's', { provider: { aws: {} } } as never)],
  ['css: props undefined', () => new ClusterSecretStore(chart(), 'css', undefined as never)],
  ['aws provider: props undefined', providerStore(() => SecretStoreProvider.awsSecretsManager(undefined as never))],
  ['aws provider: region missing', providerStore(() => SecretStoreProvider.awsSecretsManager({} as never))],
  ['aws provider: auth a string', aws({ auth: 'irsa' })],
  ['aws auth: serviceAccount() without options', aws({ auth: AwsAuth.serviceAccount(undefined as never) })],
  ['aws auth: serviceAccount name missing', aws({ auth: AwsAuth.serviceAccount({ serviceAccount: {} as never }) })],
  ['aws auth: fromWorkloadIdentity(undefined)', aws({ auth: AwsAuth.fromWorkloadIdentity(undefined as never) })],
  ['azure provider: props undefined', providerStore(() => SecretStoreProvider.azureKeyVault(undefined as never))],
  ['azure auth: workloadIdentity() without options', providerStore(() => SecretStoreProvider.azureKeyVault({ vaultUrl: 'https://kv.vault.azure.net', auth: AzureKeyVaultAuth.workloadIdentity(undefined as never) }))],
  ['vault provider: auth missing', providerStore(() => SecretStoreProvider.vault({ server: 'https://vault.example.com' } as never))],
  ['vault auth: kubernetes role missing', providerStore(() => SecretStoreProvider.vault({ server: 'https://vault.example.com', auth: VaultAuth.kubernetes({} as never) }))],
  ['vault auth: appRole without role id', providerStore(() => SecretStoreProvider.vault({ server: 'https://vault.example.com', auth: VaultAuth.appRole({ secretRef: { name: 'approle' } }) }))],
  ['push: stores missing', push({ stores: undefined })],
  ['push: source a string', push({ source: 'my-secret' })],
  ['push: data remoteKey missing', push({ data: [{ secretKey: 'k' }] })],
  ['kms: props null', () => new KmsKey(stack(), 'Key', null as never)],
  ['kms: multiRegion "yes"', kms({ multiRegion: 'yes' })],
  ['kms: tags not strings', kms({ tags: { team: 5 } })],
  ['eks key: props undefined', () => new EksSecretsEncryptionKey(stack(), 'K', undefined as never)],
  ['eks key: clusterName missing', eksKey({ clusterName: undefined })],
  ['secret: props undefined', () => new SecretsManagerSecret(stack(), 'Secret', undefined as never)],
  ['secret: secretName a number', secret({ secretName: 5 })],
  ['secret: encryptionKey a string', secret({ encryptionKey: 'alias/aws/secretsmanager' })],
  ['secret: replicaRegions a string', secret({ replicaRegions: 'eu-central-1' })],
  ['ssm: tier unknown', ssm({ tier: 'Premium' })],
  ['irsa: trustedClusters an object', () => new IrsaRole(stack(), 'Role', { environment: ENV, trustedClusters: { oidcProviderArn: PROVIDER } } as never)],
  ['pod identity: associations a string', () => new PodIdentityRole(stack(), 'Pod', { environment: ENV, associations: 'prod' } as never)],
  ['irsa: trustedClusters entry null', () => new IrsaRole(stack(), 'Role', { trustedClusters: [null] } as never)],
  ['irsa: serviceAccounts missing', irsa({}, { serviceAccounts: undefined })],
  ['irsa: policyAttachment unknown', irsa({ policyAttachment: 'inline' })],
  ['pod identity: serviceAccount missing', podIdentity({ serviceAccount: undefined })],
  ['pod identity: clusterName a number', podIdentity({ clusterName: 1 })],
  ['policy: Action a string', statement({ Action: 'secretsmanager:GetSecretValue', Resource: ['arn:aws:secretsmanager:eu-west-1:111122223333:secret:a-??????'] })],
  ['policy: Effect unknown', statement({ Effect: 'allow', Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::b/*'] })],
  ['policy: NotResource', statement({ Action: ['s3:GetObject'], NotResource: ['arn:aws:s3:::b/*'] })],
  ['vault: props undefined', () => new AzureKeyVault(stack(), 'V', undefined as never)],
  ['vault: sku unknown', vault({ sku: 'gold' })],
  ['vault: networkAcls.allowedIpRules a string', vault({ networkAcls: { allowedIpRules: '10.0.0.0/8' } })],
  ['eso release: replicaCount a string', esoRelease({ values: { replicaCount: '2' } })],

  // Strings passed on: regions, ARNs, URLs, templates, regexes, metadata, namespaces, names
  ['aws provider: region EU-WEST-1', aws({ region: 'EU-WEST-1' })],
  ['aws provider: region a display name', aws({ region: 'Ireland' })],
  ['aws provider: role not an ARN', aws({ role: 'eso-reader' })],
  ['aws provider: role wildcard', aws({ role: 'arn:aws:iam::111122223333:role/*' })],
  ['aws provider: additionalRoles account id short', aws({ role: 'arn:aws:iam::111122223333:role/a', additionalRoles: ['arn:aws:iam::1:role/b'] })],
  ['aws provider: externalId with spaces', aws({ role: 'arn:aws:iam::111122223333:role/a', externalId: 'my external id' })],
  ['aws provider: externalId without role', aws({ externalId: 'shop' })],
  ['aws provider: recoveryWindowInDays 3', aws({ recoveryWindowInDays: 3 })],
  ['aws provider: recovery window and force delete', aws({ recoveryWindowInDays: 7, forceDeleteWithoutRecovery: true })],
  ['aws provider: customSessionTags without CUSTOM', aws({ role: 'arn:aws:iam::111122223333:role/a', customSessionTags: { team: 'a' } })],
  ['azure provider: vaultUrl http', providerStore(() => SecretStoreProvider.azureKeyVault({ vaultUrl: 'http://kv.vault.azure.net', auth: AzureKeyVaultAuth.controllerWorkloadIdentity() }))],
  ['azure provider: vaultUrl with credentials', providerStore(() => SecretStoreProvider.azureKeyVault({ vaultUrl: 'https://user:s3cret@kv.vault.azure.net', auth: AzureKeyVaultAuth.controllerWorkloadIdentity() }))],
  ['azure provider: vaultUrl not a URL', providerStore(() => SecretStoreProvider.azureKeyVault({ vaultUrl: 'kv-team-a', auth: AzureKeyVaultAuth.controllerWorkloadIdentity() }))],
  ['azure provider: tenantId not a GUID', providerStore(() => SecretStoreProvider.azureKeyVault({ vaultUrl: 'https://kv.vault.azure.net', tenantId: 'contoso', auth: AzureKeyVaultAuth.controllerWorkloadIdentity() }))],
  ['vault provider: http server', providerStore(() => SecretStoreProvider.vault({ server: 'http://vault.example.com:8200', auth: VaultAuth.token({ name: 'vault-token' }) }))],
  ['vault provider: server with token in userinfo', providerStore(() => SecretStoreProvider.vault({ server: 'https://root:hvs.abcdef@vault.example.com', auth: VaultAuth.token({ name: 'vault-token' }) }))],
  ['vault provider: server with a path', providerStore(() => SecretStoreProvider.vault({ server: 'https://vault.example.com/v1/secret', auth: VaultAuth.token({ name: 'vault-token' }) }))],
  ['vault provider: caProvider name invalid', providerStore(() => SecretStoreProvider.vault({ server: 'https://vault.example.com', auth: VaultAuth.token({ name: 'vault-token' }), caProvider: { type: CaProviderType.SECRET, name: 'Vault CA' } }))],
  ['kubernetes provider: remoteNamespace uppercase', providerStore(() => SecretStoreProvider.kubernetes({ remoteNamespace: 'Team-A', auth: KubernetesAuth.token({ name: 'remote-token', key: 'token' }) }))],
  ['gcp provider: projectId uppercase', providerStore(() => SecretStoreProvider.googleSecretManager({ projectId: 'My-Project' }))],
  ['gcp provider: location a zone', providerStore(() => SecretStoreProvider.googleSecretManager({ projectId: 'my-project', location: 'europe-west1-b' }))],
  ['store: secretRef name invalid', providerStore(() => SecretStoreProvider.vault({ server: 'https://vault.example.com', auth: VaultAuth.token({ name: 'Vault_Token' }) }))],
  ['store: secretRef key invalid', providerStore(() => SecretStoreProvider.vault({ server: 'https://vault.example.com', auth: VaultAuth.token({ name: 'vault-token', key: 'a key' }) }))],
  ['store: serviceAccount namespace of another namespace', providerStore(() => SecretStoreProvider.awsSecretsManager({ region: 'eu-west-1', auth: AwsAuth.serviceAccount({ serviceAccount: { name: 'eso', namespace: 'team-b' } }) }))],
  ['store: serviceAccount namespace uppercase', () => new ClusterSecretStore(chart(), 'css', { provider: SecretStoreProvider.awsSecretsManager({ region: 'eu-west-1', auth: AwsAuth.serviceAccount({ serviceAccount: { name: 'eso', namespace: 'Team-B' } }) }) })],
  ['template: unterminated {{', template({ password: '{{ .password ' })],
  ['template: unclosed {{ if }}', template({ config: '{{ if .debug }}debug=true' })],
  ['template: stray {{ end }}', template({ config: 'a{{ end }}' })],
  ['template: unterminated string', template({ config: '{{ printf "%s .a }}' })],
  ['template: unclosed comment', template({ config: '{{/* note' })],
  ['template: literal password', template({ password: 'hunter2' })],
  ['template: literal AWS key', template({ config: 'key=AKIAIOSFODNN7EXAMPLE' })],
  ['template: private key', template({ 'tls.key': '-----BEGIN RSA PRIVATE KEY-----\nMIIE...' })],
  ['template: acknowledged without reason', template({ password: 'changeme' }, { acknowledgeLiteralValues: { keys: ['password'], reason: ' ' } })],
  ['template: metadata label key invalid', es({ target: { template: { metadata: { labels: { 'bad key': 'x' } } } } })],
  ['template: templateFrom literal unterminated', es({ target: { template: { templateFrom: [{ literal: '{{ .a' }] } } })],
  ['template: templateFrom with two sources', es({ target: { template: { templateFrom: [{ literal: 'x', configMap: { name: 'tpl', items: [{ key: 'a' }] } }] } } })],
  ['template: secret key invalid', template({ 'a/b': '{{ .a }}' })],
  ['es: target name uppercase', es({ target: { name: 'My-Secret' } })],
  ['es: namespace uppercase', es({ namespace: 'Team-A' })],
  ['es: label key invalid', es({ labels: { 'example.com/bad/key': 'x' } })],
  ['es: label value too long', es({ labels: { team: 'a'.repeat(64) } })],
  ['es: label value with space', es({ labels: { team: 'team a' } })],
  ['es: annotation key empty name', es({ annotations: { 'example.com/': 'x' } })],
  ['es: addSecretLabel invalid value', () => {
    const c = chart();
    return new ExternalSecret(c, 'es', { store: store(c), data: [{ secretKey: 'k', remoteRef: { key: 'r' } }] }).addSecretLabel('team', 'a/b');
  }],
  ['es: find regexp with lookahead (not RE2)', esDataFrom([{ find: { nameRegexp: '^(?!prod).*' } }])],
  ['es: find regexp unbalanced', esDataFrom([{ find: { nameRegexp: 'team-(a' } }])],
  ['es: find with nothing', esDataFrom([{ find: {} }])],
  ['es: find with empty tags', esDataFrom([{ find: { tags: {} } }])],
  ['es: rewrite regexp with backreference', esDataFrom([{ extract: { key: 'r' }, rewrite: [Rewrite.regexp({ source: '(a)\\1', target: 'b' })] }])],
  ['es: rewrite transform unterminated', esDataFrom([{ extract: { key: 'r' }, rewrite: [Rewrite.transform('{{ .value ')] }])],
  ['es: rewrite a plain object', esDataFrom([{ extract: { key: 'r' }, rewrite: [{ regexp: { source: 'a', target: 'b' } }] }])],
  ['es: generator name uppercase', esDataFrom([{ generator: { kind: GeneratorKind.PASSWORD, name: 'My-Password' } }])],
  ['es: generator kind unknown', esDataFrom([{ generator: { kind: 'Random', name: 'pw' } }])],
  ['css: condition namespace uppercase', css({ conditions: [{ namespaces: ['Team-A'] }] })],
  ['css: condition namespaceRegex not RE2', css({ conditions: [{ namespaceRegexes: ['^(?=team).*$'] }] })],
  ['css: condition selector key invalid', css({ conditions: [{ namespaceSelector: { matchLabels: { 'bad key': 'x' } } }] })],
  ['css: namespace on a cluster-scoped store', css({ namespace: 'team-a' })],
  ['ces: externalSecretLabels value invalid', ces({ externalSecretLabels: { team: 'a b' } })],
  ['ces: selector In without values', ces({ namespaceSelectors: [{ matchExpressions: [{ key: 'team', operator: LabelSelectorOperator.IN }] }] })],
  ['ces: selector Exists with values', ces({ namespaceSelectors: [{ matchExpressions: [{ key: 'team', operator: LabelSelectorOperator.EXISTS, values: ['a'] }] }] })],
  ['push: generator name invalid', push({ source: PushSecretSource.fromGenerator({ kind: GeneratorKind.PASSWORD, name: 'Pass Word' }) })],
  ['kms: alias alias/aws/...', kms({ alias: 'alias/aws/secretsmanager' })],
  ['kms: alias without prefix', kms({ alias: 'eso' })],
  ['kms: fromKeyArn not an ARN', () => KmsKey.fromKeyArn(stack(), 'K', 'alias/eso')],
  ['kms: tag key aws:', kms({ tags: { 'aws:team': 'a' } })],
  ['eks key: clusterName with spaces', eksKey({ clusterName: 'prod cluster' })],
  ['eks key: clusterRoleArn not a role', eksKey({ clusterRoleArn: 'arn:aws:iam::111122223333:user/bob' })],
  ['secret: name with spaces', secret({ secretName: 'team app' })],
  ['secret: replica region uppercase', secret({ replicaRegions: [{ region: 'EU-CENTRAL-1' }] })],
  ['secret: replica region is the primary', secret({ replicaRegions: [{ region: 'eu-west-1' }] })],
  ['secret: replica region twice', secret({ replicaRegions: [{ region: 'eu-central-1' }, { region: 'eu-central-1' }] })],
  ['ssm: name starting with aws', ssm({ parameterName: '/aws/app' })],
  ['irsa: issuer http', irsa({}, { issuerUrl: 'http://oidc.eks.eu-west-1.amazonaws.com/id/AAAA' })],
  ['irsa: issuer with credentials', irsa({}, { issuerUrl: 'https://admin:hunter2@oidc.example.com/id/1' })],
  ['irsa: issuer with a query', irsa({}, { issuerUrl: 'https://oidc.example.com/id/1?x=1' })],
  ['irsa: provider ARN of another issuer', irsa({}, { oidcProviderArn: 'arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/BBBB' })],
  ['irsa: AKS provider without the trailing slash', irsa({}, {
    issuerUrl: 'https://westeurope.oic.prod-aks.azure.com/tenant/cluster/',
    oidcProviderArn: 'arn:aws:iam::111122223333:oidc-provider/westeurope.oic.prod-aks.azure.com/tenant/cluster',
  })],
  ['irsa: service account namespace uppercase', irsa({}, { serviceAccounts: [{ namespace: 'External-Secrets', name: 'eso' }] })],
  ['irsa: empty serviceAccounts', irsa({}, { serviceAccounts: [] })],
  ['irsa: roleName with spaces', irsa({ roleName: 'eso role' })],
  ['irsa: permissionsBoundaryArn not a policy', irsa({ permissionsBoundaryArn: 'arn:aws:iam::111122223333:role/boundary' })],
  ['irsa: description with control characters', irsa({ description: 'line\u0007bell' })],
  ['pod identity: clusterName with spaces', podIdentity({ clusterName: 'prod cluster' })],
  ['pod identity: targetRoleArn wildcard', podIdentity({ targetRoleArn: 'arn:aws:iam::444455556666:role/*' })],
  ['vault: name too short', vault({ vaultName: 'kv' })],
  ['vault: resourceGroupName ending with a dot', vault({ resourceGroupName: 'rg.' })],
  ['vault: tenantId not a GUID', vault({ tenantId: 'contoso.onmicrosoft.com' })],
  ['vault: subnet id not a resource id', vault({ networkAcls: { allowedSubnetIds: ['subnet-1'] } })],
  ['eso release: namespace uppercase', esoRelease({ namespace: 'External-Secrets' })],
  ['eso release: quantity invalid', esoRelease({ values: { resources: { requests: { cpu: 'lots' } } } })],
  ['reloader release: namespace uppercase', () => new ReloaderHelmRelease(stack(), 'Reloader', { namespace: 'Reloader' })],

  // "Empty" never means "everything"
  ['ces: namespaceSelectors [{}]', ces({ namespaceSelectors: [{}] })],
  ['ces: namespaceSelectors []', ces({ namespaceSelectors: [] })],
  ['ces: selector with empty matchLabels', ces({ namespaceSelectors: [{ matchLabels: {} }] })],
  ['css: conditions []', css({ conditions: [] })],
  ['css: conditions [{}]', css({ conditions: [{}] })],
  ['css: condition with empty selector', css({ conditions: [{ namespaceSelector: {} }] })],
  ['push: fromSecretSelector({})', push({ source: PushSecretSource.fromSecretSelector({}) })],
  ['push: stores []', push({ stores: [] })],
  ['es: dataFrom entry {}', esDataFrom([{}])],
  ['irsa: no trusted cluster (synth)', () => {
    const s = stack();
    new IrsaRole(s, 'Role', { environment: ENV });
    return Testing.synth(s, true);
  }],
  ['es: no data (synth)', () => {
    const c = chart();
    new ExternalSecret(c, 'es', { store: store(c) });
    return c.toJson();
  }],

  // Security guards
  ['kms: statement Principal "*"', keyPolicy({ Principal: '*' })],
  ['kms: statement Principal AWS "*"', keyPolicy({ Principal: { AWS: '*' } })],
  ['kms: statement Principal AWS wildcard ARN', keyPolicy({ Principal: { AWS: 'arn:aws:iam::111122223333:role/*' } })],
  ['kms: statement without Principal', keyPolicy({})],
  ['kms: addToKeyPolicy AWS ["*"]', () => new KmsKey(stack(), 'Key', { environment: ENV }).addToKeyPolicy({ Effect: PolicyEffect.ALLOW, Principal: { AWS: ['*'] }, Action: ['kms:*'], Resource: ['*'] })],
  ['eks key: clusterRoleArn "*"', eksKey({ clusterRoleArn: '*' })],
  ['secret: resource policy Principal "*"', secret({ resourcePolicy: { Version: '2012-10-17', Statement: [{ Effect: PolicyEffect.ALLOW, Principal: { AWS: '*' }, Action: ['secretsmanager:GetSecretValue'], Resource: ['*'] }] } })],
  ['policy: GetSecretValue on secret:**', statement({ Action: ['secretsmanager:GetSecretValue'], Resource: ['arn:aws:secretsmanager:eu-west-1:111122223333:secret:**'] })],
  ['policy: GetSecretValue on *', statement({ Action: ['secretsmanager:GetSecretValue'], Resource: ['*'] })],
  ['policy: secretsmanager:Get* in any region', statement({ Action: ['secretsmanager:Get*'], Resource: ['arn:aws:secretsmanager:*:111122223333:secret:team/app-??????'] })],
  ['policy: wildcard account', statement({ Action: ['secretsmanager:GetSecretValue'], Resource: ['arn:aws:secretsmanager:eu-west-1:*:secret:team/app-??????'] })],
  ['policy: partial wildcard in service', statement({ Action: ['secretsmanager:GetSecretValue'], Resource: ['arn:aws:secrets*:eu-west-1:111122223333:secret:team/app'] })],
  ['policy: partition wildcard', statement({ Action: ['ssm:GetParameter'], Resource: ['arn:*:ssm:eu-west-1:111122223333:parameter/app'] })],
  ['policy: parameter/* ', statement({ Action: ['ssm:GetParameters'], Resource: ['arn:aws:ssm:eu-west-1:111122223333:parameter/*'] })],
  ['policy: kms:Decrypt on key/*', statement({ Action: ['kms:Decrypt'], Resource: ['arn:aws:kms:eu-west-1:111122223333:key/*'] })],
  ['policy: * action on *', statement({ Action: ['*'], Resource: ['*'] })],
  ['policy: sts:AssumeRole on *', statement({ Action: ['sts:AssumeRole'], Resource: ['*'] })],
  ['policy: sts:AssumeRole on role/*', statement({ Action: ['sts:AssumeRole'], Resource: ['arn:aws:iam::111122223333:role/*'] })],
  ['policy: sts:* without Resource', statement({ Action: ['sts:*'] })],
  ['vault: network rule 0.0.0.0/0', vault({ networkAcls: { allowedIpRules: ['0.0.0.0/0'] } })],
  ['vault: network rule 10.0.0.0/0', vault({ networkAcls: { allowedIpRules: ['10.0.0.0/0'] } })],
  ['vault: network rule 0.0.0.0/00', vault({ networkAcls: { allowedIpRules: ['0.0.0.0/00'] } })],
  ['vault: network rule ::/0', vault({ networkAcls: { allowedIpRules: ['::/0'] } })],
  ['vault: network rule *', vault({ networkAcls: { allowedIpRules: ['*'], defaultAction: KeyVaultNetworkAction.DENY } })],
  ['eso release: AWS keys in extraValues', esoRelease({ extraValues: { env: { AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' } } })],
  ['eso release: env list with a password', esoRelease({ extraValues: { extraEnv: [{ name: 'VAULT_TOKEN', value: 'hvs.secret' }] } })],
  ['eso release: extraValues acknowledged without reason', esoRelease({ extraValues: { webhook: { token: 'x' } }, acknowledgeExtraValues: { keys: ['webhook.token'], reason: '' } })],
  ['eso release: CPU request above limit', esoRelease({ values: { resources: { requests: { cpu: '2' }, limits: { cpu: '500m' } } } })],
  ['eso release: memory request above limit', esoRelease({ values: { resources: { requests: { memory: '1Gi' }, limits: { memory: '512Mi' } } } })],
  ['eso release: 3 replicas without leader election', esoRelease({ values: { replicaCount: 3, leaderElect: false } })],
  ['pod identity: session tags disabled', podIdentity({ disableSessionTags: true })],
  ['secret: KMS key of another region', () => {
    const s = stack();
    const key = KmsKey.fromKeyArn(s, 'Key', 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab');
    return new SecretsManagerSecret(s, 'Secret', { secretName: 'team/app', environment: ENV, encryptionKey: key });
  }],
  ['secret: replica key of another region', () => {
    const s = stack();
    const key = KmsKey.fromKeyArn(s, 'Key', 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab');
    return new SecretsManagerSecret(s, 'Secret', { secretName: 'team/app', environment: ENV, replicaRegions: [{ region: 'eu-central-1', encryptionKey: key }] });
  }],
  ['es: duplicate secretKey', esData([{ secretKey: 'k', remoteRef: { key: 'a' } }, { secretKey: 'k', remoteRef: { key: 'b' } }])],
  ['es: target policies Merge + Delete', es({ target: { creationPolicy: CreationPolicy.MERGE, deletionPolicy: 'Delete' } })],
  ['push: loop back to the source (synth)', () => {
    const c = chart();
    const s = store(c);
    const source = new ExternalSecret(c, 'src', { store: s, data: [{ secretKey: 'k', remoteRef: { key: 'team/app' } }] });
    new PushSecret(c, 'push', { stores: [s], source: PushSecretSource.fromSecret(source.secret), data: [{ secretKey: 'k', remoteKey: 'team/app' }] });
    return c.toJson();
  }],
  ['push: same remote key twice', push({ data: [{ remoteKey: 'a' }, { remoteKey: 'a' }] })],

  // Declaration invariants, reported on the input that produced them
  ['declaration: KMS alias alias/aws/...', declared((d) => d.addKmsKey('key', { alias: 'alias/aws/secretsmanager' }))],
  ['declaration: KMS key of another region than its secret', declared((d) => {
    const key = d.addKmsKey('key', { alias: 'alias/shop', region: 'us-east-1' });
    return d.addSecretsManagerSecret('db', { name: 'shop/db', kmsKey: key });
  })],
  ['declaration: existing key ARN of another region', declared((d) => d.addKmsKey('key', { alias: 'alias/shop', existingKeyArn: 'arn:aws:kms:us-east-1:111122223333:key/abc' }))],
  ['declaration: EKS issuer of another region', declared((d) => d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: 'https://oidc.eks.us-east-1.amazonaws.com/id/AAAA' }))],
  ['declaration: issuer with credentials', declared((d) => d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: 'https://admin:hunter2@oidc.example.com/id/1' }))],
  ['declaration: region EU-WEST-1', () => new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'EU-WEST-1' } })],
  ['declaration: account a number', () => new SecretsDeclaration({ name: 'shop', aws: { accountId: 111122223333 as never, region: 'eu-west-1' } })],
  ['declaration: props undefined', () => new SecretsDeclaration(undefined as never)],
  ['declaration: ExternalSecret duplicate secretKey', declared((d) => {
    d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: ISSUER });
    const db = d.addSecretsManagerSecret('db', { name: 'shop/db' });
    const s = d.addAwsStore('aws', { name: 'aws', service: SecretBackend.AWS_SECRETS_MANAGER });
    return d.addExternalSecret('app', { name: 'app', namespace: 'shop', store: s, data: [{ secretKey: 'pw', secret: db }, { secretKey: 'pw', secret: db }] });
  })],
  ['declaration: two ExternalSecrets write one Secret', declared((d) => {
    d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: ISSUER });
    const db = d.addSecretsManagerSecret('db', { name: 'shop/db' });
    const s = d.addAwsStore('aws', { name: 'aws', service: SecretBackend.AWS_SECRETS_MANAGER });
    d.addExternalSecret('one', { name: 'one', namespace: 'shop', store: s, targetSecretName: 'db', data: [{ secretKey: 'a', secret: db }] });
    return d.addExternalSecret('two', { name: 'two', namespace: 'shop', store: s, targetSecretName: 'db', data: [{ secretKey: 'b', secret: db }] });
  })],
  ['declaration: PushSecret writes back what an ExternalSecret reads', declared((d) => {
    d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: ISSUER });
    const db = d.addSecretsManagerSecret('db', { name: 'shop/db' });
    const s = d.addAwsStore('aws', { name: 'aws', service: SecretBackend.AWS_SECRETS_MANAGER });
    d.addExternalSecret('app', { name: 'app', namespace: 'shop', store: s, data: [{ secretKey: 'a', secret: db }] });
    return d.addPushSecret('back', { name: 'back', namespace: 'shop', store: s, sourceSecretName: 'app', destination: db });
  })],
  ['declaration: template with a literal password', declared((d) => {
    d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: ISSUER });
    const db = d.addSecretsManagerSecret('db', { name: 'shop/db' });
    const s = d.addAwsStore('aws', { name: 'aws', service: SecretBackend.AWS_SECRETS_MANAGER });
    return d.addExternalSecret('app', { name: 'app', namespace: 'shop', store: s, data: [{ secretKey: 'a', secret: db }], template: { data: { password: 'hunter2' } } });
  })],
  ['declaration: template unterminated', declared((d) => {
    d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: ISSUER });
    const db = d.addSecretsManagerSecret('db', { name: 'shop/db' });
    const s = d.addAwsStore('aws', { name: 'aws', service: SecretBackend.AWS_SECRETS_MANAGER });
    return d.addExternalSecret('app', { name: 'app', namespace: 'shop', store: s, data: [{ secretKey: 'a', secret: db }], template: { data: { url: 'postgres://{{ .a' } } });
  })],
  ['declaration: refreshInterval sub-second', declared((d) => {
    d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: ISSUER });
    const db = d.addSecretsManagerSecret('db', { name: 'shop/db' });
    const s = d.addAwsStore('aws', { name: 'aws', service: SecretBackend.AWS_SECRETS_MANAGER });
    return d.addExternalSecret('app', { name: 'app', namespace: 'shop', store: s, refreshInterval: Duration.millis(1), data: [{ secretKey: 'a', secret: db }] });
  })],
  ['declaration: find regexp not RE2', declared((d) => {
    d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: ISSUER });
    const s = d.addAwsStore('aws', { name: 'aws', service: SecretBackend.AWS_SECRETS_MANAGER });
    return d.addExternalSecret('app', { name: 'app', namespace: 'shop', store: s, find: [{ nameRegexp: '(?<=shop/).*' }] });
  })],
  ['declaration: Azure find matching no declared secret', () => {
    const d = new SecretsDeclaration({ name: 'shop', azure: { tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47' } });
    d.addAksCluster('aks', { clusterName: 'aks', oidcIssuerUrl: 'https://westeurope.oic.prod-aks.azure.com/t/i/' });
    const vault = d.addKeyVault('kv', { name: 'shop-kv', resourceGroupName: 'rg', location: 'westeurope' });
    d.addKeyVaultSecret('db', { vault, name: 'db' });
    const s = d.addAzureKeyVaultStore('kv', { name: 'kv', vault });
    d.addExternalSecret('flags', { name: 'flags', namespace: 'shop', store: s, find: [{ nameRegexp: 'flag-.*' }] });
    return d.plan();
  }],
  ['declaration: Secrets Manager find matching no declared secret', () => {
    const d = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
    d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: ISSUER });
    d.addSecretsManagerSecret('db', { name: 'shop/db' });
    const s = d.addAwsStore('aws', { name: 'aws', service: SecretBackend.AWS_SECRETS_MANAGER });
    d.addExternalSecret('flags', { name: 'flags', namespace: 'shop', store: s, find: [{ nameRegexp: 'shop/flags/.*' }] });
    return d.plan();
  }],
  ['azure: KeyVaultSecretsListRole resourceGroupId a subscription', () => new KeyVaultSecretsListRole(stack(), 'Lister', {
    vault: AzureKeyVault.fromVaultAttributes(stack(), 'Kv', { vaultId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-shop' }),
    resourceGroupId: '/subscriptions/s',
  })],
  ['azure: KeyVaultSecretsListRole props undefined', () => new KeyVaultSecretsListRole(stack(), 'Lister', undefined as never)],
  ['declaration: store name too long for its service account', declared((d) => d.addAwsStore('aws', { name: 'a'.repeat(251), service: SecretBackend.AWS_SECRETS_MANAGER }))],
  ...GCP_VAULT_CASES,
  ...DECLARATION_CASES,
  ...TOOLS_CASES,
  ...HELM_CASES,
  ...NAMES_CASES,
  ...GENERATORS_CASES,
  ...SOURCES_CASES,
  ...GITOPS_CASES,
  ...ACCESS_CASES,
  ...MIGRATE_CASES,
  ...VALIDATOR_CASES,
  ...PRIVILEGE_CASES,
  ...TENANCY_CASES,
  ...HARDENING_CASES,
  ...PROPS_CASES,
  ...HOLES_CASES,
  ...GRANTS_CASES,
  ...SHARDING_CASES,
  ...REPORT_CASES,
  ...ONPREM_CASES,
];
