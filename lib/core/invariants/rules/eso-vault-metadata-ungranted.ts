/**
 * CES-ESO-3: `metadataPolicy: Fetch` on a Vault KV secret reads `<mount>/metadata/<key>`, not the data
 * path: ESO's `GetSecret` (providers/v1/vault/client_get.go, v2.9.0) calls `readSecretMetadata` for
 * `ExternalSecretMetadataPolicyFetch`. The declaration grants a `data` read on `<mount>/data/<key>`
 * only, so the read is denied (403) and the Secret is never written.
 */
import { MetadataPolicy } from '../../eso-enums';
import { SecretBackend } from '../../declaration/secrets';
import { PlanRule, RuleCategory, RuleViolation } from '../rule';

export const esoVaultMetadataUngranted: PlanRule = {
  id: 'CES-ESO-3',
  category: RuleCategory.ESO_SEMANTICS,
  title: 'No Vault KV read with metadataPolicy Fetch (the metadata path is not granted, the read is denied)',
  acknowledgeable: false,
  *check({ declaration }): Iterable<RuleViolation> {
    for (const es of declaration.externalSecrets) {
      for (const [i, ref] of es.data.entries()) {
        if (ref.metadataPolicy === MetadataPolicy.FETCH && ref.secret.backend === SecretBackend.VAULT_KV) {
          yield {
            path: declaration.pathOf('externalSecrets', es.id), prop: `data[${i}].metadataPolicy`, value: ref.metadataPolicy, subject: `${es.id}/data[${i}]`,
            allowed: `MetadataPolicy.NONE for Vault secret "${ref.secret.id}": ESO reads its custom metadata from the KV metadata path, which the declaration does not grant (the read fails with 403)`,
            fix: 'drop metadataPolicy, or keep the values you need in the secret\'s data',
          };
        }
      }
    }
  },
};
