import {
  checkEsoReleaseHardening, checkReloaderReleaseHardening, checkVaultReleaseHardening, ExternalSecretsOperatorRelease, ReloaderHelmRelease, VaultHelmRelease,
} from '../../lib/helm';
import { enforceOutputRules } from '../../lib/core';
import { newStack, synth } from './synth';

const TLS = { tls: { secretName: 'vault-tls' } };

describe('Helm release hardening (CES-HARD-1..5, CES-SM-2)', () => {
  test('extraValues running ESO as root with privilege escalation fails at the first weakening, with the rule and how to acknowledge', () => {
    expect(() => new ExternalSecretsOperatorRelease(newStack(), 'Eso', {
      extraValues: { securityContext: { runAsUser: 0, allowPrivilegeEscalation: true } },
    })).toThrow('[test/Eso] extraValues.securityContext.runAsUser: received 0. Allowed: the hardened default: this setting runs as root (user 0), which a compromise of the '
      + 'container turns into a compromise of the node. Fix: remove securityContext.runAsUser from extraValues (rule CES-HARD-1; or, if the exception is intended, '
      + 'add { ruleId: \'CES-HARD-1\', reason: \'…\', appliesTo: [\'securityContext.runAsUser\'] } to the construct\'s acknowledgements).');
  });

  test('every weakening of every component is found: privileged webhook, added capabilities, writable root, null context, host namespaces', () => {
    const findings = checkEsoReleaseHardening({
      webhook: { securityContext: { privileged: true, capabilities: { add: ['NET_ADMIN'] } }, hostNetwork: true },
      certController: { securityContext: { readOnlyRootFilesystem: false, runAsNonRoot: false } },
      podSecurityContext: null,
      hostPID: true,
      replicaCount: 0,
    });
    expect(findings.map((f) => `${f.rule.id} ${f.violation.subject}`)).toEqual([
      'CES-HARD-1 webhook.securityContext.privileged',
      'CES-HARD-1 webhook.securityContext.capabilities.add',
      'CES-HARD-2 webhook.hostNetwork',
      'CES-HARD-1 certController.securityContext.readOnlyRootFilesystem',
      'CES-HARD-1 certController.securityContext.runAsNonRoot',
      'CES-HARD-1 podSecurityContext',
      'CES-HARD-2 hostPID',
    ]);
    expect(checkReloaderReleaseHardening({ reloader: { deployment: { containerSecurityContext: { allowPrivilegeEscalation: true } } } })
      .map((f) => f.violation.subject)).toEqual(['reloader.deployment.containerSecurityContext.allowPrivilegeEscalation']);
    expect(checkEsoReleaseHardening({ securityContext: { runAsUser: 1000, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } } })).toEqual([]);
  });

  test('an acknowledged exception passes and is written to the release description; a bad acknowledgement is refused', () => {
    const stack = newStack();
    new ReloaderHelmRelease(stack, 'Reloader', {
      extraValues: { reloader: { deployment: { hostNetwork: true } } },
      acknowledgements: [{ ruleId: 'CES-HARD-2', reason: 'CNI without pod networking on this edge node', appliesTo: ['reloader.deployment.hostNetwork'] }],
    });
    expect(JSON.stringify(synth(stack))).toContain('"description":"Acknowledged: CES-HARD-2 reloader.deployment.hostNetwork: CNI without pod networking on this edge node"');
    expect(() => new ReloaderHelmRelease(newStack(), 'R', { acknowledgements: [{ ruleId: 'CES-HARD-2', reason: 'ok' }] }))
      .toThrow('[test/R/acknowledgements/0] reason: received "ok". Allowed: a reason of at least 10 characters.');
    expect(() => new ReloaderHelmRelease(newStack(), 'R', { acknowledgements: [{ ruleId: 'CES-SM-3', reason: 'a plain Secret is fine here' }] }))
      .toThrow('[test/R/acknowledgements/0] ruleId: received "CES-SM-3". Allowed: an acknowledgeable rule; this rule has no legitimate exception.');
  });

  test('Vault: dev mode, TLS off on a real server, an even raft, an http injector address', () => {
    expect(() => new VaultHelmRelease(newStack(), 'Vault', { values: TLS, extraValues: { server: { dev: { enabled: true } } } }))
      .toThrow('[test/Vault] extraValues.server.dev.enabled: received true. Allowed: false: a dev-mode server keeps secrets in memory, starts unsealed and prints its root token; '
        + 'every restart loses every secret. Fix: remove server.dev.enabled (the release runs raft with TLS) (rule CES-HARD-3;');
    expect(() => new VaultHelmRelease(newStack(), 'Vault', { values: TLS, extraValues: { global: { tlsDisable: true } } }))
      .toThrow('[test/Vault] extraValues.global.tlsDisable: received true. Allowed: TLS on the listener: without it tokens and secret values cross the network in clear text. '
        + 'Fix: give the release values.tls ({ secretName }) with a certificate for the service (rule CES-HARD-4;');
    expect(() => new VaultHelmRelease(newStack(), 'Vault', { values: { ...TLS, replicas: 4 } }))
      .toThrow('[test/Vault] values.server.ha.replicas: received 4. Allowed: an odd number of raft replicas, at least 3: 4 replicas need 3 for a quorum and tolerate 1 failure(s).');
    expect(checkVaultReleaseHardening({ injector: { externalVaultAddr: 'http://vault.vault:8200' }, global: { externalVaultAddr: 'https://vault.vault:8200' } })
      .map((f) => `${f.rule.id} ${f.violation.subject} ${String(f.violation.value)}`)).toEqual(['CES-HARD-4 injector.externalVaultAddr an http:// address']);
    // a dev cluster's dev-mode Vault, acknowledged: TLS off and raft are not reported on a dev server
    const dev = checkVaultReleaseHardening({ server: { dev: { enabled: true }, ha: { enabled: true, raft: { enabled: true }, replicas: 1 } }, global: { tlsDisable: true } });
    expect(enforceOutputRules(dev, [{ ruleId: 'CES-HARD-3', reason: 'kind cluster for local development' }]).acknowledged.map((f) => f.rule.id)).toEqual(['CES-HARD-3']);
  });

  test('a credential in extraValues is refused (CES-SM-2) without echoing it', () => {
    const leak = 'AKIA' + 'ABCDEFGHIJKLMNOP';
    let message = '';
    try {
      new ExternalSecretsOperatorRelease(newStack(), 'Eso', { extraValues: { podAnnotations: { 'deployed-with': leak } } });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe('[test/Eso] extraValues.podAnnotations.deployed-with: received a literal (it contains an AWS access key ID). Allowed: no credential: Helm values are '
      + 'stored in plain text in Terraform state and in the package, manifests in Git. Fix: deliver the credential with an ExternalSecret and reference the Kubernetes Secret '
      + 'it creates (existingSecret, envFrom, a volume) (rule CES-SM-2; or, if the exception is intended, add { ruleId: \'CES-SM-2\', reason: \'…\', '
      + 'appliesTo: [\'podAnnotations.deployed-with\'] } to the construct\'s acknowledgements).');
  });
});
