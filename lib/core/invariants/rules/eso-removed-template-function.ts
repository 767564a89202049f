/**
 * CES-ESO-4: templates call only functions of ESO's template engine v2. The v1 functions were removed or
 * renamed (docs/guides/templating.md "Functions removed/replaced", v2.9.0: `base64encode`, `base64decode`,
 * `fromJSON`, `toJSON`, `toBytes`, `pemPrivateKey`, `pemCertificate`), and sprig's `env`/`expandenv` are
 * removed from the function map (runtime/template/v2/template.go): the template fails to parse with
 * "function not defined" and the Secret is never written.
 */
import { PlanRule, RuleCategory, RuleViolation } from '../rule';

/** Removed functions, with what replaces them. */
export const REMOVED_TEMPLATE_FUNCTIONS: ReadonlyMap<string, string> = new Map([
  ['base64encode', 'b64enc'], ['base64decode', 'b64dec'], ['fromJSON', 'fromJson'], ['toJSON', 'toJson'],
  ['toBytes', 'nothing (values are strings)'], ['pemPrivateKey', 'pkcs12key (already PEM)'], ['pemCertificate', 'pkcs12cert (already PEM)'],
  ['env', 'nothing (the controller\'s environment is not readable)'], ['expandenv', 'nothing (the controller\'s environment is not readable)'],
]);

/** The first removed function a template calls, or undefined. */
export function removedTemplateFunction(template: string): string | undefined {
  for (const action of template.match(/\{\{[\s\S]*?\}\}/g) ?? []) {
    const body = action.replace(/"(?:[^"\\]|\\.)*"|`[^`]*`/g, '""');
    for (const word of body.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []) {
      if (REMOVED_TEMPLATE_FUNCTIONS.has(word) && !new RegExp(`\\.${word}\\b`).test(body)) {
        return word;
      }
    }
  }
  return undefined;
}

/** The violation for a template calling `fn` (shared with the ExternalSecret constructs of `/k8s`). */
export function removedTemplateFunctionViolation(path: string, prop: string, fn: string, subject: string): RuleViolation {
  return {
    path, prop, value: `a template calling ${fn}`, subject,
    allowed: `functions of ESO's template engine v2: ${fn} was removed, the template fails to render and the Secret is never written`,
    fix: `use ${REMOVED_TEMPLATE_FUNCTIONS.get(fn)}`,
  };
}

export const esoRemovedTemplateFunction: PlanRule = {
  id: 'CES-ESO-4',
  category: RuleCategory.ESO_SEMANTICS,
  title: 'Templates call no function ESO\'s template engine v2 removed (base64decode, toJSON, pemPrivateKey, env, …)',
  acknowledgeable: false,
  *check({ declaration }): Iterable<RuleViolation> {
    for (const es of declaration.externalSecrets) {
      const template = es.template;
      for (const [kind, map] of [['data', template?.data], ['labels', template?.labels], ['annotations', template?.annotations]] as const) {
        for (const [key, value] of Object.entries(map ?? {})) {
          const fn = removedTemplateFunction(value);
          if (fn !== undefined) {
            yield removedTemplateFunctionViolation(declaration.pathOf('externalSecrets', es.id), `template.${kind}.${key}`, fn, `${es.id}/${kind}/${key}`);
          }
        }
      }
    }
  },
};
