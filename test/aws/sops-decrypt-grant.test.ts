import { SopsRecipient } from '../../lib/core/sops';
import { grantSopsDecrypt } from '../../lib/aws/sops-decrypt-grant';
import { IrsaRole } from '../../lib/aws/irsa-role';
import { findResource, literalEnv, makeStack, synth } from './util';

const PROVIDER = 'arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/AAAA';
const ISSUER = 'https://oidc.eks.eu-west-1.amazonaws.com/id/AAAA';
const KEY = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const AGE = 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p';

function fluxRole(stack = makeStack()) {
  return new IrsaRole(stack, 'FluxDecrypt', {
    roleName: 'rke2-prod-sops-decrypt', environment: literalEnv(),
    trustedClusters: [{ oidcProviderArn: PROVIDER, issuerUrl: ISSUER, serviceAccounts: [{ namespace: 'flux-system', name: 'kustomize-controller' }] }],
  });
}

describe('grantSopsDecrypt', () => {
  test('kms:Decrypt on exactly the KMS keys among the recipients; the age key needs nothing', () => {
    // GIVEN the kustomize-controller's IRSA role
    const stack = makeStack();
    const role = fluxRole(stack);
    // WHEN
    grantSopsDecrypt(role, [SopsRecipient.awsKms(KEY), SopsRecipient.age(AGE), SopsRecipient.awsKms(KEY)]);
    // THEN one statement, one action, one key
    const json = synth(stack);
    expect(JSON.parse(findResource(json, 'aws_iam_role_policy').policy).Statement).toEqual([
      { Sid: 'SopsDecrypt', Effect: 'Allow', Action: ['kms:Decrypt'], Resource: [KEY] },
    ]);
    expect(JSON.parse(findResource(json, 'aws_iam_role').assume_role_policy).Statement[0].Condition.StringEquals).toEqual({
      'oidc.eks.eu-west-1.amazonaws.com/id/AAAA:sub': 'system:serviceaccount:flux-system:kustomize-controller',
      'oidc.eks.eu-west-1.amazonaws.com/id/AAAA:aud': 'sts.amazonaws.com',
    });
  });

  test('errors: only age recipients, an alias instead of a key ARN, a role that is not one', () => {
    expect(() => grantSopsDecrypt(fluxRole(), [SopsRecipient.age(AGE)])).toThrow(
      '[stack/FluxDecrypt] recipients: received "age". Allowed: at least one AWS KMS key recipient (an age key needs no grant: its private key is in the controller\'s Secret). Fix: add SopsRecipient.awsKms(keyArn), or do not grant anything for age-only clusters.');
    expect(() => grantSopsDecrypt(fluxRole(), [SopsRecipient.awsKms('arn:aws:kms:eu-west-1:111122223333:alias/sops')])).toThrow(
      '[stack/FluxDecrypt] recipients[0]: received "arn:aws:kms:eu-west-1:111122223333:alias/sops". Allowed: a KMS key ARN (arn:aws:kms:<region>:<account>:key/<key id>), not an alias: the decrypt grant names exactly the key. Fix: pass the key\'s ARN (aws kms describe-key --key-id alias/<name>).');
    expect(() => grantSopsDecrypt({} as never, [SopsRecipient.awsKms(KEY)])).toThrow(
      '[grantSopsDecrypt] role: received an object. Allowed: an IrsaRole or PodIdentityRole of the decrypting controller. Fix: pass an IrsaRole or PodIdentityRole of the decrypting controller.');
  });
});
