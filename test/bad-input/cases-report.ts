/**
 * Bad inputs of the HTML access report through the PUBLIC API (the package root): what a careless
 * JavaScript caller passes where an access model is expected. Expected messages: `expected-report.ts`.
 */
import { buildAccessModel, renderAccessModel, renderAccessReport, SecretsDeclaration } from '../../lib';
import type { BadInput } from './cases';

function declaration(): SecretsDeclaration {
  const d = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
  d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD' });
  return d;
}

export const REPORT_CASES: readonly BadInput[] = [
  ['access report: the declaration instead of its model', () => renderAccessReport(declaration() as never)],
  ['access report: the model\'s JSON text instead of the model', () => renderAccessReport(renderAccessModel(buildAccessModel(declaration())) as never)],
  ['access report: a model with a cycle', () => {
    const model = { ...buildAccessModel(declaration()) } as Record<string, unknown>;
    model.self = model;
    return renderAccessReport(model as never);
  }],
  ['access report: a base of a newer version', () => renderAccessReport(buildAccessModel(declaration()), {
    base: { ...buildAccessModel(declaration()), apiVersion: 'cdk-external-secrets.io/access-model/v2' as never },
  })],
  ['access report: a base with an extra property', () => renderAccessReport(buildAccessModel(declaration()), {
    base: { ...buildAccessModel(declaration()), values: { password: 'hunter2' } } as never,
  })],
  ['access report: the base as the second argument', () => renderAccessReport(buildAccessModel(declaration()), buildAccessModel(declaration()) as never)],
  ['access report: options null', () => renderAccessReport(buildAccessModel(declaration()), null as never)],
];
