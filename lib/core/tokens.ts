/**
 * Engine-free detection of unresolved tokens.
 *
 * cdktf renders unresolved string tokens as `${TfToken[...]}` and cdk8s as `${Token[...]}`-like
 * markers; validation skips such values because their final value is only known at deploy time.
 * Engine-specific code may use its own `Token.isUnresolved`; this helper keeps `lib/core` free of
 * cdktf and cdk8s imports.
 */
export function isUnresolved(value: unknown): boolean {
  if (typeof value === 'string') {
    // (`includes` first: most strings hold no `${` and the check runs for every validated value.)
    return value.includes('${') && /\$\{(Tf)?Token\[/.test(value);
  }
  // cdktf encodes number tokens as large negative doubles around -1.8881545897087626e+289.
  if (typeof value === 'number') {
    return value < -1e288;
  }
  return false;
}
