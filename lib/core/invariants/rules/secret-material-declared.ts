/**
 * CES-SM-1: no credential-looking literal in declared text that reaches YAML, Terraform JSON or state:
 * the declaration's tags, every secret's tags, labels and description, ExternalSecret template data,
 * labels and annotations (their literal parts, outside `{{ … }}` actions), and dynamic-secret paths.
 * One walk over the declaration covers every route, whichever prop carries the text.
 */
import { DescribedValue } from '../../errors/format';
import { credentialReason } from '../../validation';
import { PlanRule, RuleCategory, RuleViolation } from '../rule';

type TextMap = Readonly<Record<string, string>> | undefined;

/** `[prop, key, value]` of every string of a map, prefixed. */
function entries(prop: string, map: TextMap): Array<[string, string, string]> {
  return Object.entries(map ?? {}).filter(([, v]) => typeof v === 'string').map(([k, v]) => [`${prop}.${k}`, k, v]);
}

/** The violation for a credential-looking literal (shared with the constructs of `/k8s`); never echoes the value. */
export function secretMaterialViolation(path: string, prop: string, why: string, subject: string): RuleViolation {
  return {
    path, prop, value: new DescribedValue(`a literal (${why})`), subject,
    allowed: 'no credential: this text is written to YAML in Git or to Terraform JSON and state in plain text',
    fix: 'keep the credential in the secret store and reference it through an ExternalSecret (in templates, through {{ .key }})',
  };
}

export const secretMaterialDeclared: PlanRule = {
  id: 'CES-SM-1',
  category: RuleCategory.SECRET_MATERIAL,
  title: 'No credential-looking literal in declared tags, labels, descriptions, templates or paths (they reach Git and Terraform state)',
  acknowledgeable: false,
  *check({ declaration }): Iterable<RuleViolation> {
    const texts: Array<[path: string, prop: string, key: string, value: string]> = [];
    for (const [prop, key, value] of entries('tags', declaration.tags)) {
      texts.push([declaration.name, prop, key, value]);
    }
    for (const secret of declaration.secrets) {
      const s = secret as { readonly tags?: TextMap; readonly labels?: TextMap; readonly description?: string };
      const path = declaration.pathOf('secrets', secret.id);
      for (const [prop, key, value] of [...entries('tags', s.tags), ...entries('labels', s.labels)]) {
        if (declaration.tags[key] !== value) { // inherited declaration tags are reported once, at the declaration
          texts.push([path, prop, key, value]);
        }
      }
      if (typeof s.description === 'string') {
        texts.push([path, 'description', 'description', s.description]);
      }
    }
    for (const es of declaration.externalSecrets) {
      const path = declaration.pathOf('externalSecrets', es.id);
      for (const kind of ['data', 'labels', 'annotations'] as const) {
        for (const [prop, key, value] of entries(`template.${kind}`, es.template?.[kind])) {
          texts.push([path, prop, key, value]);
        }
      }
      es.dynamicSecrets.forEach((d, i) => texts.push([path, `dynamicSecrets[${i}].path`, 'path', d.path]));
    }
    for (const [path, prop, key, value] of texts) {
      const why = credentialReason(key, value);
      if (why !== undefined) {
        yield secretMaterialViolation(path, prop, why, `${path}/${prop}`);
      }
    }
  },
};
