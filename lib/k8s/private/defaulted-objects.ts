// The generated L1 classes, rendering with every default of their served CRD schema filled in
// (lib/validation/schema-defaults.ts): what is in Git equals what the API server stores. Serialized
// once per rendering of their chart (./rendering.ts).
import { withCrdDefaultsInPlace } from '../../validation/schema-defaults';
import { renderOnce } from './rendering';
import * as l1 from '../imports/external-secrets.io';
import * as gen from '../imports/generators.external-secrets.io';

/** `SecretStore` with its schema defaults rendered. @internal */
export class DefaultedSecretStore extends l1.SecretStore {
  public override toJson(): Record<string, unknown> {
    return renderOnce(this, () => withCrdDefaultsInPlace(super.toJson() as Record<string, unknown>));
  }
}

/** `ClusterSecretStore` with its schema defaults rendered. @internal */
export class DefaultedClusterSecretStore extends l1.ClusterSecretStore {
  public override toJson(): Record<string, unknown> {
    return renderOnce(this, () => withCrdDefaultsInPlace(super.toJson() as Record<string, unknown>));
  }
}

/** `ClusterExternalSecret` with its schema defaults rendered. @internal */
export class DefaultedClusterExternalSecret extends l1.ClusterExternalSecret {
  public override toJson(): Record<string, unknown> {
    return renderOnce(this, () => withCrdDefaultsInPlace(super.toJson() as Record<string, unknown>));
  }
}

/** `PushSecret` with its schema defaults rendered. @internal */
export class DefaultedPushSecret extends l1.PushSecret {
  public override toJson(): Record<string, unknown> {
    return renderOnce(this, () => withCrdDefaultsInPlace(super.toJson() as Record<string, unknown>));
  }
}

/** `Password` generator with its schema defaults rendered. @internal */
export class DefaultedPassword extends gen.Password {
  public override toJson(): Record<string, unknown> {
    return renderOnce(this, () => withCrdDefaultsInPlace(super.toJson() as Record<string, unknown>));
  }
}

/** `VaultDynamicSecret` generator with its schema defaults rendered. @internal */
export class DefaultedVaultDynamicSecret extends gen.VaultDynamicSecret {
  public override toJson(): Record<string, unknown> {
    return renderOnce(this, () => withCrdDefaultsInPlace(super.toJson() as Record<string, unknown>));
  }
}
