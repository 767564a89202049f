import { TerraformVariable } from 'cdktf';
import { Duration } from '../../lib/core/duration';
import { IdentityKind } from '../../lib/core/identity';
import { IrsaRole } from '../../lib/aws/irsa-role';
import { SecretsManagerSecret } from '../../lib/aws/secrets-manager-secret';
import { findResource, literalEnv, makeStack, synth } from './util';

const PROVIDER_A = 'arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/AAAA';
const ISSUER_A = 'https://oidc.eks.eu-west-1.amazonaws.com/id/AAAA';
const PROVIDER_B = 'arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-central-1.amazonaws.com/id/BBBB';
const ISSUER_B = 'https://oidc.eks.eu-central-1.amazonaws.com/id/BBBB';

describe('IrsaRole', () => {
  test('controller-wide: one trust statement with exact aud and sub, annotation with the literal ARN', () => {
    // GIVEN
    const stack = makeStack();
    // WHEN
    const role = new IrsaRole(stack, 'Eso', {
      roleName: 'eso-controller',
      environment: literalEnv(),
      trustedClusters: [{ oidcProviderArn: PROVIDER_A, issuerUrl: ISSUER_A, serviceAccounts: [{ namespace: 'external-secrets', name: 'external-secrets' }] }],
    });
    const json = synth(stack);
    // THEN
    const resource = findResource(json, 'aws_iam_role', (r) => r.name === 'eso-controller');
    expect(JSON.parse(resource.assume_role_policy)).toEqual({
      Version: '2012-10-17',
      Statement: [{
        Effect: 'Allow',
        Principal: { Federated: PROVIDER_A },
        Action: ['sts:AssumeRoleWithWebIdentity'],
        Condition: {
          StringEquals: {
            'oidc.eks.eu-west-1.amazonaws.com/id/AAAA:aud': 'sts.amazonaws.com',
            'oidc.eks.eu-west-1.amazonaws.com/id/AAAA:sub': 'system:serviceaccount:external-secrets:external-secrets',
          },
        },
      }],
    });
    expect(role.kind).toBe(IdentityKind.AWS_IRSA);
    expect(role.roleArnLiteral).toBe('arn:aws:iam::111122223333:role/eso-controller');
    expect(role.serviceAccountAnnotations).toEqual({ 'eks.amazonaws.com/role-arn': 'arn:aws:iam::111122223333:role/eso-controller' });
    expect(role.podLabels).toEqual({});
    expect(role.trustedServiceAccounts).toEqual([{ namespace: 'external-secrets', name: 'external-secrets' }]);
  });

  test('several clusters and service accounts: one statement per provider, sub as a sorted list', () => {
    // GIVEN
    const stack = makeStack();
    const role = new IrsaRole(stack, 'Eso', { roleName: 'eso', environment: literalEnv(), path: '/eso/', maxSessionDuration: Duration.hours(2), permissionsBoundaryArn: 'arn:aws:iam::111122223333:policy/boundary' });
    // WHEN
    role.addTrustedCluster({ oidcProviderArn: PROVIDER_A, issuerUrl: ISSUER_A, serviceAccounts: [{ namespace: 'team-b', name: 'store' }] });
    role.addTrustedCluster({ oidcProviderArn: PROVIDER_A, issuerUrl: ISSUER_A, serviceAccounts: [{ namespace: 'team-a', name: 'store' }, { namespace: 'team-b', name: 'store' }] });
    role.addTrustedCluster({ oidcProviderArn: PROVIDER_B, issuerUrl: ISSUER_B, serviceAccounts: [{ namespace: 'team-a', name: 'store' }] });
    const json = synth(stack);
    // THEN
    const resource = findResource(json, 'aws_iam_role');
    expect(resource).toMatchObject({ path: '/eso/', max_session_duration: 7200, permissions_boundary: 'arn:aws:iam::111122223333:policy/boundary' });
    const trust = JSON.parse(resource.assume_role_policy);
    expect(trust.Statement).toHaveLength(2);
    expect(trust.Statement[0].Condition.StringEquals['oidc.eks.eu-west-1.amazonaws.com/id/AAAA:sub'])
      .toEqual(['system:serviceaccount:team-a:store', 'system:serviceaccount:team-b:store']);
    expect(trust.Statement[1].Principal.Federated).toBe(PROVIDER_B);
    expect(role.roleArnLiteral).toBe('arn:aws:iam::111122223333:role/eso/eso');
    expect(role.trustedServiceAccounts).toEqual([
      { namespace: 'team-b', name: 'store' }, { namespace: 'team-a', name: 'store' }, { namespace: 'team-a', name: 'store' },
    ]);
  });

  test('per-namespace model with grants: the policy holds exactly the granted secret', () => {
    // GIVEN
    const stack = makeStack();
    const secret = new SecretsManagerSecret(stack, 'Secret', { secretName: 'team-a/db', environment: literalEnv() });
    const role = new IrsaRole(stack, 'TeamA', {
      roleName: 'eso-team-a', environment: literalEnv(),
      trustedClusters: [{ oidcProviderArn: PROVIDER_A, issuerUrl: ISSUER_A, serviceAccounts: [{ namespace: 'team-a', name: 'eso-store' }] }],
    });
    // WHEN
    secret.grantRead(role);
    const json = synth(stack);
    // THEN
    const policy = findResource(json, 'aws_iam_role_policy');
    expect(JSON.parse(policy.policy).Statement).toEqual([{
      Sid: 'ReadSecrets', Effect: 'Allow',
      Action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetResourcePolicy', 'secretsmanager:GetSecretValue', 'secretsmanager:ListSecretVersionIds'],
      Resource: ['arn:aws:secretsmanager:eu-west-1:111122223333:secret:team-a/db-??????'],
    }]);
  });

  test('an unresolved issuer is stripped with Terraform replace()', () => {
    // GIVEN
    const stack = makeStack();
    const issuer = new TerraformVariable(stack, 'issuer', { type: 'string' });
    // WHEN
    new IrsaRole(stack, 'Eso', { roleName: 'eso', trustedClusters: [{ oidcProviderArn: PROVIDER_A, issuerUrl: issuer.stringValue, serviceAccounts: [{ namespace: 'a', name: 'b' }] }] });
    const json = synth(stack);
    // THEN
    // (the value is a Terraform template, not parseable JSON before Terraform interpolates it)
    const trust = findResource(json, 'aws_iam_role').assume_role_policy as string;
    expect(trust).toContain('"${replace(var.issuer, "https://", "")}:sub":"system:serviceaccount:a:b"');
    expect(trust).toContain('"${replace(var.issuer, "https://", "")}:aud":"sts.amazonaws.com"');
  });

  test('default role name is derived from the path, roleArnLiteral unknown without a literal account', () => {
    // GIVEN
    const stack = makeStack();
    // WHEN
    const role = new IrsaRole(stack, 'Eso', { trustedClusters: [{ oidcProviderArn: PROVIDER_A, issuerUrl: ISSUER_A, serviceAccounts: [{ namespace: 'a', name: 'b' }] }] });
    // THEN
    expect(role.roleName).toBe('Eso');
    expect(role.roleArnLiteral).toBeUndefined();
  });

  test('fails on an issuer that is not an https URL', () => {
    // GIVEN
    const stack = makeStack();
    // WHEN / THEN
    expect(() => new IrsaRole(stack, 'Eso', { trustedClusters: [{ oidcProviderArn: PROVIDER_A, issuerUrl: 'oidc.eks.eu-west-1.amazonaws.com/id/AAAA', serviceAccounts: [] }] }))
      .toThrow('[stack/Eso] trustedClusters[0].issuerUrl: received "oidc.eks.eu-west-1.amazonaws.com/id/AAAA". Allowed: the cluster OIDC issuer as an https URL, e.g. "https://oidc.eks.eu-west-1.amazonaws.com/id/ABC123". Fix: pass the cluster\'s identity[0].oidc[0].issuer (it starts with "https://").');
  });

  test('fails on a provider ARN that is not an OIDC provider', () => {
    // GIVEN
    const stack = makeStack();
    // WHEN / THEN
    expect(() => new IrsaRole(stack, 'Eso').addTrustedCluster({ oidcProviderArn: 'arn:aws:iam::111122223333:role/x', issuerUrl: ISSUER_A, serviceAccounts: [] }))
      .toThrow('[stack/Eso] trustedClusters[0].oidcProviderArn: received "arn:aws:iam::111122223333:role/x". Allowed: an IAM OIDC provider ARN "arn:<partition>:iam::<account>:oidc-provider/<issuer host and path>". Fix: pass the arn of the aws_iam_openid_connect_provider created for the cluster.');
  });

  test('fails on a role name over 64 characters', () => {
    // GIVEN
    const stack = makeStack();
    const name = 'r'.repeat(65);
    // WHEN / THEN
    expect(() => new IrsaRole(stack, 'Eso', { roleName: name }))
      .toThrow(`[stack/Eso] roleName: received "${name}". Allowed: 1 to 64 characters among letters, digits and +=,.@_-. Fix: shorten or rename the role, for example "eso-team-a".`);
  });

  test('fails on an invalid service account namespace', () => {
    // GIVEN
    const stack = makeStack();
    // WHEN / THEN
    expect(() => new IrsaRole(stack, 'Eso', { trustedClusters: [{ oidcProviderArn: PROVIDER_A, issuerUrl: ISSUER_A, serviceAccounts: [{ namespace: 'Team_A', name: 'sa' }] }] }))
      .toThrow('[stack/Eso] trustedClusters[0].serviceAccounts[0].namespace: received "Team_A". Allowed: a DNS-1123 label: at most 63 characters, lowercase letters, digits and "-", starting and ending with a letter or digit. Fix: rename it, for example "team-a".');
  });

  test('fails at synth without any trusted cluster', () => {
    // GIVEN
    const stack = makeStack();
    new IrsaRole(stack, 'Eso', { roleName: 'eso' });
    // WHEN / THEN
    expect(() => synth(stack))
      .toThrow('[stack/Eso] trustedClusters: received []. Allowed: at least one trusted service account. Fix: pass trustedClusters or call addTrustedCluster({ oidcProviderArn, issuerUrl, serviceAccounts }).');
  });

  // AWS IAM User Guide, "Create an OpenID Connect (OIDC) identity provider in IAM"
  // (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html): the provider URL
  // corresponds to the token's iss claim; the provider ARN and the `<provider>:sub`/`:aud` condition keys are
  // that URL without "https://". AKS issuers end with "/" and their tokens keep it, so the keys keep it too.
  test('an AKS issuer keeps its trailing slash in the condition keys, as in the provider name', () => {
    // GIVEN
    const stack = makeStack();
    const issuer = 'https://westeurope.oic.prod-aks.azure.com/72f988bf-86f1-41af-91ab-2d7cd011db47/11111111-2222-3333-4444-555555555555/';
    const name = issuer.replace('https://', '');
    // WHEN
    const role = new IrsaRole(stack, 'Aks', {
      roleName: 'aks-eso', environment: literalEnv(),
      trustedClusters: [{ oidcProviderArn: `arn:aws:iam::111122223333:oidc-provider/${name}`, issuerUrl: issuer, serviceAccounts: [{ namespace: 'external-secrets', name: 'eso' }] }],
    });
    // THEN
    expect(role.trustPolicy().Statement[0].Condition).toEqual({
      StringEquals: { [`${name}:aud`]: 'sts.amazonaws.com', [`${name}:sub`]: 'system:serviceaccount:external-secrets:eso' },
    });
    expect(name.endsWith('/')).toBe(true);
  });

  test('a provider ARN registered without the slash the issuer has is rejected, and issuer credentials are never echoed', () => {
    // GIVEN
    const stack = makeStack();
    const issuer = 'https://westeurope.oic.prod-aks.azure.com/tenant/cluster/';
    // WHEN / THEN
    expect(() => new IrsaRole(stack, 'Aks', {
      trustedClusters: [{ oidcProviderArn: 'arn:aws:iam::111122223333:oidc-provider/westeurope.oic.prod-aks.azure.com/tenant/cluster', issuerUrl: issuer, serviceAccounts: [{ namespace: 'a', name: 'b' }] }],
    })).toThrow('[stack/Aks] trustedClusters[0].oidcProviderArn: received "arn:aws:iam::111122223333:oidc-provider/westeurope.oic.prod-aks.azure.com/tenant/cluster". ' +
      'Allowed: the provider registered for the issuer: an ARN ending in "oidc-provider/westeurope.oic.prod-aks.azure.com/tenant/cluster/" (IAM names the provider, and its <provider>:sub and <provider>:aud condition keys, after the issuer URL without "https://", trailing slash included). ' +
      'Fix: pass the arn of the aws_iam_openid_connect_provider whose url is exactly the token\'s iss claim.');
    const leak = () => new IrsaRole(makeStack(), 'Leak', {
      trustedClusters: [{ oidcProviderArn: PROVIDER_A, issuerUrl: 'https://admin:hunter2@oidc.example.com/id/1', serviceAccounts: [{ namespace: 'a', name: 'b' }] }],
    });
    expect(leak).toThrow('[stack/Leak] trustedClusters[0].issuerUrl: received "https://***@oidc.example.com/id/1". Allowed: the cluster OIDC issuer as an https URL');
    expect(leak).not.toThrow(/hunter2/);
  });
});
