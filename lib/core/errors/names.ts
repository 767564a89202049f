// Errors about names: the names a declaration derives (roles, identities, service accounts, outputs),
// reported on the input that produced them, and the Terraform names users give.
import { configurationError, ConfigurationError, DescribedValue, renderValue } from './format';

/** An input that produced a derived name, for messages naming both sides of a clash. */
export interface DerivedNameInput {
  /** Declaration path of the input (`shop/stores/team-a`). */
  readonly path: string;
  /** The prop that holds it (`id`, `name`, `serviceAccount.name`). */
  readonly prop: string;
  /** The value typed (a description for values built by a factory). */
  readonly value: string | DescribedValue;
  /**
   * What else went into the derived name, shown in parentheses (`namespace "team-a"`).
   * @default - nothing
   */
  readonly detail?: string;
}

function describeInput(input: DerivedNameInput): string {
  return `${input.path} ${input.prop} ${renderValue(input.value)}${input.detail !== undefined ? ` (${input.detail})` : ''}`;
}

/** A derived name its consumer rejects, reported on the input that produced it. */
export function invalidDerivedName(input: DerivedNameInput, what: string, derived: string, rule: string, fix: string): ConfigurationError {
  return configurationError({
    path: input.path, prop: input.prop, value: input.value,
    allowed: `a value whose derived ${what} ${JSON.stringify(derived)}${input.detail !== undefined ? ` (with ${input.detail})` : ''} is valid: ${rule}`,
    fix,
  });
}

/** Two inputs that derive the same name, where the consumer needs it unique. */
export function derivedNameClash(input: DerivedNameInput, other: DerivedNameInput, what: string, derived: string, consequence: string, fix: string): ConfigurationError {
  return configurationError({
    path: input.path, prop: input.prop, value: input.value,
    allowed: `a value whose derived ${what} ${JSON.stringify(derived)}${input.detail !== undefined ? ` (with ${input.detail})` : ''} is not also derived from ${describeInput(other)}: ${consequence}`,
    fix,
  });
}

/** A Terraform variable name Terraform rejects. */
export function invalidTerraformVariableName(path: string, prop: string, value: unknown, reserved: boolean): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: reserved
      ? 'a Terraform variable name other than source, version, providers, count, for_each, lifecycle, depends_on and locals (reserved for module blocks)'
      : 'a Terraform identifier: letters, digits, "_" and "-", starting with a letter or "_"',
    fix: 'pass InitialValue.sensitiveVariable() a name such as "db_password"',
  });
}

/** A store pinning a Vault role other than the role of the identity it shares with an earlier store. */
export function sharedVaultRoleMismatch(path: string, value: string, identityRole: string, otherPath: string): ConfigurationError {
  return configurationError({
    path, prop: 'role', value,
    allowed: `the role of the identity this store shares with ${otherPath} (the controller's service account on one cluster is one Vault role: ${JSON.stringify(identityRole)}); a second pinned role would be ignored`,
    fix: `pin ${JSON.stringify(identityRole)} here too, or give this store its own service account (authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT)`,
  });
}

/** Two stores sharing one Vault role (one identity) request different token audiences. */
export function sharedVaultRoleAudienceMismatch(path: string, value: readonly string[], roleAudiences: readonly string[], otherPath: string, roleName: string): ConfigurationError {
  const shown = (audiences: readonly string[]) => audiences.length === 0 ? 'no audience (the API server\'s default)' : JSON.stringify(audiences);
  return configurationError({
    path, prop: 'audiences', value: [...value],
    allowed: `the audiences of the Vault role ${JSON.stringify(roleName)} this store shares with ${otherPath}: ${shown(roleAudiences)} (one role binds one audience; a store requesting another is refused by Vault, one requesting none makes the role accept any token of the service account)`,
    fix: `request ${shown(roleAudiences)} here too, or give this store its own service account (authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT) and so its own role`,
  });
}
