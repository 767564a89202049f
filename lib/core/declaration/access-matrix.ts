import { auditCoverage } from './audit';
import { backendModel, backendModelOfSecret } from './backends';
import { auditDeclaration } from '../invariants/engine';
import { PLAN_RULES } from '../invariants/rules';
import { rotationOf } from '../invariants/rules/eso-semantics';
import { grantsNothing, type IdentityPlan } from './plan-types';
import type { SecretsDeclaration } from './declaration';

/**
 * A human-readable access matrix of a declaration (Markdown, with a Mermaid diagram), for reviewers
 * who do not read IAM JSON: namespace → ExternalSecret → store → identity → secrets → actions, and
 * per identity what it trusts and may do. Derived from the same plan the renderers use.
 */
export function renderAccessMatrix(declaration: SecretsDeclaration): string {
  const plan = declaration.plan();
  const lines: string[] = [`# Access matrix: ${declaration.name}`, ''];

  lines.push('## Who reads what', '', '| cluster | namespace | ExternalSecret → Secret | store | identity | secrets |', '|---|---|---|---|---|---|');
  for (const es of declaration.externalSecrets) {
    for (const cluster of declaration.clustersOf(es)) {
      const identity = plan.identityFor(es.store, cluster, es.namespace);
      const secrets = [...es.data.map((d) => d.secret), ...es.extract.map((e) => e.secret)];
      const names = [...new Set(secrets.map((s) => code(s.name)))];
      es.find.forEach((f) => names.push(`find ${code(describeFind(f))}`));
      lines.push(`| ${cluster.id} | ${es.namespace} | ${es.name} → ${es.targetSecretName} | ${es.store.name} | ${principalOf(identity)} | ${names.join(', ')} |`);
    }
  }

  lines.push('', '## Identities', '', '| identity | mechanism | trusted service account | on clusters | may read | may write |', '|---|---|---|---|---|---|');
  for (const identity of plan.identities) {
    const wording = backendModel(identity.provider).wording;
    const reads = identity.reads.map((s) => `${code(s.name)} (${wording.readActions(s)}${wording.decryptNote(s)})`);
    for (const use of identity.finds) {
      const listing = wording.findListing(use.store);
      reads.push(`find ${code(describeFind(use.find))}: ${listing}${use.matched.map((s) => code(s.name)).join(', ') || 'no declared secret'}`);
    }
    identity.dynamicSecrets.forEach((d) => reads.push(`dynamic secret ${code(d.name)} from ${code(d.path)}`));
    if (identity.chainedRoles.length > 0) {
      reads.push(`sts:AssumeRole on ${identity.chainedRoles.map(code).join(', ')}, whose own policy must grant ${identity.chainedReads.map((s) => code(s.name)).join(', ') || 'the writes'}`);
    }
    const writes = identity.pushes.map((p) => `${code(p.destination.name)} (${backendModelOfSecret(p.destination.backend).wording.pushActions(p.destination)})`);
    const readCell = grantsNothing(identity) ? 'nothing: unused (no ExternalSecret or PushSecret uses its stores yet)' : reads.join('<br>') || 'nothing';
    lines.push(`| ${principalOf(identity)} | ${wording.mechanism(identity.kind)} | ${identity.serviceAccount.namespace}:${identity.serviceAccount.name} | ` +
      `${identity.clusters.map((c) => c.id).join(', ')} | ${readCell} | ${writes.join('<br>') || 'nothing'} |`);
  }

  const formed = plan.identities.filter((identity) => identity.policyForm !== undefined);
  if (formed.length > 0) {
    // The grant form the plan chose per identity (smallest exact form within the cloud's quotas), and why.
    lines.push('', '## Grant forms', '', '| identity | form | why |', '|---|---|---|');
    formed.forEach((identity) => lines.push(`| ${principalOf(identity)} | ${identity.policyForm!.form} | ${markdownCell(identity.policyForm!.reason)} |`));
  }

  const runtime = runtimeRows(declaration);
  if (runtime.length > 0) {
    lines.push('', '## Outside Kubernetes', '', '| principal | runs as | tenant | may read | may write |', '|---|---|---|---|---|', ...runtime);
  }

  if (declaration.tenants.length > 0) {
    lines.push('', '## Tenants', '', '| tenant | namespaces | groups (RBAC: manage ExternalSecrets there) | stores | identities | owned secrets |', '|---|---|---|---|---|---|');
    for (const tenant of declaration.tenants) {
      const consumers = [...declaration.externalSecrets, ...declaration.pushSecrets].filter((c) => tenant.namespaces.includes(c.namespace));
      const stores = [...new Set(consumers.map((c) => c.store.name))].sort();
      const identities = [...new Set(consumers.flatMap((c) => declaration.clustersOf(c).map((cluster) => principalOf(plan.identityFor(c.store, cluster, c.namespace)))))].sort();
      lines.push(`| ${tenant.id} | ${tenant.namespaces.join(', ')} | ${tenant.groups.join(', ')} | ${stores.join(', ') || 'none'} | `
        + `${identities.join('<br>') || 'none'} | ${tenant.secrets.map((s) => code(s.name)).join(', ') || 'none'} |`);
    }
  }

  const trail = declaration.audit;
  if (trail !== undefined) {
    // Declared once, covered per backend in use: where every read by an ESO identity is logged.
    lines.push('', '## Audit trail', '', '| backend | reads land in | recorded |', '|---|---|---|');
    for (const coverage of auditCoverage(declaration, trail, `${declaration.name}/auditTrail`)) {
      lines.push(`| ${coverage.backend} | ${markdownCell(coverage.log)} | ${markdownCell(coverage.records)} |`);
    }
  }

  if (declaration.workloads.length > 0) {
    lines.push('', '## Workloads reading Secrets through the API', '', '| clusters | namespace | workload | service account | may get Secrets |', '|---|---|---|---|---|');
    for (const workload of declaration.workloads) {
      const clusters = [...new Set(workload.reads.flatMap((es) => declaration.clustersOf(es).map((c) => c.id)))].sort();
      lines.push(`| ${clusters.join(', ')} | ${workload.namespace} | ${workload.name} | ${workload.serviceAccountName} | `
        + `${workload.reads.map((es) => es.targetSecretName).sort().map(code).join(', ')} (get only) |`);
    }
  }

  if (declaration.acknowledgements.length > 0) {
    // Every acknowledged exception to a security rule, with the subjects it covers and the reason given.
    const acknowledged = auditDeclaration(declaration).acknowledged;
    lines.push('', '## Acknowledged exceptions', '', '| rule | title | subjects | reason |', '|---|---|---|---|');
    for (const ack of declaration.acknowledgements) {
      const covered = acknowledged.filter((f) => f.acknowledgement === ack);
      const title = covered[0]?.rule.title ?? PLAN_RULES.find((r) => r.id === ack.ruleId)?.title ?? '';
      const subjects = [...new Set(covered.map((f) => f.violation.subject))].sort();
      lines.push(`| ${ack.ruleId} | ${markdownCell(title)} | ${subjects.map((s) => code(s)).join(', ') || 'none (no violation: the acknowledgement is unused)'} | ${markdownCell(ack.reason)} |`);
    }
  }

  lines.push('', '## Diagram', '', '```mermaid', 'flowchart LR');
  const edges = new Set<string>();
  for (const es of declaration.externalSecrets) {
    for (const cluster of declaration.clustersOf(es)) {
      const identity = plan.identityFor(es.store, cluster, es.namespace);
      const ns = node('ns', `${cluster.id}/${es.namespace}`, `namespace ${es.namespace} (${cluster.id})`);
      const store = node('store', es.store.id, `store ${es.store.name}`);
      const who = node('id', identity.id, principalOf(identity));
      edges.add(`  ${ns} --> ${store}`);
      edges.add(`  ${store} --> ${who}`);
      for (const secret of [...es.data.map((d) => d.secret), ...es.extract.map((e) => e.secret)]) {
        edges.add(`  ${who} -->|read| ${node('secret', secret.id, secret.name)}`);
      }
    }
  }
  for (const identity of plan.identities) {
    for (const push of identity.pushes) {
      edges.add(`  ${node('id', identity.id, principalOf(identity))} -->|write| ${node('secret', push.destination.id, push.destination.name)}`);
    }
  }
  lines.push(...edges, '```', '');
  return lines.join('\n');
}

/**
 * Principals outside Kubernetes with access to declared secrets: AWS workloads (`addAwsConsumer`) and
 * the rotation functions of rotating secrets, with what they may read and write.
 */
function runtimeRows(declaration: SecretsDeclaration): string[] {
  const rows = declaration.awsConsumers.map((consumer) => {
    const runsAs = consumer.createdFor !== undefined
      ? `IAM role ${code(consumer.roleName)} (created, trusted by ${code(consumer.createdFor)})`
      : `IAM role ${code(consumer.roleName)} (existing)`;
    const reads = consumer.secrets.map((s) => {
      const wording = backendModelOfSecret(s.backend).wording;
      return `${code(s.name)} (${wording.readActions(s)}${wording.decryptNote(s)})`;
    });
    return `| AWS consumer ${consumer.id} | ${runsAs} | ${consumer.tenant?.id ?? 'none'} | ${reads.join('<br>')} | nothing |`;
  });
  for (const secret of declaration.secrets) {
    const rotation = rotationOf(secret);
    if (rotation !== undefined && rotation.rotationLambdaArn !== undefined) {
      const role = rotation.functionRoleName !== undefined ? `IAM role ${code(rotation.functionRoleName)} (granted here)` : 'its own role (granted elsewhere)';
      rows.push(`| rotation function ${code(rotation.rotationLambdaArn)} (invoked by Secrets Manager for this secret only) | ${role} | ${declaration.ownerOf(secret)?.id ?? 'none'} | `
        + `${code(secret.name)} | ${code(secret.name)} (PutSecretValue, UpdateSecretVersionStage) |`);
    }
  }
  return rows;
}

function principalOf(identity: IdentityPlan): string {
  return backendModel(identity.provider).wording.principal(identity);
}

/** A find's criteria in words (`name ~ ^app-; path team/; tags team=a`). */
export function describeFind(find: { nameRegexp?: string; tags?: Record<string, string>; path?: string }): string {
  const parts: string[] = [];
  if (find.nameRegexp !== undefined) parts.push(`name ~ ${find.nameRegexp}`);
  if (find.path !== undefined) parts.push(`path ${find.path}`);
  if (find.tags !== undefined) parts.push(`tags ${Object.entries(find.tags).map(([k, v]) => `${k}=${v}`).join(',')}`);
  return parts.join('; ');
}

/**
 * Text in a Markdown table cell: one line, no cell break, no HTML, and no Markdown of its own: the
 * characters that make links, images, emphasis, code, mentions and autolinks are escaped
 * (names and reasons come from declarations and models a pull request may change).
 */
export function markdownCell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\|`*_[\]~@]/g, (c) => `\\${c}`)
    .replace(/:\/\//g, ':\\//').replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\\.`)
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function code(text: string): string {
  return `\`${text}\``;
}

/** A Mermaid node: stable id from kind and key, quoted label. */
function node(kind: string, key: string, label: string): string {
  return `${kind}_${key.replace(/[^A-Za-z0-9_]/g, '_')}["${label.replace(/"/g, "'")}"]`;
}
