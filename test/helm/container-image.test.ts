import { ContainerImage, ImagePullPolicy } from '../../lib/helm/container-image';

const SHA = `sha256:${'0123456789abcdef'.repeat(4)}`;

describe('ContainerImage', () => {
  test('resolves registry, repository, tag, digest and pull policy', () => {
    // GIVEN
    const image = ContainerImage.fromRegistry({
      registry: 'registry1.dso.mil', repository: 'ironbank/opensource/external-secrets/external-secrets',
      tag: 'v2.9.0', digest: SHA, pullPolicy: ImagePullPolicy.ALWAYS,
    });
    // WHEN
    const resolved = image._resolve('p', 'image');
    // THEN
    expect(resolved).toEqual({
      repository: 'registry1.dso.mil/ironbank/opensource/external-secrets/external-secrets',
      tag: 'v2.9.0', digest: SHA, pullPolicy: 'Always',
    });
    expect(image.toString()).toBe(`registry1.dso.mil/ironbank/opensource/external-secrets/external-secrets:v2.9.0@${SHA}`);
  });

  test('accepts a registry with a port and a tag-less, digest-less image', () => {
    // GIVEN
    const image = ContainerImage.fromRegistry({ registry: 'registry.internal:5000', repository: 'mirror/stakater/reloader' });
    // WHEN / THEN
    expect(image._resolve('p', 'image')).toEqual({ repository: 'registry.internal:5000/mirror/stakater/reloader' });
  });

  test('fails on a registry with a scheme', () => {
    const image = ContainerImage.fromRegistry({ registry: 'https://cgr.dev', repository: 'chainguard/external-secrets' });
    expect(() => image._resolve('test/Eso', 'values.image')).toThrow(
      '[test/Eso] values.image.registry: received "https://cgr.dev". Allowed: a registry host with an optional port, without scheme or path, such as "registry1.dso.mil", "cgr.dev" or "registry.local:5000". ' +
      'Fix: put the host in registry and the path in repository.');
  });

  test('fails on an empty registry', () => {
    const image = ContainerImage.fromRegistry({ registry: '', repository: 'chainguard/external-secrets' });
    expect(() => image._resolve('test/Eso', 'values.image')).toThrow(
      '[test/Eso] values.image.registry: received undefined. Allowed: a non-empty value. Fix: pass the registry host, for example "registry1.dso.mil".');
  });

  test('fails on a repository with uppercase letters or a tag', () => {
    const image = ContainerImage.fromRegistry({ registry: 'cgr.dev', repository: 'Chainguard/external-secrets:latest' });
    expect(() => image._resolve('test/Eso', 'values.image')).toThrow(
      '[test/Eso] values.image.repository: received "Chainguard/external-secrets:latest". Allowed: an OCI repository path: lowercase "/"-separated components of letters, digits and single ".", "_", "__" or "-" separators, without registry, tag or digest. ' +
      'Fix: for example "ironbank/opensource/external-secrets/external-secrets"; pass the tag and digest separately.');
  });

  test('fails on a tag longer than 128 characters', () => {
    const tag = 'v'.repeat(129);
    const image = ContainerImage.fromRegistry({ registry: 'cgr.dev', repository: 'chainguard/external-secrets', tag });
    expect(() => image._resolve('test/Eso', 'values.image')).toThrow(
      `[test/Eso] values.image.tag: received "${tag}". Allowed: an OCI tag: 1 to 128 characters, letters, digits, "_", "." and "-", not starting with "." or "-". ` +
      'Fix: pass the tag alone (for example "v2.9.0"); pass a digest with the digest option.');
  });

  test('fails on a digest without algorithm', () => {
    const digest = '0123456789abcdef'.repeat(4);
    const image = ContainerImage.fromRegistry({ registry: 'cgr.dev', repository: 'chainguard/external-secrets', digest });
    expect(() => image._resolve('test/Eso', 'values.image')).toThrow(
      `[test/Eso] values.image.digest: received "${digest}". Allowed: a digest "sha256:" followed by 64 lowercase hex characters, or "sha512:" followed by 128. ` +
      'Fix: copy the digest from `crane digest <image>` or your registry, including the algorithm prefix.');
  });
});
