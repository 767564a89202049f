// Errors of the declaration's audit trail (lib/core/declaration/audit.ts and the backends' audit coverage).
import { configurationError, ConfigurationError } from './format';

/** An audit trail declared with no section. */
export function emptyAuditTrail(path: string, prop: string): ConfigurationError {
  return configurationError({
    path, prop, value: {},
    allowed: 'at least one backend section (aws, azure, google, vault)',
    fix: 'set the section of every backend the declaration uses: azure (the log destination), vault (the audit device), aws and google ({} states their defaults)',
  });
}

/** An audit trail declared a second time. */
export function auditTrailTwice(path: string, prop: string): ConfigurationError {
  return configurationError({
    path, prop, value: 'a second audit trail',
    allowed: 'one audit trail per declaration (declared once, rendered per backend)',
    fix: 'merge the sections into the first auditTrail() call',
  });
}

/** A backend the declaration uses, left without the audit section it needs. */
export function auditSectionMissing(path: string, prop: string, backend: string, used: string, needs: string): ConfigurationError {
  return configurationError({
    path, prop, value: undefined,
    allowed: `the ${prop} section while the declaration uses ${backend} (${used}): ${needs}`,
    fix: `add ${prop} to auditTrail(), so reads through ${backend} land in an audit log`,
  });
}
