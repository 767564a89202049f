// The cluster side of ExternalSecrets whose values all come from declared generators: the Password
// generators (once per namespace) and the ExternalSecret without a store.
import { Construct } from 'constructs';
import { GeneratedSecretDeclaration, GeneratedValue, PasswordGeneratorDeclaration } from '../core/declaration';
import { ExternalSecret } from '../k8s/external-secret';
import { ExternalSecretDataFrom, Rewrite } from '../k8s/external-secret-data';
import { Password } from '../k8s/generators/password';

/** The key a Password generator writes (its default `secretKeys`). */
const PASSWORD_KEY = 'password';

function passwordIn(scope: Construct, generator: PasswordGeneratorDeclaration, namespace: string): Password {
  const id = `Password-${generator.id}-${namespace}`;
  const existing = scope.node.tryFindChild(id);
  if (existing) {
    return existing as Password;
  }
  return new Password(scope, id, {
    name: generator.name, namespace, length: generator.length, digits: generator.digits, symbols: generator.symbols,
    symbolCharacters: generator.symbolCharacters, noUpper: generator.noUpper, allowRepeat: generator.allowRepeat,
  });
}

/** Renders a generated secret: its generators in its namespace and the ExternalSecret without `secretStoreRef`. @internal */
export function renderGeneratedSecret(scope: Construct, gs: GeneratedSecretDeclaration, syncWave: number | undefined): ExternalSecret {
  return new ExternalSecret(scope, `GeneratedSecret-${gs.id}`, {
    name: gs.name,
    namespace: gs.namespace,
    refreshInterval: gs.refreshInterval,
    syncWave,
    target: { name: gs.targetSecretName },
    dataFrom: gs.generated.map((g) => generatedDataFrom(scope, g, gs.namespace)),
  });
}

/** The `dataFrom` entry of one generated value, its Password generator rendered once in `namespace`. @internal */
export function generatedDataFrom(scope: Construct, g: GeneratedValue, namespace: string): ExternalSecretDataFrom {
  return {
    generator: passwordIn(scope, g.generator, namespace),
    rewrite: g.secretKey === PASSWORD_KEY ? undefined : [Rewrite.regexp({ source: `^${PASSWORD_KEY}$`, target: g.secretKey })],
  };
}

/** The `dataFrom` entry a generated value renders to, as the verification compares it. @internal */
export function generatedEntry(g: GeneratedValue): Record<string, unknown> {
  return {
    ...(g.secretKey === PASSWORD_KEY ? {} : { rewrite: [{ regexp: { source: `^${PASSWORD_KEY}$`, target: g.secretKey } }] }),
    sourceRef: { generatorRef: { apiVersion: 'generators.external-secrets.io/v1alpha1', kind: 'Password', name: g.generator.name } },
  };
}
