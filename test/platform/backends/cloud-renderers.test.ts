import { TerraformStack, Testing } from 'cdktf';
import { BACKEND_MODELS } from '../../../lib/core/declaration/backends';
import { OPTIONAL_PROVIDER_PEERS } from '../../../lib/core/optional-peer';
import { CLOUD_RENDERERS } from '../../../lib/platform/backends/cloud-renderers';

describe('cloud renderer registrations', () => {
  test('every backend model has one registration, whose module is that backend\'s renderer and whose provider is an optional peer', () => {
    // GIVEN the registries
    // WHEN / THEN
    expect(CLOUD_RENDERERS.map((r) => r.kind)).toEqual(BACKEND_MODELS.map((b) => b.kind));
    for (const registration of CLOUD_RENDERERS) {
      expect([registration.kind, registration.load().kind, registration.provider in OPTIONAL_PROVIDER_PEERS])
        .toEqual([registration.kind, registration.kind, true]);
    }
  });

  test('a backend without a registered cloud renderer fails at synth naming the registered ones', () => {
    jest.isolateModules(() => {
      // GIVEN a registry without the AWS renderer
      jest.doMock('../../../lib/platform/backends/cloud-renderers', () => ({ CLOUD_RENDERERS: CLOUD_RENDERERS.filter((r) => r.kind !== 'aws') }));
      /* eslint-disable @typescript-eslint/no-require-imports */
      const { SecretsPlatformInfrastructure } = require('../../../lib/platform') as typeof import('../../../lib/platform');
      const { SecretsDeclaration } = require('../../../lib/core') as typeof import('../../../lib/core');
      /* eslint-enable @typescript-eslint/no-require-imports */
      const declaration = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
      declaration.addSecretsManagerSecret('db', { name: 'shop/db' });
      // WHEN / THEN
      expect(() => new SecretsPlatformInfrastructure(new TerraformStack(Testing.app(), 'cloud'), 'platform', { declaration }))
        .toThrow('[cloud/platform] provider: received "aws". Allowed: a registered backend: azure-key-vault, google-secret-manager, vault. '
          + 'Fix: declare stores and secrets with the declaration\'s add methods, which set the backend.');
    });
  });
});
