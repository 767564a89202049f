/**
 * CES-SM-4: no private key of a SOPS recipient in any output. The key that decrypts a cluster's
 * SOPS-encrypted files (age `AGE-SECRET-KEY-1…`, a PGP or PEM private key block) belongs only in the
 * decrypting controller's Secret, created out of band; in `.sops.yaml`, a manifest, Helm values or a
 * package it decrypts every file of the cluster for whoever reads the repository.
 */
import { DescribedValue } from '../../errors/format';
import { RuleCategory } from '../rule';
import { OutputFinding, OutputRule, walkValues } from './output-rule';

export const privateKeyInOutput: OutputRule = {
  id: 'CES-SM-4',
  category: RuleCategory.SECRET_MATERIAL,
  title: 'No private key of a SOPS recipient (age, PGP, PEM) in any emitted file',
  acknowledgeable: false,
};

/** The kinds of private key this rule recognises, by the text that marks them. */
const PRIVATE_KEY_MARKERS: ReadonlyArray<readonly [RegExp, string]> = [
  [/AGE-SECRET-KEY-1[0-9A-Z]{20,}/, 'an age private key (AGE-SECRET-KEY-1…)'],
  [/-----BEGIN PGP PRIVATE KEY BLOCK-----/, 'a PGP private key block'],
  [/-----BEGIN (?:[A-Z0-9]+ )?PRIVATE KEY-----/, 'a PEM private key'],
];

/** What kind of private key a text holds, or undefined. */
export function privateKeyKind(text: string): string | undefined {
  return PRIVATE_KEY_MARKERS.find(([marker]) => marker.test(text))?.[1];
}

/**
 * Private keys anywhere in a tree of emitted values (CES-SM-4). The message names the kind, never the key.
 * @param path construct path, for messages
 * @param tree the emitted document(s)
 * @param prop the prop or file holding the tree
 */
export function checkPrivateKeyMaterial(path: string, tree: unknown, prop: string): OutputFinding[] {
  const findings: OutputFinding[] = [];
  const nodes = typeof tree === 'string' ? [{ path: '', value: tree as unknown }] : [...walkValues(tree)];
  for (const node of nodes) {
    const kind = typeof node.value === 'string' ? privateKeyKind(node.value) : undefined;
    if (kind !== undefined) {
      findings.push({
        rule: privateKeyInOutput,
        violation: {
          path, prop: node.path === '' ? prop : `${prop}.${node.path}`, value: new DescribedValue(kind), subject: node.path || prop,
          allowed: 'public keys and key references only: a private key in emitted files decrypts every SOPS file of the cluster for whoever reads them',
          fix: 'create the decryption key as a Secret in the cluster out of band (kubectl create secret generic sops-age --from-file=age.agekey) and keep only its public recipient (age1…) in the declaration',
        },
      });
    }
  }
  return findings;
}
