import { createHash } from 'crypto';
import { Construct } from 'constructs';

/**
 * A deterministic physical name derived from the construct path (without the stack), cleaned to
 * the allowed characters and cut to `maxLength` with an 8-character hash of the full path when it
 * does not fit. Pure: the same path always gives the same name, so literal ARNs can be computed.
 */
export function physicalName(construct: Construct, maxLength: number, disallowed: RegExp = /[^A-Za-z0-9+=,.@_-]+/g): string {
  const scopes = construct.node.scopes;
  const parts = scopes.slice(2).map((s) => s.node.id);
  const base = parts.join('-').replace(disallowed, '-').replace(/-+/g, '-').replace(/^-|-$/g, '') || 'eso';
  if (base.length <= maxLength) {
    return base;
  }
  const hash = createHash('sha256').update(construct.node.path).digest('hex').slice(0, 8);
  return `${base.slice(0, maxLength - 9)}-${hash}`;
}
