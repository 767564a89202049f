import { isTerraformIdentifier, TERRAFORM_RESERVED_VARIABLE_NAMES } from '../cloud-names';
import { DescribedValue, invalidPasswordLength, invalidTerraformVariableName, plaintextInitialValue, renderValue, unsupportedInitialValue, wrongType } from '../errors';

/** Where the initial value of a declared secret comes from. Never a literal: no value ever reaches the output. */
export enum InitialValueKind {
  /** A sensitive Terraform variable, passed through a write-only attribute. */
  SENSITIVE_VARIABLE = 'SENSITIVE_VARIABLE',
  /** A password generated at apply time, passed through a write-only attribute. */
  GENERATED_PASSWORD = 'GENERATED_PASSWORD',
}

/** Options for {@link InitialValue.generatedPassword}. */
export interface GeneratedPasswordOptions {
  /**
   * Password length.
   * @default 32
   */
  readonly length?: number;
  /**
   * Characters the password must not contain.
   * @default - none excluded
   */
  readonly excludeCharacters?: string;
}

/**
 * The initial value of a secret container the cloud side creates. Secret containers are created empty
 * unless one of these is given; a literal string is impossible by type and rejected at runtime.
 */
export class InitialValue {
  /**
   * Read from a sensitive Terraform variable the cloud renderer declares (`sensitive = true`, no
   * default) and write it through `secret_string_wo` / `value_wo`, so it is in neither the synthesized
   * JSON nor the Terraform state.
   *
   * @param variableName name of the Terraform variable (letters, digits, `_` and `-`)
   */
  public static sensitiveVariable(variableName: string): InitialValue {
    return new InitialValue(InitialValueKind.SENSITIVE_VARIABLE, variableName, {});
  }

  /** Generate a password at apply time and write it through the write-only attribute. */
  public static generatedPassword(options: GeneratedPasswordOptions = {}): InitialValue {
    return new InitialValue(InitialValueKind.GENERATED_PASSWORD, undefined, options);
  }

  private constructor(
    /** Where the value comes from. */
    public readonly kind: InitialValueKind,
    /** The variable name for {@link InitialValueKind.SENSITIVE_VARIABLE}. */
    public readonly variableName: string | undefined,
    /** Options for {@link InitialValueKind.GENERATED_PASSWORD}. */
    public readonly passwordOptions: GeneratedPasswordOptions,
  ) {}
}

/** True when `value` was built by an {@link InitialValue} factory (and not, say, a cast string). */
export function isInitialValue(value: unknown): value is InitialValue {
  return value instanceof InitialValue;
}

/**
 * Throws unless `value` is undefined or an {@link InitialValue} whose sensitive variable has a name
 * Terraform accepts (a Terraform identifier, not a name reserved for module blocks), reported at the
 * prop that used it.
 * @param sensitiveVariableOnlyIn the backend's name when it takes only `InitialValue.sensitiveVariable()`
 *   (no password generated at apply time), checked here so both apps refuse it alike
 */
export function checkInitialValue(path: string, prop: string, value: unknown, sensitiveVariableOnlyIn?: string): void {
  if (value === undefined) {
    return;
  }
  if (!isInitialValue(value)) {
    throw plaintextInitialValue(path, prop);
  }
  if (value.kind === InitialValueKind.GENERATED_PASSWORD && sensitiveVariableOnlyIn !== undefined) {
    throw unsupportedInitialValue(path, prop, value.kind, sensitiveVariableOnlyIn);
  }
  if (value.kind === InitialValueKind.GENERATED_PASSWORD) {
    checkPasswordOptions(path, prop, value.passwordOptions as unknown);
    return;
  }
  const name: unknown = value.variableName;
  const received = new DescribedValue(`InitialValue.sensitiveVariable(${renderValue(name)})`);
  if (typeof name !== 'string' || !isTerraformIdentifier(name)) {
    throw invalidTerraformVariableName(path, prop, received, false);
  }
  if (TERRAFORM_RESERVED_VARIABLE_NAMES.includes(name)) {
    throw invalidTerraformVariableName(path, prop, received, true);
  }
}

/** The options of `InitialValue.generatedPassword()`, reported at the prop that used it (AWS GetRandomPassword bounds). */
function checkPasswordOptions(path: string, prop: string, options: unknown): void {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw wrongType(path, `${prop} (InitialValue.generatedPassword options)`, options, 'an object of GeneratedPasswordOptions');
  }
  const { length, excludeCharacters } = options as { length?: unknown; excludeCharacters?: unknown };
  if (length !== undefined && (typeof length !== 'number' || !Number.isInteger(length) || length < 1 || length > 4096)) {
    throw invalidPasswordLength(path, `${prop}.length`, length as number);
  }
  if (excludeCharacters !== undefined && typeof excludeCharacters !== 'string') {
    throw wrongType(path, `${prop}.excludeCharacters`, excludeCharacters, 'a string of the characters to leave out');
  }
}

/** The sensitive variable a Parameter Store SecureString without `initialValue` is created from. */
export function parameterVariableName(secretId: string): string {
  return `parameter_${secretId.replace(/-/g, '_')}`;
}
