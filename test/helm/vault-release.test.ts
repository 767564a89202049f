import { ContainerImage, ImagePullPolicy, SeccompProfileType, VaultHelmRelease, VaultLogFormat, VaultLogLevel } from '../../lib/helm';
import { SecretsDeclaration } from '../../lib/core';
import { expectValidVaultValues } from '../helpers/chart-schema';
import { findRelease, newStack, releaseValues, synth } from './synth';

describe('VaultHelmRelease', () => {
  test('production shape: pinned chart, HA raft with TLS, injector and UI off', () => {
    // GIVEN
    const stack = newStack();
    // WHEN
    const vault = new VaultHelmRelease(stack, 'Vault', { values: { tls: { secretName: 'vault-tls' } } });
    // THEN
    const doc = synth(stack);
    expect(findRelease(doc, 'vault')).toMatchObject({
      chart: 'vault', version: '0.34.1', repository: 'https://helm.releases.hashicorp.com', namespace: 'vault', atomic: true,
    });
    const values = releaseValues(doc, 'vault');
    expectValidVaultValues(values);
    expect(values.global).toEqual({ tlsDisable: false });
    expect(values.injector).toEqual({ enabled: false });
    expect(values.ui).toEqual({ enabled: false });
    expect(values.server.ha).toMatchObject({ enabled: true, replicas: 3, raft: { enabled: true, setNodeId: true } });
    expect(values.server.extraVolumes).toEqual([{ type: 'secret', name: 'vault-tls' }]);
    expect(values.server.extraEnvironmentVars).toEqual({ VAULT_CACERT: '/vault/userconfig/vault-tls/ca.crt' });
    expect(values.server.standalone).toEqual({ enabled: false });
    const config = values.server.ha.raft.config as string;
    expect(config).toContain('ui = false\ndisable_mlock = true\n');
    expect(config).toContain('  tls_disable = 0\n  tls_cert_file = "/vault/userconfig/vault-tls/tls.crt"\n  tls_key_file = "/vault/userconfig/vault-tls/tls.key"\n');
    expect(config.match(/retry_join \{/g)).toHaveLength(3);
    expect(config).toContain('    leader_api_addr = "https://vault-2.vault-internal:8200"\n    leader_ca_cert_file = "/vault/userconfig/vault-tls/ca.crt"\n');
    expect(config).toContain('service_registration "kubernetes" {}');
    expect(values.server.statefulSet).toBeUndefined();
    expect(vault.serverAddress).toBe('https://vault.vault:8200');
    expect(vault.tlsEnabled).toBe(true);
    expect(vault.fqn).toBe(vault.release.fqn);
  });

  test('lab: plain HTTP only with the explicit opt-in, single replica', () => {
    // GIVEN
    const stack = newStack();
    // WHEN
    const vault = new VaultHelmRelease(stack, 'Vault', { releaseName: 'lab', namespace: 'secrets', values: { allowInsecureHttp: true, replicas: 1, uiEnabled: true },
      acknowledgements: [{ ruleId: 'CES-HARD-5', reason: 'lab cluster, one node, data is disposable', appliesTo: ['server.ha.replicas'] }] });
    // THEN
    const synthesized = synth(stack);
    const values = releaseValues(synthesized, 'lab');
    // the acknowledged exceptions (the typed HTTP opt-in and the single replica) are shown on the release
    expect(JSON.stringify(synthesized)).toContain('"description":"Acknowledged: CES-HARD-4 global.tlsDisable: values.allowInsecureHttp: true (typed opt-in); CES-HARD-5 server.ha.replicas: lab cluster, one node, data is disposable"');
    expectValidVaultValues(values);
    expect(values.global).toEqual({ tlsDisable: true });
    expect(values.ui).toEqual({ enabled: true });
    const config = values.server.ha.raft.config as string;
    expect(config).toContain('ui = true\n');
    expect(config).toContain('  tls_disable = 1\n');
    expect(config).toContain('leader_api_addr = "http://lab-vault-0.lab-vault-internal:8200"');
    expect(config).not.toContain('leader_ca_cert_file');
    expect(vault.serverAddress).toBe('http://lab-vault.secrets:8200');
  });

  test('image, storage, resources, logs, pull secrets and hardened security contexts', () => {
    // GIVEN
    const stack = newStack();
    const digest = `sha256:${'a'.repeat(64)}`;
    // WHEN
    new VaultHelmRelease(stack, 'Vault', {
      values: {
        tls: { secretName: 'vault-server-tls', certKey: 'cert.pem', keyKey: 'key.pem', caKey: 'ca.pem' },
        replicas: 5,
        image: ContainerImage.fromRegistry({ registry: 'registry1.dso.mil', repository: 'ironbank/hashicorp/vault', digest, pullPolicy: ImagePullPolicy.ALWAYS }),
        imagePullSecrets: ['ironbank'],
        resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { memory: '1Gi' } },
        dataStorage: { size: '20Gi', storageClass: 'gp3' },
        auditStorage: { size: '5Gi' },
        podSecurityContext: { runAsUser: 65532, seccompProfileType: SeccompProfileType.RUNTIME_DEFAULT },
        containerSecurityContext: { readOnlyRootFilesystem: true, capabilitiesDrop: ['ALL'] },
        logLevel: VaultLogLevel.WARN, logFormat: VaultLogFormat.JSON,
        injectorEnabled: true,
      },
      extraValues: { server: { ha: { disruptionBudget: { maxUnavailable: 1 } } } },
    });
    // THEN
    const values = releaseValues(synth(stack), 'vault');
    expectValidVaultValues(values);
    expect(values.server.image).toEqual({ repository: 'registry1.dso.mil/ironbank/hashicorp/vault', tag: `2.0.4@${digest}`, pullPolicy: 'Always' });
    expect(values.global.imagePullSecrets).toEqual([{ name: 'ironbank' }]);
    expect(values.server.resources).toEqual({ requests: { cpu: '250m', memory: '256Mi' }, limits: { memory: '1Gi' } });
    expect(values.server.dataStorage).toEqual({ size: '20Gi', storageClass: 'gp3' });
    expect(values.server.auditStorage).toEqual({ enabled: true, size: '5Gi' });
    expect(values.server.statefulSet.securityContext).toEqual({
      pod: { runAsNonRoot: true, runAsGroup: 1000, runAsUser: 65532, fsGroup: 1000, seccompProfile: { type: 'RuntimeDefault' } },
      container: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
    });
    expect([values.server.logLevel, values.server.logFormat, values.injector.enabled]).toEqual(['warn', 'json', true]);
    expect(values.server.ha.replicas).toBe(5);
    expect(values.server.ha.disruptionBudget).toEqual({ maxUnavailable: 1 });
    expect(values.server.ha.raft.config).toContain('tls_cert_file = "/vault/userconfig/vault-server-tls/cert.pem"');
    expect(values.server.extraEnvironmentVars).toEqual({ VAULT_CACERT: '/vault/userconfig/vault-server-tls/ca.pem' });
  });

  test('no TLS and no lab opt-in is an error', () => {
    // GIVEN / WHEN / THEN
    expect(() => new VaultHelmRelease(newStack(), 'Vault', { values: {} })).toThrow(
      '[test/Vault] values.tls: received undefined. Allowed: TLS on the listener (a Secret with the server certificate), or allowInsecureHttp: true for a local lab. ' +
      'Fix: create a TLS Secret (for example with cert-manager) and pass values.tls: { secretName }, or set values.allowInsecureHttp: true for a throw-away lab.');
  });

  test('TLS and the lab opt-in together is an error', () => {
    // GIVEN / WHEN / THEN
    expect(() => new VaultHelmRelease(newStack(), 'Vault', { values: { tls: { secretName: 'vault-tls' }, allowInsecureHttp: true } })).toThrow(
      '[test/Vault] values.tls: received "vault-tls". Allowed: values.tls or values.allowInsecureHttp, not both. Fix: drop allowInsecureHttp: the listener serves TLS.');
  });

  test('weakening the security contexts is rejected like the ESO release does', () => {
    // GIVEN / WHEN / THEN
    expect(() => new VaultHelmRelease(newStack(), 'Vault', { values: { allowInsecureHttp: true, podSecurityContext: { runAsUser: 0 } } })).toThrow(
      '[test/Vault] values.podSecurityContext.runAsUser: received 0. Allowed: a non-zero user ID (the charts never run as root). ' +
      'Fix: keep the chart\'s hardened default (omit the field); if you accept the risk, set it through extraValues, which is not checked.');
    expect(() => new VaultHelmRelease(newStack(), 'Vault', { values: { allowInsecureHttp: true, containerSecurityContext: { allowPrivilegeEscalation: true } } })).toThrow(
      '[test/Vault] values.containerSecurityContext.allowPrivilegeEscalation: received true. Allowed: false (or unset).');
  });

  test('invalid replicas, TLS secret and pull secret names are rejected', () => {
    // GIVEN / WHEN / THEN
    expect(() => new VaultHelmRelease(newStack(), 'Vault', { values: { allowInsecureHttp: true, replicas: 0 } })).toThrow(
      '[test/Vault] values.replicas: received 0. Allowed: an integer of 1 or more. Fix: pass a whole number of at least 1.');
    expect(() => new VaultHelmRelease(newStack(), 'Vault', { values: { tls: { secretName: 'Vault_TLS' } } })).toThrow(
      '[test/Vault] values.tls.secretName: received "Vault_TLS". Allowed: a DNS-1123 subdomain');
    expect(() => new VaultHelmRelease(newStack(), 'Vault', { values: { allowInsecureHttp: true, imagePullSecrets: ['A'] } })).toThrow(
      '[test/Vault] values.imagePullSecrets[0]: received "A".');
  });
  test('fails on extraValues the chart schema rejects', () => {
    expect(() => new VaultHelmRelease(newStack(), 'Vault', { values: { tls: { secretName: 'vault-tls' } }, extraValues: { server: { ha: { replicas: '3' } } } })).toThrow(
      '[test/Vault] extraValues: received values that chart vault 0.34.1 rejects: /server/ha/replicas must be integer. '
      + 'Allowed: values valid against the values.schema.json of chart vault 0.34.1 (helm install and upgrade refuse any other). '
      + 'Fix: correct or remove the listed keys (for a release: in extraValues, or the typed prop that renders them).');
  });
});

describe('VaultHelmRelease tied to the declared server', () => {
  function server(address: string, allowInsecureHttp = false) {
    const d = new SecretsDeclaration({ name: 'lab' });
    return d.addVaultServer('in-cluster', { address, allowInsecureHttp });
  }

  test.each([
    ['https://vault.vault:8200', true],
    ['https://vault-active.vault.svc:8200', true],
    ['https://vault.vault.svc.cluster.local:8200/', true],
    ['http://vault.vault:8200', false],
  ])('accepts %s', (address, tls) => {
    const stack = newStack();
    const release = new VaultHelmRelease(stack, 'Vault', {
      server: server(address, !tls), values: tls ? { tls: { secretName: 'vault-tls' } } : { allowInsecureHttp: true },
    });
    expect(release.serverAddress).toBe(`${tls ? 'https' : 'http'}://vault.vault:8200`);
  });

  test('refuses a declared address the release does not serve (scheme, service or namespace), naming both sides', () => {
    expect(() => new VaultHelmRelease(newStack(), 'Vault', { server: server('http://vault.vault:8200', true), values: { tls: { secretName: 'vault-tls' } } }))
      .toThrow('[test/Vault] server: received "http://vault.vault:8200". Allowed: the address this release serves, as vaultServers/in-cluster declares it for the stores: '
        + '"https://vault.vault:8200", "https://vault.vault.svc:8200", "https://vault.vault.svc.cluster.local:8200", "https://vault-active.vault:8200", '
        + '"https://vault-active.vault.svc:8200", "https://vault-active.vault.svc.cluster.local:8200". Fix: set address: "https://vault.vault:8200" on vaultServers/in-cluster '
        + '(https:// with values.tls, http:// with allowInsecureHttp on both), or change releaseName, namespace or values.tls here.');
    expect(() => new VaultHelmRelease(newStack(), 'Vault', { server: server('https://vault.secrets:8200'), namespace: 'vault', values: { tls: { secretName: 'vault-tls' } } }))
      .toThrow('[test/Vault] server: received "https://vault.secrets:8200".');
    expect(() => new VaultHelmRelease(newStack(), 'Vault', { server: server('https://vault.example.com'), values: { tls: { secretName: 'vault-tls' } } }))
      .toThrow('[test/Vault] server: received "https://vault.example.com".');
  });
});
