/** Shared lookups of the ESO-semantics rules (not a rule). */
import type { ExternalSecretDeclaration } from '../../declaration/consumers';
import type { SecretDeclaration } from '../../declaration/secrets';

/** A secret's rotation, where its backend declares one (`rotation` on AWS Secrets Manager secrets). */
export function rotationOf(secret: SecretDeclaration): { readonly afterDays?: number; readonly scheduleExpression?: string } | undefined {
  return (secret as { readonly rotation?: { readonly afterDays?: number; readonly scheduleExpression?: string } }).rotation;
}

/** Whether a secret rotates. */
export function isRotating(secret: SecretDeclaration): boolean {
  return rotationOf(secret) !== undefined;
}

/** The secrets an ExternalSecret reads by `data` and `extract`, in declaration order. */
export function readsOf(es: ExternalSecretDeclaration): SecretDeclaration[] {
  return [...es.data.map((d) => d.secret), ...es.extract.map((e) => e.secret)];
}
