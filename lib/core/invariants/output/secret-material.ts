/**
 * CES-SM-2 and CES-SM-3: secret material in emitted files. Helm values end up in Terraform state
 * (`helm_release.values`) and in Zarf packages (`values/*.yaml`); package manifests are committed and
 * copied into the air gap. A credential there is readable by everyone who reads the repository, the
 * state or the package.
 */
import { credentialReason } from '../../validation';
import { DescribedValue } from '../../errors/format';
import { RuleCategory } from '../rule';
import { OutputFinding, OutputRule, walkValues } from './output-rule';

export const credentialInValues: OutputRule = {
  id: 'CES-SM-2',
  category: RuleCategory.SECRET_MATERIAL,
  title: 'No credential-looking literal in Helm values or package files (they reach Terraform state, Git and the package)',
  acknowledgeable: true,
};

export const plainSecretManifest: OutputRule = {
  id: 'CES-SM-3',
  category: RuleCategory.SECRET_MATERIAL,
  title: 'No Kubernetes Secret with data in a package\'s manifests (deliver it with an ExternalSecret)',
  acknowledgeable: false,
};

/**
 * Credential-looking literals in a values tree or manifest (CES-SM-2). The message describes what
 * was found, never the value.
 * @param path construct path, for messages
 * @param prop the prop holding the tree
 */
export function checkSecretMaterial(path: string, tree: unknown, prop = 'values'): OutputFinding[] {
  const findings: OutputFinding[] = [];
  let arrayItemName: string | undefined;
  for (const node of walkValues(tree)) {
    if (typeof node.value === 'object' && node.value !== null && !Array.isArray(node.value)) {
      const name = (node.value as { name?: unknown }).name;
      arrayItemName = typeof name === 'string' ? name : undefined;
    }
    if (typeof node.value !== 'string') {
      continue;
    }
    // `env: [{ name: DB_PASSWORD, value: … }]`: the entry's name is the key.
    const key = node.key === 'value' && arrayItemName !== undefined ? arrayItemName : node.key;
    const why = credentialReason(key, node.value);
    if (why !== undefined) {
      findings.push({
        rule: credentialInValues,
        violation: {
          path, prop: `${prop}.${node.path}`, value: new DescribedValue(`a literal (${why})`), subject: node.path,
          allowed: 'no credential: Helm values are stored in plain text in Terraform state and in the package, manifests in Git',
          fix: 'deliver the credential with an ExternalSecret and reference the Kubernetes Secret it creates (existingSecret, envFrom, a volume)',
        },
      });
    }
  }
  return findings;
}

/**
 * Kubernetes `Secret` objects with `data` or `stringData` among manifests (CES-SM-3), and the
 * credential-looking literals of every other object (CES-SM-2).
 * @param path construct path, for messages
 * @param objects the manifests
 * @param prop the prop holding them
 */
export function checkManifestSecretMaterial(path: string, objects: readonly unknown[], prop = 'objects'): OutputFinding[] {
  const findings: OutputFinding[] = [];
  objects.forEach((object, i) => {
    const o = (object ?? {}) as { kind?: unknown; apiVersion?: unknown; metadata?: { name?: unknown }; data?: unknown; stringData?: unknown };
    const isSecret = o.kind === 'Secret' && (o.apiVersion === 'v1' || o.apiVersion === undefined);
    const filled = (v: unknown): boolean => v !== null && typeof v === 'object' && Object.keys(v).length > 0;
    if (isSecret && (filled(o.data) || filled(o.stringData))) {
      const name = typeof o.metadata?.name === 'string' ? o.metadata.name : `#${i}`;
      findings.push({
        rule: plainSecretManifest,
        violation: {
          path, prop: `${prop}[${i}]`, value: new DescribedValue(`Secret "${name}" with data`), subject: `Secret/${name}`,
          allowed: 'no Secret values in a manifest: a package and its Git repository are read by more people than the Secret',
          fix: 'remove the Secret and declare an ExternalSecret that creates it in the cluster from the secret store',
        },
      });
      return;
    }
    findings.push(...checkSecretMaterial(path, object, `${prop}[${i}]`));
  });
  return findings;
}
