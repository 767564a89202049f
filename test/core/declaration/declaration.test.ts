import {
  AwsIdentityMode, Duration, EsoAuthModel, IdentityKind, InitialValue, OidcProviderMode, SecretBackend, SecretsDeclaration, StoreScope,
} from '../../../lib/core';

const ISSUER_PROD = 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD';
const ISSUER_DR = 'https://oidc.eks.eu-west-1.amazonaws.com/id/DR';

function awsDeclaration(): SecretsDeclaration {
  return new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
}

describe('SecretsDeclaration', () => {
  test('derives secret ARNs with the Secrets Manager suffix, parameter ARNs and default tags', () => {
    // GIVEN
    const declaration = awsDeclaration();
    // WHEN
    const secret = declaration.addSecretsManagerSecret('db', { name: 'shop/db' });
    const parameter = declaration.addParameter('flag', { name: '/shop/flag' });
    // THEN
    expect(secret.arnForPolicies).toBe('arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/db-??????');
    expect(parameter.arnForPolicies).toBe('arn:aws:ssm:eu-west-1:111122223333:parameter/shop/flag');
    expect(secret.tags).toEqual({ 'managed-by': 'cdk-external-secrets', 'declaration': 'shop' });
  });

  test('derives the partition from the region', () => {
    const declaration = new SecretsDeclaration({ name: 'gov', aws: { accountId: '111122223333', region: 'us-gov-west-1' } });
    expect(declaration.addSecretsManagerSecret('s', { name: 's' }).arnForPolicies)
      .toBe('arn:aws-us-gov:secretsmanager:us-gov-west-1:111122223333:secret:s-??????');
  });

  test('creates the IAM OIDC provider by default, in any account, unless it is declared existing', () => {
    const declaration = awsDeclaration();
    expect(declaration.addEksCluster('prod', { clusterName: 'p', oidcIssuerUrl: ISSUER_PROD }).oidcProvider).toBe(OidcProviderMode.CREATE);
    expect(declaration.addEksCluster('dr', { clusterName: 'd', accountId: '444455556666', oidcIssuerUrl: ISSUER_DR }).registerOidcProvider).toBe(true);
    const existing = declaration.addEksCluster('old', { clusterName: 'o', oidcIssuerUrl: ISSUER_PROD, oidcProvider: OidcProviderMode.EXISTING });
    expect(existing.registerOidcProvider).toBe(false);
    expect(declaration.addEksCluster('legacy', { clusterName: 'l', oidcIssuerUrl: ISSUER_PROD, registerOidcProvider: false }).oidcProvider).toBe(OidcProviderMode.EXISTING);
  });

  test('the Key Vault URL is derived from the vault name', () => {
    const declaration = new SecretsDeclaration({ name: 'az', azure: { tenantId: '00000000-0000-0000-0000-000000000001' } });
    expect(declaration.addKeyVault('kv', { name: 'shop-kv', resourceGroupName: 'rg', location: 'westeurope' }).vaultUrl)
      .toBe('https://shop-kv.vault.azure.net/');
  });

  describe('bad input', () => {
    test('fails on a cluster without an OIDC issuer in IRSA mode', () => {
      expect(() => awsDeclaration().addEksCluster('prod', { clusterName: 'p' })).toThrow(
        '[shop/clusters/prod] oidcIssuerUrl: received undefined. Allowed: an https OIDC issuer URL when identityMode is IRSA. ' +
        'Fix: set oidcIssuerUrl, or use identityMode: AwsIdentityMode.POD_IDENTITY.');
    });

    test('fails on an OIDC issuer that is not an https URL', () => {
      expect(() => awsDeclaration().addEksCluster('prod', { clusterName: 'p', oidcIssuerUrl: 'oidc.eks.eu-west-1.amazonaws.com/id/X' })).toThrow(
        '[shop/clusters/prod] oidcIssuerUrl: received "oidc.eks.eu-west-1.amazonaws.com/id/X". Allowed: the cluster OIDC issuer as an https URL, ' +
        'e.g. "https://oidc.eks.eu-west-1.amazonaws.com/id/ABC123". Fix: pass the cluster\'s identity[0].oidc[0].issuer (it starts with "https://").');
    });

    test('fails on AWS elements without AWS defaults', () => {
      expect(() => new SecretsDeclaration({ name: 'x' }).addSecretsManagerSecret('s', { name: 's' })).toThrow(
        '[x/secrets/s] accountId: received undefined. Allowed: a value, or AWS defaults on the declaration. ' +
        'Fix: pass accountId, or set aws: { accountId, region } on new SecretsDeclaration().');
    });

    test('fails on a bad account ID and region', () => {
      expect(() => new SecretsDeclaration({ name: 'x', aws: { accountId: '1234', region: 'eu-west-1' } })).toThrow(
        '[x] aws.accountId: received "1234". Allowed: a 12-digit AWS account ID. Fix: pass the account ID as a string, keeping leading zeros, e.g. "012345678901".');
      expect(() => new SecretsDeclaration({ name: 'x', aws: { accountId: '111122223333', region: 'Ireland' } })).toThrow(
        '[x] aws.region: received "Ireland". Allowed: an AWS region code such as "eu-west-1" or "us-gov-west-1". Fix: pass the region code, not its display name.');
    });

    test('fails on a secret name AWS rejects', () => {
      expect(() => awsDeclaration().addSecretsManagerSecret('db', { name: 'shop db' })).toThrow(
        '[shop/secrets/db] name: received "shop db". Allowed: 1 to 512 characters among letters, digits and /_+=.@-. Fix: rename the secret, for example "team/app/database".');
    });

    test('fails on a parameter name Parameter Store rejects', () => {
      expect(() => awsDeclaration().addParameter('p', { name: '/aws/reserved' })).toThrow(
        '[shop/secrets/p] name: received "/aws/reserved". Allowed: 1 to 1011 characters among letters, digits and _.-/; a name with "/" must start with "/" and have at most 15 levels; no "aws" or "ssm" prefix. Fix: use a path such as "/team-a/app/db-password".');
    });

    test('ExternalSecret and PushSecret names are unique per cluster and namespace, not across clusters', () => {
      // GIVEN two clusters, and the same ExternalSecret name in the same namespace on each
      const declaration = awsDeclaration();
      const prod = declaration.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD' });
      const stage = declaration.addEksCluster('stage', { clusterName: 'stage', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/STAGE' });
      const secret = declaration.addSecretsManagerSecret('db', { name: 'shop/db' });
      const store = declaration.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
      declaration.addExternalSecret('db-prod', { name: 'db', namespace: 'shop', store, clusters: [prod], data: [{ secretKey: 'k', secret }] });
      // WHEN / THEN: the other cluster may have its own
      const other = declaration.addExternalSecret('db-stage', { name: 'db', namespace: 'shop', store, clusters: [stage], data: [{ secretKey: 'k', secret }] });
      expect(other.name).toBe('db');
      // the same cluster may not
      expect(() => declaration.addExternalSecret('db-prod-2', {
        name: 'db', namespace: 'shop', store, clusters: [prod], targetSecretName: 'db-2', data: [{ secretKey: 'k', secret }],
      })).toThrow('[shop/externalSecrets/db-prod-2] name: received "db". Allowed: a name not already used by shop/externalSecrets/db-prod. '
        + 'Fix: give each one its own name, or reuse the object already declared.');
      // PushSecrets likewise
      declaration.addPushSecret('push-prod', { name: 'push', namespace: 'shop', store, sourceSecretName: 'local', destination: secret, clusters: [prod] });
      declaration.addPushSecret('push-stage', { name: 'push', namespace: 'shop', store, sourceSecretName: 'local', destination: secret, clusters: [stage] });
      expect(() => declaration.addPushSecret('push-all', { name: 'push', namespace: 'shop', store, sourceSecretName: 'local', destination: secret }))
        .toThrow('[shop/pushSecrets/push-all] name: received "push". Allowed: a name not already used by shop/pushSecrets/push-prod. '
          + 'Fix: give each one its own name, or reuse the object already declared.');
    });

    test('fails on duplicate secret names and duplicate ids', () => {
      const declaration = awsDeclaration();
      declaration.addSecretsManagerSecret('db', { name: 'shop/db' });
      expect(() => declaration.addSecretsManagerSecret('db2', { name: 'shop/db' })).toThrow(
        '[shop/secrets/db2] name: received "shop/db". Allowed: a name not already used by shop/secrets/db. Fix: give each one its own name, or reuse the object already declared.');
      expect(() => declaration.addSecretsManagerSecret('db', { name: 'shop/other' })).toThrow(
        '[shop/secrets/db] id: received "db". Allowed: an id not already used by shop/secrets/db. Fix: give each one its own name, or reuse the object already declared.');
    });

    test('fails on a plaintext initial value', () => {
      expect(() => awsDeclaration().addSecretsManagerSecret('db', { name: 'db', initialValue: 'hunter2' as unknown as InitialValue })).toThrow(
        '[shop/secrets/db] initialValue: received "<literal, value not shown>". Allowed: InitialValue.sensitiveVariable(name) or InitialValue.generatedPassword(); ' +
        'never a literal, which would land in the synthesized output and the Terraform state. Fix: declare the value with InitialValue.sensitiveVariable("name") and pass it at apply time (TF_VAR_name).');
    });

    test('never echoes the plaintext value in the message', () => {
      expect(() => awsDeclaration().addSecretsManagerSecret('db', { name: 'db', initialValue: 'hunter2' as unknown as InitialValue }))
        .toThrow(expect.objectContaining({ message: expect.not.stringContaining('hunter2') }));
    });

    test('fails on a consumer reading an undeclared secret', () => {
      const declaration = awsDeclaration();
      declaration.addEksCluster('prod', { clusterName: 'p', oidcIssuerUrl: ISSUER_PROD });
      const store = declaration.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
      const foreign = awsDeclaration().addSecretsManagerSecret('db', { name: 'db' });
      expect(() => declaration.addExternalSecret('es', { name: 'es', namespace: 'app', store, data: [{ secretKey: 'k', secret: foreign }] })).toThrow(
        '[shop/externalSecrets/es] data[0].secret: received "db". Allowed: a secret declared in this declaration. ' +
        'Fix: declare it first with declaration.addSecretsManagerSecret() and pass the returned object.');
    });

    test('fails on a secret read through a store of another backend', () => {
      const declaration = awsDeclaration();
      declaration.addEksCluster('prod', { clusterName: 'p', oidcIssuerUrl: ISSUER_PROD });
      const store = declaration.addAwsStore('ps', { name: 'ps', service: SecretBackend.AWS_PARAMETER_STORE });
      const secret = declaration.addSecretsManagerSecret('db', { name: 'db' });
      expect(() => declaration.addExternalSecret('es', { name: 'es', namespace: 'app', store, data: [{ secretKey: 'k', secret }] })).toThrow(
        '[shop/externalSecrets/es] data[0].secret: received "db". Allowed: a secret of the store\'s backend AWS_PARAMETER_STORE (this secret is AWS_SECRETS_MANAGER). ' +
        'Fix: read it through a store of its backend, or move the secret.');
    });

    test('fails on a property the secret does not declare', () => {
      const declaration = awsDeclaration();
      declaration.addEksCluster('prod', { clusterName: 'p', oidcIssuerUrl: ISSUER_PROD });
      const store = declaration.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
      const secret = declaration.addSecretsManagerSecret('db', { name: 'db', properties: ['username', 'password'] });
      expect(() => declaration.addExternalSecret('es', { name: 'es', namespace: 'app', store, data: [{ secretKey: 'k', secret, property: 'pasword' }] })).toThrow(
        '[shop/externalSecrets/es] data[0].property: received "pasword". Allowed: a property secret "db" declares: "username", "password". ' +
        'Fix: fix the property name, or add it to the secret\'s properties.');
    });

    test('fails on an ExternalSecret that reads nothing', () => {
      const declaration = awsDeclaration();
      declaration.addEksCluster('prod', { clusterName: 'p', oidcIssuerUrl: ISSUER_PROD });
      const store = declaration.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
      expect(() => declaration.addExternalSecret('es', { name: 'es', namespace: 'app', store })).toThrow(
        '[shop/externalSecrets/es] data/extract/find: received []. Allowed: at least one data, extract or find entry. ' +
        'Fix: add a data entry ({ secretKey, secret }) or an extract entry ({ secret }).');
    });

    test('fails on a consumer on a cluster its store is not on', () => {
      const declaration = awsDeclaration();
      const prod = declaration.addEksCluster('prod', { clusterName: 'p', oidcIssuerUrl: ISSUER_PROD });
      const dr = declaration.addEksCluster('dr', { clusterName: 'd', oidcIssuerUrl: ISSUER_DR });
      const store = declaration.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER, clusters: [prod] });
      const secret = declaration.addSecretsManagerSecret('db', { name: 'db' });
      expect(() => declaration.addExternalSecret('es', { name: 'es', namespace: 'app', store, clusters: [dr], data: [{ secretKey: 'k', secret }] })).toThrow(
        '[shop/externalSecrets/es] clusters[0]: received "dr". Allowed: a cluster store "sm" exists on: "prod". ' +
        'Fix: add the cluster to the store\'s clusters, or remove it from the consumer\'s clusters.');
    });

    test('fails on a namespace the store does not admit', () => {
      const declaration = awsDeclaration();
      declaration.addEksCluster('prod', { clusterName: 'p', oidcIssuerUrl: ISSUER_PROD });
      const store = declaration.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER, namespaces: ['shop'] });
      const secret = declaration.addSecretsManagerSecret('db', { name: 'db' });
      declaration.addExternalSecret('es', { name: 'es', namespace: 'billing', store, data: [{ secretKey: 'k', secret }] });
      expect(() => declaration.plan()).toThrow(
        '[shop/externalSecrets/es] namespace: received "billing". Allowed: a namespace store "sm" admits: "shop". ' +
        'Fix: add the namespace to the store\'s namespaces, or use another store.');
    });

    test('fails on a secret of another region than its store (ESO stores are regional)', () => {
      const declaration = awsDeclaration();
      declaration.addEksCluster('prod', { clusterName: 'p', oidcIssuerUrl: ISSUER_PROD });
      const store = declaration.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
      const secret = declaration.addSecretsManagerSecret('db', { name: 'db', region: 'us-east-1' });
      expect(() => declaration.addExternalSecret('es', { name: 'es', namespace: 'app', store, data: [{ secretKey: 'k', secret }] })).toThrow(
        '[shop/externalSecrets/es] data[0].secret: received "db". Allowed: a secret in the region of store "sm" (eu-west-1); this secret is in us-east-1 and the store cannot reach it. ' +
        'Fix: read it through a store declared with region: "us-east-1", or move the secret.');
    });

    test('fails on a secret of another account that nothing grants, unless managed elsewhere or read through an assumed role', () => {
      const declaration = awsDeclaration();
      declaration.addEksCluster('prod', { clusterName: 'p', oidcIssuerUrl: ISSUER_PROD });
      const store = declaration.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
      const foreign = declaration.addSecretsManagerSecret('db', { name: 'db', accountId: '444455556666' });
      expect(() => declaration.addExternalSecret('es', { name: 'es', namespace: 'app', store, data: [{ secretKey: 'k', secret: foreign }] })).toThrow(
        '[shop/externalSecrets/es] data[0].secret: received "db". Allowed: secrets of the roles\' account 111122223333; a secret of account 444455556666 needs a grant in that account ' +
        '(resource policy on the secret, key policy on its CMK) that this declaration cannot create. ' +
        'Fix: declare the secret with managedElsewhere: true once its owner grants the ESO role, or read it through a store with assumeRoleArn set to a role in the owning account.');
      const granted = declaration.addSecretsManagerSecret('granted', { name: 'granted', accountId: '444455556666', managedElsewhere: true });
      expect(() => declaration.addExternalSecret('ok1', { name: 'ok1', namespace: 'app', store, data: [{ secretKey: 'k', secret: granted }] })).not.toThrow();
      const chained = declaration.addAwsStore('chained', { name: 'chained', service: SecretBackend.AWS_SECRETS_MANAGER, assumeRoleArn: 'arn:aws:iam::444455556666:role/eso-reader' });
      expect(() => declaration.addExternalSecret('ok2', { name: 'ok2', namespace: 'app', store: chained, data: [{ secretKey: 'k', secret: foreign }] })).not.toThrow();
    });

    test('fails on Pod Identity with a per-store service account', () => {
      const declaration = awsDeclaration();
      declaration.addEksCluster('pi', { clusterName: 'p', identityMode: AwsIdentityMode.POD_IDENTITY });
      declaration.addAwsStore('t', { name: 't', service: SecretBackend.AWS_SECRETS_MANAGER, scope: StoreScope.NAMESPACED, namespaces: ['a'] });
      expect(() => declaration.plan()).toThrow(
        '[shop/stores/t] authModel: received "STORE_SERVICE_ACCOUNT". Allowed: EsoAuthModel.CONTROLLER on cluster "pi", which uses EKS Pod Identity: ' +
        'ESO supports Pod Identity only through the controller\'s own service account, never through serviceAccountRef. ' +
        'Fix: set authModel: EsoAuthModel.CONTROLLER (and scope: StoreScope.CLUSTER), or switch the cluster to AwsIdentityMode.IRSA.');
    });

    test('fails on a derived role name over 64 characters', () => {
      const declaration = awsDeclaration();
      declaration.addEksCluster('prod', { clusterName: 'p', oidcIssuerUrl: ISSUER_PROD });
      const long = 'a-very-long-store-identifier-that-makes-the-role-name-too-long';
      declaration.addAwsStore(long, { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
      expect(() => declaration.plan()).toThrow(`[shop/stores/${long}] id: received "${long}". Allowed: a value whose derived IAM role name "shop-${long}-eso" ` +
        'is valid: 1 to 64 characters among letters, digits and +=,.@_-. Fix: choose a shorter store id (or declaration name).');
    });

    test('fails on a store that assumes its own role', () => {
      const declaration = awsDeclaration();
      declaration.addEksCluster('prod', { clusterName: 'p', oidcIssuerUrl: ISSUER_PROD });
      declaration.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER, assumeRoleArn: 'arn:aws:iam::111122223333:role/shop-prod-eso-controller' });
      expect(() => declaration.plan()).toThrow(
        '[shop/stores/sm] assumeRoleArn: received "arn:aws:iam::111122223333:role/shop-prod-eso-controller". Allowed: an ARN of a different role ' +
        '(a role cannot assume itself; ESO fails with AccessDenied). Fix: drop the store "role" (the pod already holds that role), or point it at the separate target role to chain to.');
    });

    test('fails on rotation with a Lambda ARN that is not one, and on rotation of a parameter', () => {
      expect(() => awsDeclaration().addSecretsManagerSecret('db', { name: 'db', rotation: { rotationLambdaArn: 'ledger-rotation' } })).toThrow(
        '[shop/secrets/db] rotation.rotationLambdaArn: received "ledger-rotation". Allowed: a Lambda function ARN "arn:<partition>:lambda:<region>:<account>:function:<name>". ' +
        'Fix: pass the ARN of the rotation function (for RDS, the SecretsManagerRDS*Rotation* application\'s function).');
      expect(() => awsDeclaration().addParameter('p', { name: '/p', rotation: { rotationLambdaArn: 'arn:aws:lambda:eu-west-1:111122223333:function:r' } })).toThrow(
        '[shop/secrets/p] rotation: received "AWS_PARAMETER_STORE". Allowed: rotation on AWS Secrets Manager secrets only. ' +
        'Fix: remove rotation, or keep the value in Secrets Manager (addSecretsManagerSecret).');
    });

    test('fails on a Key Vault name and tenant Azure rejects', () => {
      const declaration = new SecretsDeclaration({ name: 'az', azure: { tenantId: '00000000-0000-0000-0000-000000000001' } });
      expect(() => declaration.addKeyVault('kv', { name: 'kv', resourceGroupName: 'rg', location: 'westeurope' })).toThrow(
        '[az/keyVaults/kv] name: received "kv". Allowed: 3 to 24 characters, letters, digits and "-", starting with a letter, ending with a letter or digit, no consecutive "-". ' +
        'Fix: rename the vault; the name is also the global DNS label <name>.vault.azure.net, so it must be unique across Azure.');
      expect(() => declaration.addKeyVault('kv2', { name: 'shop-kv', resourceGroupName: 'rg', location: 'westeurope', tenantId: 'contoso' })).toThrow(
        '[az/keyVaults/kv2] tenantId: received "contoso". Allowed: a GUID such as "00000000-0000-0000-0000-000000000000". ' +
        'Fix: pass the Entra tenant ID (az account show --query tenantId), or the tenant_id attribute of a DataAzurermClientConfig.');
    });
  });

  describe('plan', () => {
    function sharedDeclaration() {
      const declaration = awsDeclaration();
      const prod = declaration.addEksCluster('prod', { clusterName: 'shop-prod', oidcIssuerUrl: ISSUER_PROD });
      const dr = declaration.addEksCluster('dr', { clusterName: 'shop-dr', accountId: '444455556666', oidcIssuerUrl: ISSUER_DR });
      const key = declaration.addKmsKey('secrets', { alias: 'shop/secrets' });
      const db = declaration.addSecretsManagerSecret('db', { name: 'shop/db', kmsKey: key });
      const local = declaration.addSecretsManagerSecret('prod-only', { name: 'shop/prod-only' });
      const primary = declaration.addAwsStore('primary', { name: 'primary', service: SecretBackend.AWS_SECRETS_MANAGER, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
      const controller = declaration.addAwsStore('local', { name: 'local', service: SecretBackend.AWS_SECRETS_MANAGER, clusters: [prod] });
      declaration.addExternalSecret('db', { name: 'db', namespace: 'shop', store: primary, data: [{ secretKey: 'password', secret: db, property: 'password' }] });
      declaration.addExternalSecret('local', { name: 'local', namespace: 'shop', store: controller, refreshInterval: Duration.minutes(5), data: [{ secretKey: 'v', secret: local }] });
      return { declaration, prod, dr, primary, controller };
    }

    test('one role per store service account, trusted by every cluster of the store', () => {
      const { declaration, prod, primary } = sharedDeclaration();
      const identity = declaration.plan().identityFor(primary, prod, 'shop');
      expect(identity.id).toBe('store-primary');
      expect(identity.kind).toBe(IdentityKind.AWS_IRSA);
      expect(identity.clusters.map((c) => c.id)).toEqual(['dr', 'prod']);
      expect(identity.serviceAccount).toEqual({ namespace: 'external-secrets', name: 'eso-primary' });
      expect(identity.aws).toEqual({ roleName: 'shop-primary-eso', roleArn: 'arn:aws:iam::111122223333:role/shop-primary-eso', accountId: '111122223333', partition: 'aws' });
      expect(identity.reads.map((s) => s.id)).toEqual(['db']);
    });

    test('cluster-local secrets are granted only to that cluster\'s controller identity', () => {
      const { declaration, prod, dr, controller } = sharedDeclaration();
      const plan = declaration.plan();
      const identity = plan.identityFor(controller, prod, 'shop');
      expect(identity.id).toBe('controller-prod');
      expect(identity.reads.map((s) => s.id)).toEqual(['prod-only']);
      expect(plan.identities.filter((i) => i.clusters.includes(dr)).flatMap((i) => i.reads.map((s) => s.id))).toEqual(['db']);
      expect(plan.trustedServiceAccounts(prod)).toEqual(['external-secrets:eso-primary', 'external-secrets:external-secrets']);
      expect(plan.trustedServiceAccounts(dr)).toEqual(['external-secrets:eso-primary']);
    });

    test('store namespaces are derived from consumers', () => {
      const { declaration, primary } = sharedDeclaration();
      expect(declaration.plan().namespacesOf(primary)).toEqual(['shop']);
    });

    test('namespaced stores get one identity and service account per namespace', () => {
      const declaration = awsDeclaration();
      const prod = declaration.addEksCluster('prod', { clusterName: 'p', oidcIssuerUrl: ISSUER_PROD });
      const store = declaration.addAwsStore('tenant', { name: 'tenant', service: SecretBackend.AWS_SECRETS_MANAGER, scope: StoreScope.NAMESPACED });
      const a = declaration.addSecretsManagerSecret('a', { name: 'team-a/db' });
      const b = declaration.addSecretsManagerSecret('b', { name: 'team-b/db' });
      declaration.addExternalSecret('a', { name: 'db', namespace: 'team-a', store, data: [{ secretKey: 'k', secret: a }] });
      declaration.addExternalSecret('b', { name: 'db', namespace: 'team-b', store, data: [{ secretKey: 'k', secret: b }] });
      const plan = declaration.plan();
      const ia = plan.identityFor(store, prod, 'team-a');
      const ib = plan.identityFor(store, prod, 'team-b');
      expect([ia.id, ia.serviceAccount, ia.aws?.roleName, ia.reads.map((s) => s.id)])
        .toEqual(['store-tenant-team-a', { namespace: 'team-a', name: 'eso-tenant' }, 'shop-tenant-team-a-eso', ['a']]);
      expect([ib.id, ib.reads.map((s) => s.id)]).toEqual(['store-tenant-team-b', ['b']]);
    });

    test('finds are granted only on the declared secrets they match', () => {
      const declaration = awsDeclaration();
      const prod = declaration.addEksCluster('prod', { clusterName: 'p', oidcIssuerUrl: ISSUER_PROD });
      const store = declaration.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
      declaration.addSecretsManagerSecret('a', { name: 'shop/a' });
      declaration.addSecretsManagerSecret('b', { name: 'billing/b' });
      declaration.addSecretsManagerSecret('c', { name: 'xshop/c' });
      declaration.addExternalSecret('all', { name: 'all', namespace: 'shop', store, find: [{ nameRegexp: 'shop/.*' }] });
      const finds = declaration.plan().identityFor(store, prod, 'shop').finds;
      expect(finds.map((f) => f.matched.map((s) => s.id))).toEqual([['a']]);
    });

    test('Pod Identity clusters get a controller identity of kind AWS_POD_IDENTITY', () => {
      const declaration = awsDeclaration();
      const pi = declaration.addEksCluster('pi', { clusterName: 'p', identityMode: AwsIdentityMode.POD_IDENTITY });
      const store = declaration.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
      expect(declaration.plan().identityFor(store, pi, 'x').kind).toBe(IdentityKind.AWS_POD_IDENTITY);
    });
  });
});
