/**
 * CES-HARD-1 and CES-HARD-2: Helm values that undo the hardening of a workload (the ESO controller,
 * webhook and cert controller, Reloader, Vault, its injector and CSI provider). Every chart names its
 * security contexts `securityContext`, `containerSecurityContext` or `podSecurityContext` and its host
 * namespaces `hostNetwork` / `hostPID` / `hostIPC`, so one walk over the values covers every chart and
 * every component, whatever the `extraValues` escape hatch puts where.
 */
import { RuleCategory } from '../rule';
import { OutputFinding, OutputRule, walkValues } from './output-rule';

export const workloadPrivilege: OutputRule = {
  id: 'CES-HARD-1',
  category: RuleCategory.HARDENING,
  title: 'No release runs a container as root, privileged, with privilege escalation, added capabilities or a writable root filesystem',
  acknowledgeable: true,
};

export const workloadHostNamespace: OutputRule = {
  id: 'CES-HARD-2',
  category: RuleCategory.HARDENING,
  title: 'No release shares the node\'s network, process or IPC namespace',
  acknowledgeable: true,
};

const SECURITY_CONTEXT = /^(securityContext|containerSecurityContext|podSecurityContext)$/;

/** What each weakening setting undoes, by key inside a security context. */
function weakening(key: string, value: unknown): string | undefined {
  switch (key) {
    case 'runAsUser': return value === 0 ? 'runs as root (user 0)' : undefined;
    case 'runAsGroup': return value === 0 ? 'runs with group root (0)' : undefined;
    case 'runAsNonRoot': return value === false ? 'allows running as root' : undefined;
    case 'privileged': return value === true ? 'runs privileged (every device and capability of the node)' : undefined;
    case 'allowPrivilegeEscalation': return value === true ? 'allows privilege escalation (setuid binaries)' : undefined;
    case 'readOnlyRootFilesystem': return value === false ? 'makes the root filesystem writable' : undefined;
    case 'add': return Array.isArray(value) && value.length > 0 ? 'adds Linux capabilities' : undefined;
    default: return undefined;
  }
}

/**
 * The hardening a values tree undoes (CES-HARD-1, CES-HARD-2), for any chart.
 * @param path construct path, for messages
 * @param prop the prop holding the values (`extraValues`, `values`)
 */
export function checkWorkloadHardening(path: string, values: unknown, prop = 'values'): OutputFinding[] {
  const findings: OutputFinding[] = [];
  for (const node of walkValues(values)) {
    if (/^host(Network|PID|IPC)$/.test(node.key) && node.value === true) {
      findings.push({
        rule: workloadHostNamespace,
        violation: {
          path, prop: `${prop}.${node.path}`, value: true, subject: node.path,
          allowed: `false: a pod in the node's ${node.key.slice(4).toLowerCase()} namespace sees every pod of the node (and, with hostNetwork, the cloud metadata endpoint and its credentials)`,
          fix: `remove ${node.path} from ${prop}`,
        },
      });
      continue;
    }
    if (SECURITY_CONTEXT.test(node.key) && node.value === null) {
      findings.push({
        rule: workloadPrivilege,
        violation: {
          path, prop: `${prop}.${node.path}`, value: null, subject: node.path,
          allowed: 'a security context (null removes the chart\'s and the library\'s: no runAsNonRoot, no dropped capabilities, a writable root filesystem)',
          fix: `remove ${node.path} from ${prop}, or set only the fields you need to change`,
        },
      });
      continue;
    }
    const inContext = node.path.split(/[.[]/).some((segment) => SECURITY_CONTEXT.test(segment));
    const why = inContext ? weakening(node.key, node.value) : undefined;
    if (why !== undefined) {
      findings.push({
        rule: workloadPrivilege,
        violation: {
          path, prop: `${prop}.${node.path}`, value: node.value, subject: node.path,
          allowed: `the hardened default: this setting ${why}, which a compromise of the container turns into a compromise of the node`,
          fix: `remove ${node.path} from ${prop}`,
        },
      });
    }
  }
  return findings;
}
