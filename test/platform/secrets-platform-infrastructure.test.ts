import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import {
  AwsIdentityMode, EsoAuthModel, InitialValue, SecretBackend, SecretsDeclaration, StoreScope, renderAccessMatrix,
} from '../../lib/core';
import { SecretsPlatformInfrastructure } from '../../lib/platform';
import { parsePolicy, resourcesOf, resourceWhere, synthTerraform, valueLeaks } from '../helpers/terraform';

const ISSUER = 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD';
const TENANT = '00000000-0000-0000-0000-000000000001';

function awsStack(declaration: SecretsDeclaration) {
  const stack = new TerraformStack(Testing.app(), 'test');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  const infrastructure = new SecretsPlatformInfrastructure(stack, 'platform', { declaration });
  return { stack, infrastructure };
}

function awsDeclaration() {
  const declaration = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
  const prod = declaration.addEksCluster('prod', { clusterName: 'shop-prod', oidcIssuerUrl: ISSUER });
  return { declaration, prod };
}

describe('SecretsPlatformInfrastructure', () => {
  test('creates rotating keys, secrets under them, and one role per identity with the derived name', () => {
    // GIVEN
    const { declaration } = awsDeclaration();
    const key = declaration.addKmsKey('k', { alias: 'shop/secrets' });
    const db = declaration.addSecretsManagerSecret('db', { name: 'shop/db', kmsKey: key });
    const store = declaration.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
    declaration.addExternalSecret('e', { name: 'e', namespace: 'shop', store, data: [{ secretKey: 'k', secret: db }] });
    // WHEN
    const json = synthTerraform(awsStack(declaration).stack);
    // THEN
    expect(resourcesOf(json, 'aws_kms_key').map((k) => k.enable_key_rotation)).toEqual([true]);
    expect(resourceWhere(json, 'aws_kms_alias', 'name', 'alias/shop/secrets')).toBeDefined();
    expect(resourceWhere(json, 'aws_secretsmanager_secret', 'name', 'shop/db').kms_key_id).toMatch(/^\$\{aws_kms_key\..+\.arn\}$/);
    expect(resourcesOf(json, 'aws_iam_role').map((r) => r.name)).toEqual(['shop-prod-eso-controller']);
    expect(json.output?.eso_role_arn_controller_prod?.value).toMatch(/^\$\{aws_iam_role\..+\.arn\}$/);
  });

  test('finds add ListSecrets and BatchGetSecretValue on * with an explaining Sid, and GetSecretValue only on matched secrets', () => {
    const { declaration } = awsDeclaration();
    declaration.addSecretsManagerSecret('a', { name: 'shop/feature-a' });
    declaration.addSecretsManagerSecret('b', { name: 'billing/b' });
    const store = declaration.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
    declaration.addExternalSecret('e', { name: 'e', namespace: 'shop', store, find: [{ nameRegexp: 'shop/feature-.*' }] });
    const [policy] = resourcesOf(synthTerraform(awsStack(declaration).stack), 'aws_iam_role_policy');
    const statements = parsePolicy(policy.policy).Statement;
    const wildcard = statements.filter((s) => s.Resource === '*' || (Array.isArray(s.Resource) && s.Resource.includes('*')));
    expect(wildcard).toHaveLength(1);
    expect(wildcard[0].Action).toEqual(['secretsmanager:BatchGetSecretValue', 'secretsmanager:ListSecrets']);
    expect(wildcard[0].Sid).toMatch(/Wildcard|Find/);
    const reads = statements.filter((s) => (s.Action as string[]).includes('secretsmanager:GetSecretValue'));
    expect(reads.flatMap((s) => s.Resource)).toEqual(['arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/feature-a-??????']);
  });

  test('parameters: GetParameter(s) on exact ARNs, decrypt via SSM, and an implicit sensitive variable when no value is given', () => {
    const { declaration } = awsDeclaration();
    const key = declaration.addKmsKey('k', { alias: 'shop/params' });
    const flag = declaration.addParameter('flag', { name: '/shop/flag', kmsKey: key });
    const store = declaration.addAwsStore('ps', { name: 'ps', service: SecretBackend.AWS_PARAMETER_STORE });
    declaration.addExternalSecret('e', { name: 'e', namespace: 'shop', store, data: [{ secretKey: 'k', secret: flag }] });
    const json = synthTerraform(awsStack(declaration).stack);
    const statements = parsePolicy(resourcesOf(json, 'aws_iam_role_policy')[0].policy).Statement;
    expect(statements.find((s) => (s.Action as string[]).includes('ssm:GetParameter'))?.Resource).toEqual(['arn:aws:ssm:eu-west-1:111122223333:parameter/shop/flag']);
    expect(statements.find((s) => (s.Action as string[]).includes('kms:Decrypt'))?.Condition).toEqual({ StringEquals: { 'kms:ViaService': 'ssm.eu-west-1.amazonaws.com' } });
    expect(json.variable?.parameter_flag).toEqual(expect.objectContaining({ sensitive: true, ephemeral: true, nullable: false }));
    expect(resourceWhere(json, 'aws_ssm_parameter', 'name', '/shop/flag').value_wo).toBe('${var.parameter_flag}');
    expect(valueLeaks(json)).toEqual([]);
  });

  test('PushSecrets add write actions with the managed-by guard on delete', () => {
    const { declaration } = awsDeclaration();
    const target = declaration.addSecretsManagerSecret('pushed', { name: 'shop/pushed', tags: { 'managed-by': 'external-secrets' } });
    const store = declaration.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
    declaration.addPushSecret('p', { name: 'p', namespace: 'shop', store, sourceSecretName: 'local', destination: target });
    const statements = parsePolicy(resourcesOf(synthTerraform(awsStack(declaration).stack), 'aws_iam_role_policy')[0].policy).Statement;
    const actions = statements.flatMap((s) => s.Action as string[]);
    expect(actions).toEqual(expect.arrayContaining(['secretsmanager:CreateSecret', 'secretsmanager:PutSecretValue', 'secretsmanager:DeleteSecret']));
    const del = statements.find((s) => (s.Action as string[]).includes('secretsmanager:DeleteSecret'));
    expect(del?.Condition).toEqual({ StringEquals: { 'secretsmanager:ResourceTag/managed-by': 'external-secrets' } });
  });

  test('declared rotation renders the rotation schedule after the initial value and the invoke permission', () => {
    const { declaration } = awsDeclaration();
    declaration.addSecretsManagerSecret('weekly', {
      name: 'shop/weekly', initialValue: InitialValue.sensitiveVariable('weekly'),
      rotation: { rotationLambdaArn: 'arn:aws:lambda:eu-west-1:111122223333:function:rotate', afterDays: 7 },
    });
    declaration.addSecretsManagerSecret('cron', {
      name: 'shop/cron', rotation: { rotationLambdaArn: 'arn:aws:lambda:eu-west-1:111122223333:function:rotate', scheduleExpression: 'rate(4 hours)', rotateImmediately: false },
    });
    const rotations = resourcesOf(synthTerraform(awsStack(declaration).stack), 'aws_secretsmanager_secret_rotation');
    expect(rotations).toHaveLength(2);
    expect(rotations.map((r) => [r.rotation_rules, r.rotate_immediately, r.depends_on])).toEqual(expect.arrayContaining([
      [{ automatically_after_days: 7 }, true, [expect.stringMatching(/^aws_secretsmanager_secret_version\./), expect.stringMatching(/^aws_lambda_permission\./)]],
      [{ schedule_expression: 'rate(4 hours)' }, false, [expect.stringMatching(/^aws_lambda_permission\./)]],
    ]));
  });

  test('stores with assumeRoleArn: the identity may only assume that role; the reads belong to the assumed role', () => {
    const { declaration } = awsDeclaration();
    const local = declaration.addSecretsManagerSecret('local', { name: 'shop/local' });
    const foreign = declaration.addSecretsManagerSecret('foreign', { name: 'shared/foreign', accountId: '444455556666' });
    const own = declaration.addAwsStore('own', { name: 'own', service: SecretBackend.AWS_SECRETS_MANAGER });
    const chained = declaration.addAwsStore('chained', {
      name: 'chained', service: SecretBackend.AWS_SECRETS_MANAGER, assumeRoleArn: 'arn:aws:iam::444455556666:role/eso-reader', externalId: 'shop',
    });
    declaration.addExternalSecret('a', { name: 'a', namespace: 'shop', store: own, data: [{ secretKey: 'k', secret: local }] });
    declaration.addExternalSecret('b', { name: 'b', namespace: 'shop', store: chained, data: [{ secretKey: 'k', secret: foreign }] });
    const statements = parsePolicy(resourcesOf(synthTerraform(awsStack(declaration).stack), 'aws_iam_role_policy')[0].policy).Statement;
    expect(statements).toEqual([
      { Sid: 'ReadSecrets', Effect: 'Allow', Action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetResourcePolicy', 'secretsmanager:GetSecretValue', 'secretsmanager:ListSecretVersionIds'], Resource: ['arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/local-??????'] },
      { Sid: 'AssumeStoreRoles', Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:TagSession'], Resource: ['arn:aws:iam::444455556666:role/eso-reader'] },
    ]);
  });

  test('no statement allows a data-plane action on every secret', () => {
    const { declaration } = awsDeclaration();
    const s = declaration.addSecretsManagerSecret('s', { name: 'shop/s' });
    declaration.addSecretsManagerSecret('tagged', { name: 'shop/tagged', tags: { team: 'shop' } });
    const store = declaration.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
    declaration.addExternalSecret('e', { name: 'e', namespace: 'shop', store, data: [{ secretKey: 'k', secret: s }], find: [{ tags: { team: 'shop' } }] });
    for (const policy of resourcesOf(synthTerraform(awsStack(declaration).stack), 'aws_iam_role_policy')) {
      for (const statement of parsePolicy(policy.policy).Statement) {
        const resources = ([] as string[]).concat(statement.Resource ?? []);
        const actions = ([] as string[]).concat(statement.Action);
        // secretsmanager:BatchGetSecretValue has no resource type (only "*") and returns only the
        // secrets GetSecretValue is allowed on, so the per-secret action is the one checked.
        if (actions.some((a) => a === 'secretsmanager:GetSecretValue' || /GetParameter$|GetParameters$|kms:Decrypt/.test(a))) {
          expect(resources.filter((r) => r === '*' || r.endsWith(':secret:*') || r.endsWith('parameter/*') || r.endsWith('key/*'))).toEqual([]);
        }
      }
    }
    // and the find reads exactly the declared secret it matches
    const read = resourcesOf(synthTerraform(awsStack(declaration).stack), 'aws_iam_role_policy')
      .flatMap((p) => parsePolicy(p.policy).Statement).find((st) => st.Sid === 'ReadSecrets');
    expect(read?.Resource).toEqual(['arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/s-??????', 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/tagged-??????']);
  });

  describe('AWS finds are granted on the declared secrets they match', () => {
    test('fails on a Secrets Manager find that matches no declared secret, naming the find', () => {
      // GIVEN a find whose regexp matches no declared secret
      const { declaration } = awsDeclaration();
      declaration.addSecretsManagerSecret('s', { name: 'shop/s' });
      const store = declaration.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
      declaration.addExternalSecret('e', { name: 'e', namespace: 'shop', store, find: [{ nameRegexp: 'billing/.*' }] });
      // WHEN / THEN
      expect(() => awsStack(declaration)).toThrow(
        '[shop/externalSecrets/e] find[0]: received {"nameRegexp":"billing/.*"}. Allowed: a find that matches at least one Secrets Manager secret declared in eu-west-1 '
        + '(by nameRegexp, path and tags): the store\'s identity may read only the declared secrets a find matches, so a find matching none is granted nothing and delivers nothing. '
        + 'Fix: declare the secrets the find should read with addSecretsManagerSecret({ name }) (managedElsewhere: true for secrets created outside this declaration), '
        + 'or change the find to match them (rule CES-LP-1).');
    });

    test('fails on a Parameter Store find by tags that matches no declared parameter', () => {
      // GIVEN a tag find on Parameter Store whose tags no declared parameter carries
      const { declaration } = awsDeclaration();
      declaration.addParameter('p', { name: '/shop/p', tags: { team: 'billing' } });
      const store = declaration.addAwsStore('ssm', { name: 'ssm', service: SecretBackend.AWS_PARAMETER_STORE });
      declaration.addExternalSecret('e', { name: 'e', namespace: 'shop', store, find: [{ tags: { team: 'shop' } }] });
      // WHEN / THEN
      expect(() => awsStack(declaration)).toThrow(
        '[shop/externalSecrets/e] find[0]: received {"tags":{"team":"shop"}}. Allowed: a find that matches at least one Parameter Store parameter declared in eu-west-1 '
        + '(by nameRegexp, path and tags): the store\'s identity may read only the declared secrets a find matches, so a find matching none is granted nothing and delivers nothing. '
        + 'Fix: declare the secrets the find should read with addParameter({ name }) (managedElsewhere: true for secrets created outside this declaration), '
        + 'or change the find to match them (rule CES-LP-1).');
    });

    test('a Parameter Store find by path is granted the whole path: refused (CES-LP-2) unless acknowledged', () => {
      // GIVEN a path find and no declared parameter under it
      const { declaration } = awsDeclaration();
      const store = declaration.addAwsStore('ssm', { name: 'ssm', service: SecretBackend.AWS_PARAMETER_STORE });
      declaration.addExternalSecret('e', { name: 'e', namespace: 'shop', store, find: [{ path: '/shop/config/' }] });
      expect(() => declaration.plan()).toThrow(
        '[shop/externalSecrets/e] find[0]: received {"path":"/shop/config/"}. Allowed: a find whose grant reads only the declared secrets it matches (0 here), '
        + 'but ssm:GetParametersByPath on "/shop/config/" returns (and decrypts) every parameter under the path in eu-west-1, declared or not. '
        + 'Fix: read the declared secrets with data or extract (or a find the backend grants per secret, such as by name or tags) '
        + '(rule CES-LP-2; or, if the exception is intended, declaration.acknowledge({ ruleId: \'CES-LP-2\', reason: \'…\', appliesTo: [\'shop/externalSecrets/e/find[0]\'] })).');
      declaration.acknowledge({ ruleId: 'CES-LP-2', reason: 'every parameter under /shop/config/ belongs to the shop', appliesTo: ['shop/externalSecrets/e/find[0]'] });
      // WHEN
      const statements = resourcesOf(synthTerraform(awsStack(declaration).stack), 'aws_iam_role_policy').flatMap((p) => parsePolicy(p.policy).Statement);
      // THEN
      expect(statements).toEqual([{
        Sid: 'FindParametersByPath', Effect: 'Allow', Action: ['ssm:GetParametersByPath'],
        Resource: ['arn:aws:ssm:eu-west-1:111122223333:parameter/shop/config', 'arn:aws:ssm:eu-west-1:111122223333:parameter/shop/config/*'],
      }]);
    });
  });

  test('secrets managed elsewhere are granted but not created', () => {
    const { declaration } = awsDeclaration();
    const existing = declaration.addSecretsManagerSecret('legacy', { name: 'legacy/db', managedElsewhere: true });
    const store = declaration.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
    declaration.addExternalSecret('e', { name: 'e', namespace: 'shop', store, data: [{ secretKey: 'k', secret: existing }] });
    const json = synthTerraform(awsStack(declaration).stack);
    expect(resourcesOf(json, 'aws_secretsmanager_secret')).toEqual([]);
    expect(parsePolicy(resourcesOf(json, 'aws_iam_role_policy')[0].policy).Statement[0].Resource)
      .toEqual(['arn:aws:secretsmanager:eu-west-1:111122223333:secret:legacy/db-??????']);
  });

  test('clusters of other accounts get their OIDC provider registered in the roles\' account', () => {
    const { declaration } = awsDeclaration();
    const dr = declaration.addEksCluster('dr', { clusterName: 'dr', accountId: '444455556666', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/DR' });
    const s = declaration.addSecretsManagerSecret('s', { name: 's' });
    const store = declaration.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER, clusters: [dr] });
    declaration.addExternalSecret('e', { name: 'e', namespace: 'shop', store, data: [{ secretKey: 'k', secret: s }] });
    const json = synthTerraform(awsStack(declaration).stack);
    const [provider] = resourcesOf(json, 'aws_iam_openid_connect_provider');
    expect(provider).toEqual(expect.objectContaining({ url: 'https://oidc.eks.eu-west-1.amazonaws.com/id/DR', client_id_list: ['sts.amazonaws.com'] }));
    const trust = parsePolicy(resourceWhere(json, 'aws_iam_role', 'name', 'shop-dr-eso-controller').assume_role_policy);
    expect(trust.Statement[0].Principal).toEqual({ Federated: expect.stringMatching(/^\$\{aws_iam_openid_connect_provider\..+\.arn\}$/) });
  });

  test('Pod Identity clusters get a role trusting pods.eks.amazonaws.com and an association for the controller', () => {
    const declaration = new SecretsDeclaration({ name: 'pi', aws: { accountId: '111122223333', region: 'eu-west-1' } });
    declaration.addEksCluster('prod', { clusterName: 'pi-prod', identityMode: AwsIdentityMode.POD_IDENTITY });
    const s = declaration.addSecretsManagerSecret('s', { name: 's' });
    const store = declaration.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
    declaration.addExternalSecret('e', { name: 'e', namespace: 'shop', store, data: [{ secretKey: 'k', secret: s }] });
    const json = synthTerraform(awsStack(declaration).stack);
    const trust = parsePolicy(resourceWhere(json, 'aws_iam_role', 'name', 'pi-prod-eso-controller').assume_role_policy);
    expect(trust.Statement[0]).toEqual(expect.objectContaining({ Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }));
    expect(resourcesOf(json, 'aws_eks_pod_identity_association')).toEqual([expect.objectContaining({
      cluster_name: 'pi-prod', namespace: 'external-secrets', service_account: 'external-secrets',
    })]);
  });

  test('namespaced stores get one role per namespace, each reading only its namespace\'s secrets', () => {
    const { declaration } = awsDeclaration();
    const store = declaration.addAwsStore('tenant', { name: 'tenant', service: SecretBackend.AWS_SECRETS_MANAGER, scope: StoreScope.NAMESPACED });
    const a = declaration.addSecretsManagerSecret('a', { name: 'team-a/db' });
    const b = declaration.addSecretsManagerSecret('b', { name: 'team-b/db' });
    declaration.addExternalSecret('a', { name: 'db', namespace: 'team-a', store, data: [{ secretKey: 'k', secret: a }] });
    declaration.addExternalSecret('b', { name: 'db', namespace: 'team-b', store, data: [{ secretKey: 'k', secret: b }] });
    const json = synthTerraform(awsStack(declaration).stack);
    const roleA = resourceWhere(json, 'aws_iam_role', 'name', 'shop-tenant-team-a-eso');
    expect(JSON.stringify(parsePolicy(roleA.assume_role_policy).Statement[0].Condition)).toContain('system:serviceaccount:team-a:eso-tenant');
    const policies = resourcesOf(json, 'aws_iam_role_policy').map((p) => parsePolicy(p.policy).Statement[0].Resource);
    expect(policies.sort()).toEqual([
      ['arn:aws:secretsmanager:eu-west-1:111122223333:secret:team-a/db-??????'],
      ['arn:aws:secretsmanager:eu-west-1:111122223333:secret:team-b/db-??????'],
    ]);
  });

  test('initial values: one sensitive variable without default, generated passwords through the ephemeral resource', () => {
    const { declaration } = awsDeclaration();
    declaration.addSecretsManagerSecret('a', { name: 'a', initialValue: InitialValue.sensitiveVariable('shared_value') });
    declaration.addSecretsManagerSecret('b', { name: 'b', initialValue: InitialValue.sensitiveVariable('shared_value') });
    declaration.addSecretsManagerSecret('c', { name: 'c', initialValue: InitialValue.generatedPassword({ length: 48 }) });
    const { stack, infrastructure } = awsStack(declaration);
    const json = synthTerraform(stack);
    expect(Object.keys(json.variable ?? {})).toEqual(['shared_value']);
    expect(infrastructure.variable('shared_value')).toBeDefined();
    expect(Object.values(json.ephemeral?.aws_secretsmanager_random_password ?? {}).map((p) => p.password_length)).toEqual([48]);
    expect(valueLeaks(json)).toEqual([]);
  });

  describe('Azure', () => {
    function azureDeclaration(authModel: EsoAuthModel) {
      const declaration = new SecretsDeclaration({ name: 'az', azure: { tenantId: TENANT } });
      const aks = declaration.addAksCluster('aks', { clusterName: 'aks', oidcIssuerUrl: 'https://westeurope.oic.prod-aks.azure.com/t/i/' });
      const vault = declaration.addKeyVault('kv', { name: 'shop-kv', resourceGroupName: 'rg', location: 'westeurope', allowedSubnetIds: ['/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/aks'] });
      const secret = declaration.addKeyVaultSecret('db', { vault, name: 'db' });
      const store = declaration.addAzureKeyVaultStore('kv', { name: 'kv', vault, authModel });
      declaration.addExternalSecret('e', { name: 'e', namespace: 'app', store, data: [{ secretKey: 'k', secret }] });
      const stack = new TerraformStack(Testing.app(), 'test');
      new AzurermProvider(stack, 'azurerm', { features: [{}] });
      const infrastructure = new SecretsPlatformInfrastructure(stack, 'platform', { declaration });
      return { declaration, aks, stack, infrastructure };
    }

    test('the identity federates the service account and is Secrets User on the secret only', () => {
      const { stack } = azureDeclaration(EsoAuthModel.STORE_SERVICE_ACCOUNT);
      const json = synthTerraform(stack);
      expect(resourcesOf(json, 'azurerm_federated_identity_credential')).toEqual([expect.objectContaining({
        issuer: 'https://westeurope.oic.prod-aks.azure.com/t/i/',
        subject: 'system:serviceaccount:external-secrets:eso-kv',
        audience: ['api://AzureADTokenExchange'],
      })]);
      const assignments = resourcesOf(json, 'azurerm_role_assignment');
      expect(assignments.map((a) => a.role_definition_name)).toEqual(['Key Vault Secrets User']);
      expect(assignments[0].scope).toMatch(/^\$\{azurerm_key_vault_secret\..+\.resource_versionless_id\}$/);
      expect(json.output?.eso_client_id_store_kv?.value).toMatch(/^\$\{azurerm_user_assigned_identity\..+\.client_id\}$/);
      expect(resourceWhere(json, 'azurerm_key_vault', 'name', 'shop-kv').network_acls).toEqual(expect.objectContaining({
        default_action: 'Deny', virtual_network_subnet_ids: ['/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/aks'],
      }));
      expect(valueLeaks(json)).toEqual([]);
    });

    test('the controller identity is exposed for the ESO release', () => {
      const { aks, infrastructure } = azureDeclaration(EsoAuthModel.CONTROLLER);
      const identity = infrastructure.controllerIdentity(aks);
      expect(identity?.podLabels).toEqual({ 'azure.workload.identity/use': 'true' });
      expect(identity?.trustedServiceAccounts).toEqual([{ namespace: 'external-secrets', name: 'external-secrets' }]);
    });

    describe('find', () => {
      /** GIVEN an AKS cluster, vault shop-kv with four declared secrets, and a second vault with one. */
      function findDeclaration() {
        const declaration = new SecretsDeclaration({ name: 'az', azure: { tenantId: TENANT } });
        declaration.addAksCluster('aks', { clusterName: 'aks', oidcIssuerUrl: 'https://westeurope.oic.prod-aks.azure.com/t/i/' });
        const vault = declaration.addKeyVault('kv', { name: 'shop-kv', resourceGroupName: 'rg-shop', location: 'westeurope' });
        const other = declaration.addKeyVault('other', { name: 'other-kv', resourceGroupName: 'rg-other', location: 'westeurope' });
        const db = declaration.addKeyVaultSecret('db', { vault, name: 'db' });
        declaration.addKeyVaultSecret('flag-a', { vault, name: 'flag-a' });
        declaration.addKeyVaultSecret('flag-b', { vault, name: 'flag-b', managedElsewhere: true });
        declaration.addKeyVaultSecret('unrelated', { vault, name: 'unrelated' });
        declaration.addKeyVaultSecret('flag-other', { vault: other, name: 'flag-other' });
        const store = declaration.addAzureKeyVaultStore('kv', { name: 'kv', vault, scope: StoreScope.NAMESPACED, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
        return { declaration, store, db };
      }

      function render(declaration: SecretsDeclaration) {
        const stack = new TerraformStack(Testing.app(), 'test');
        new AzurermProvider(stack, 'azurerm', { features: [{}] });
        new SecretsPlatformInfrastructure(stack, 'platform', { declaration });
        return synthTerraform(stack);
      }

      /**
       * The role assignment scope of the Key Vault secret named `name`: the versionless ID of the secret
       * created here, or `<vault id>/secrets/<name>` for one managed elsewhere (flag-b).
       */
      function secretRef(json: ReturnType<typeof synthTerraform>, name: string): string {
        const created = Object.entries(json.resource?.azurerm_key_vault_secret ?? {}).find(([, r]) => r.name === name);
        if (created !== undefined) {
          return `\${azurerm_key_vault_secret.${created[0]}.resource_versionless_id}`;
        }
        const [vaultId] = Object.entries(json.resource?.azurerm_key_vault ?? {}).find(([, r]) => r.name === 'shop-kv')!;
        return `\${azurerm_key_vault.${vaultId}.id}/secrets/${name}`;
      }

      test('lists the vault through a custom role with only the readMetadata data action, and reads exactly the matched secrets', () => {
        // GIVEN a find on flag-.* next to a data read of db
        const { declaration, store, db } = findDeclaration();
        declaration.addExternalSecret('e', { name: 'e', namespace: 'app', store, data: [{ secretKey: 'db', secret: db }], find: [{ nameRegexp: 'flag-.*' }] });
        // WHEN
        const json = render(declaration);
        // THEN one role definition: the data action only, no control-plane action, defined and assignable in the vault's resource group
        const [vaultId] = Object.keys(json.resource?.azurerm_key_vault ?? {}).filter((id) => json.resource!.azurerm_key_vault[id].name === 'shop-kv');
        const vaultRef = `\${azurerm_key_vault.${vaultId}.id}`;
        const groupRef = `\${join("/", slice(split("/", azurerm_key_vault.${vaultId}.id), 0, 5))}`;
        expect(resourcesOf(json, 'azurerm_role_definition')).toEqual([{
          name: 'Key Vault Secrets Lister (shop-kv)',
          scope: groupRef,
          assignable_scopes: [groupRef],
          description: 'List the names and properties of the secrets in Key Vault shop-kv, never their values (cdk-external-secrets)',
          permissions: [{ data_actions: ['Microsoft.KeyVault/vaults/secrets/readMetadata/action'] }],
        }]);
        // THEN the identity: the custom role on the vault, Secrets User on db, flag-a and flag-b only
        const assignments = resourcesOf(json, 'azurerm_role_assignment');
        const [definitionId] = Object.keys(json.resource?.azurerm_role_definition ?? {});
        expect(assignments.filter((a) => a.role_definition_id !== undefined).map((a) => [a.role_definition_id, a.scope])).toEqual([
          [`\${azurerm_role_definition.${definitionId}.role_definition_resource_id}`, vaultRef],
        ]);
        expect(assignments.filter((a) => a.role_definition_name === 'Key Vault Secrets User').map((a) => a.scope).sort())
          .toEqual([secretRef(json, 'db'), secretRef(json, 'flag-a'), secretRef(json, 'flag-b')].sort());
        expect(assignments).toHaveLength(4);
        expect(assignments.filter((a) => a.scope === vaultRef && a.role_definition_name !== undefined)).toEqual([]);
        expect(valueLeaks(json)).toEqual([]);
      });

      test('a secret both read and matched gets one Secrets User assignment', () => {
        // GIVEN db read by data and matched by the find
        const { declaration, store, db } = findDeclaration();
        declaration.addExternalSecret('e', { name: 'e', namespace: 'app', store, data: [{ secretKey: 'db', secret: db }], find: [{ nameRegexp: 'db' }] });
        // WHEN
        const json = render(declaration);
        // THEN
        expect(resourcesOf(json, 'azurerm_role_assignment').filter((a) => a.role_definition_name === 'Key Vault Secrets User').map((a) => a.scope))
          .toEqual([secretRef(json, 'db')]);
      });

      test('identities that find in one vault share its one role definition, each with its own assignment', () => {
        // GIVEN a namespaced store used from two namespaces (two identities), both finding
        const { declaration, store } = findDeclaration();
        declaration.addExternalSecret('a', { name: 'a', namespace: 'app', store, find: [{ nameRegexp: 'flag-a' }] });
        declaration.addExternalSecret('b', { name: 'b', namespace: 'web', store, find: [{ nameRegexp: 'flag-b' }] });
        // WHEN
        const json = render(declaration);
        // THEN
        expect(resourcesOf(json, 'azurerm_role_definition').map((d) => d.name)).toEqual(['Key Vault Secrets Lister (shop-kv)']);
        const assignments = resourcesOf(json, 'azurerm_role_assignment');
        expect(assignments.filter((a) => a.role_definition_id !== undefined).map((a) => a.principal_id as string).sort())
          .toEqual(resourcesOf(json, 'azurerm_role_assignment').filter((a) => a.role_definition_name !== undefined).map((a) => a.principal_id as string).sort());
        expect(assignments.filter((a) => a.role_definition_name === 'Key Vault Secrets User').map((a) => a.scope).sort())
          .toEqual([secretRef(json, 'flag-a'), secretRef(json, 'flag-b')].sort());
        expect(new Set(assignments.map((a) => a.principal_id)).size).toBe(2);
      });

      test('a find by tags reads the declared secrets carrying those tags, which are rendered on them', () => {
        // GIVEN a declaration tag, two secrets tagged team=shop (one managed elsewhere) and one tagged team=web
        const declaration = new SecretsDeclaration({ name: 'az', azure: { tenantId: TENANT }, tags: { env: 'prod' } });
        declaration.addAksCluster('aks', { clusterName: 'aks', oidcIssuerUrl: 'https://westeurope.oic.prod-aks.azure.com/t/i/' });
        const vault = declaration.addKeyVault('kv', { name: 'shop-kv', resourceGroupName: 'rg-shop', location: 'westeurope' });
        declaration.addKeyVaultSecret('flag-a', { vault, name: 'flag-a', tags: { team: 'shop' } });
        declaration.addKeyVaultSecret('flag-b', { vault, name: 'flag-b', tags: { team: 'shop' }, managedElsewhere: true });
        declaration.addKeyVaultSecret('web', { vault, name: 'web', tags: { team: 'web' } });
        const store = declaration.addAzureKeyVaultStore('kv', { name: 'kv', vault });
        declaration.addExternalSecret('e', { name: 'e', namespace: 'app', store, find: [{ tags: { team: 'shop', env: 'prod' } }] });
        // WHEN
        const json = render(declaration);
        // THEN
        expect(resourceWhere(json, 'azurerm_key_vault_secret', 'name', 'flag-a').tags).toEqual({ 'declaration': 'az', 'managed-by': 'cdk-external-secrets', 'env': 'prod', 'team': 'shop' });
        expect(resourcesOf(json, 'azurerm_role_assignment').filter((a) => a.role_definition_name === 'Key Vault Secrets User').map((a) => a.scope).sort())
          .toEqual([secretRef(json, 'flag-a'), secretRef(json, 'flag-b')].sort());
      });

      test('the access matrix names the listing and the matched secrets', () => {
        // GIVEN
        const { declaration, store } = findDeclaration();
        declaration.addExternalSecret('e', { name: 'e', namespace: 'app', store, find: [{ nameRegexp: 'flag-.*' }] });
        // WHEN
        const matrix = renderAccessMatrix(declaration);
        // THEN
        expect(matrix).toContain('find `name ~ flag-.*`: list secret names in shop-kv (custom role, secrets/readMetadata/action only), '
          + 'then Key Vault Secrets User on `flag-a`, `flag-b`');
      });

      test('fails on a find that matches no declared secret of the store\'s vault', () => {
        // GIVEN a find whose only match lives in the other vault
        const { declaration, store } = findDeclaration();
        declaration.addExternalSecret('e', { name: 'e', namespace: 'app', store, find: [{ nameRegexp: 'flag-other' }] });
        // WHEN / THEN
        expect(() => render(declaration)).toThrow(
          '[az/externalSecrets/e] find[0]: received {"nameRegexp":"flag-other"}. Allowed: a find that matches at least one secret declared in Key Vault shop-kv '
          + '(by nameRegexp, path and tags): the store\'s identity may read only the declared secrets a find matches, so a find matching none is granted nothing and delivers nothing. '
          + 'Fix: declare the secrets the find should read with addKeyVaultSecret({ vault, name }) (managedElsewhere: true for secrets created outside this declaration), '
          + 'or change the find to match them (rule CES-LP-1).');
      });
    });

    test('fails on a generated password for a Key Vault secret', () => {
      const declaration = new SecretsDeclaration({ name: 'az', azure: { tenantId: TENANT } });
      const vault = declaration.addKeyVault('kv', { name: 'shop-kv', resourceGroupName: 'rg', location: 'westeurope' });
      // Refused where declared, so the cdktf and cdk8s apps refuse it alike.
      expect(() => declaration.addKeyVaultSecret('db', { vault, name: 'db', initialValue: InitialValue.generatedPassword() })).toThrow(
        '[az/secrets/db] initialValue: received "GENERATED_PASSWORD". Allowed: InitialValue.sensitiveVariable() for Azure Key Vault. ' +
        'Fix: pass the value through a sensitive variable, or leave initialValue unset and set the value out of band.');
    });
  });
});
