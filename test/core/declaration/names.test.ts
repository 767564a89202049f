import { issuerHostPath, oidcProviderArn } from '../../../lib/core';

// IAM names an OIDC provider after the issuer URL without https://, everything else kept (IAM User
// Guide, "Create an OpenID Connect (OIDC) identity provider in IAM"); AKS issuers end with "/".
describe('derived IAM OIDC provider names', () => {
  test('the trailing slash of an AKS issuer is kept, as in the token\'s iss', () => {
    const aks = 'https://westeurope.oic.prod-aks.azure.com/72f988bf-86f1-41af-91ab-2d7cd011db47/0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9/';
    expect(issuerHostPath(aks)).toBe('westeurope.oic.prod-aks.azure.com/72f988bf-86f1-41af-91ab-2d7cd011db47/0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9/');
    expect(oidcProviderArn('aws', '111122223333', aks))
      .toBe('arn:aws:iam::111122223333:oidc-provider/westeurope.oic.prod-aks.azure.com/72f988bf-86f1-41af-91ab-2d7cd011db47/0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9/');
  });

  test('an EKS issuer has no trailing slash to keep', () => {
    expect(issuerHostPath('https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE'))
      .toBe('oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE');
  });
});
