/**
 * CES-HARD-3..6: values of the `vault` chart that leave a Vault server unsafe: dev mode (in-memory,
 * unsealed, a known root token), TLS off on a real server, a raft cluster that tolerates no failure,
 * an injector or CSI provider talking to Vault over plain HTTP.
 */
import { RuleCategory } from '../rule';
import { OutputFinding, OutputRule, valueAt, walkValues } from './output-rule';
import { checkWorkloadHardening } from './workload-hardening';

export const vaultDevMode: OutputRule = {
  id: 'CES-HARD-3',
  category: RuleCategory.HARDENING,
  title: 'No Vault release runs in dev mode (in memory, unsealed, root token in the pod)',
  acknowledgeable: true,
};

export const vaultTlsDisabled: OutputRule = {
  id: 'CES-HARD-4',
  category: RuleCategory.HARDENING,
  title: 'No Vault server (outside dev mode) serves without TLS, and no injector or CSI provider reaches Vault over http://',
  acknowledgeable: true,
};

export const vaultRaftQuorum: OutputRule = {
  id: 'CES-HARD-5',
  category: RuleCategory.HARDENING,
  title: 'A Vault raft cluster has an odd number of replicas, at least 3 (one failure tolerated)',
  acknowledgeable: true,
};

/**
 * What a `vault` chart values tree leaves unsafe (CES-HARD-1..5).
 * @param path construct path, for messages
 * @param values the merged values given to Helm
 * @param prop the prop to blame (`extraValues` when the escape hatch is used, else `values`)
 */
export function checkVaultValuesHardening(path: string, values: unknown, prop = 'values'): OutputFinding[] {
  const findings = checkWorkloadHardening(path, values, prop);
  const dev = valueAt(values, 'server.dev.enabled') === true;
  if (dev) {
    findings.push({
      rule: vaultDevMode,
      violation: {
        path, prop: `${prop}.server.dev.enabled`, value: true, subject: 'server.dev.enabled',
        allowed: 'false: a dev-mode server keeps secrets in memory, starts unsealed and prints its root token; every restart loses every secret',
        fix: 'remove server.dev.enabled (the release runs raft with TLS)',
      },
    });
  }
  if (!dev && valueAt(values, 'global.tlsDisable') === true) {
    findings.push({
      rule: vaultTlsDisabled,
      violation: {
        path, prop: `${prop}.global.tlsDisable`, value: true, subject: 'global.tlsDisable',
        allowed: 'TLS on the listener: without it tokens and secret values cross the network in clear text',
        fix: 'give the release values.tls ({ secretName }) with a certificate for the service',
      },
    });
  }
  for (const node of walkValues(values)) {
    if (/(^|\.)(externalVaultAddr|vaultAddr|address)$/.test(node.path) && typeof node.value === 'string' && /^http:\/\//i.test(node.value.trim())
      && /^(global|injector|csi)\b/.test(node.path)) {
      findings.push({
        rule: vaultTlsDisabled,
        violation: {
          path, prop: `${prop}.${node.path}`, value: 'an http:// address', subject: node.path,
          allowed: 'an https:// Vault address: the injector and CSI provider send service account tokens and receive secrets over it',
          fix: `set ${node.path} to the https:// address of the Vault service`,
        },
      });
    }
  }
  if (!dev && valueAt(values, 'server.ha.enabled') === true && valueAt(values, 'server.ha.raft.enabled') === true) {
    const replicas = valueAt(values, 'server.ha.replicas');
    if (typeof replicas === 'number' && (replicas < 3 || replicas % 2 === 0)) {
      findings.push({
        rule: vaultRaftQuorum,
        violation: {
          path, prop: `${prop}.server.ha.replicas`, value: replicas, subject: 'server.ha.replicas',
          allowed: `an odd number of raft replicas, at least 3: ${replicas} replicas need ${Math.floor(replicas / 2) + 1} for a quorum and tolerate ${Math.floor((replicas - 1) / 2)} failure(s)`,
          fix: 'set replicas to 3 or 5',
        },
      });
    }
  }
  return findings;
}
