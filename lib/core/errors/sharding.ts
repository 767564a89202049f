// Errors raised by SecretsPlatformStacks and Sharding (lib/platform). Every factory builds its message with configurationError().
import { configurationError, ConfigurationError, DescribedValue } from './format';

const STACK_NAME = 'letters, digits, "-" and "_", starting with a letter or digit, at most 63 characters';

/** SecretsPlatformStacks created elsewhere than directly under the cdktf App. */
export function stacksOutsideApp(path: string, scopePath: string): ConfigurationError {
  return configurationError({
    path, prop: 'scope', value: new DescribedValue(scopePath === '' ? 'the root of a tree that is not a cdktf App' : `the construct "${scopePath}"`),
    allowed: 'the cdktf App (the stacks are created directly under it, so cdktf names them and orders their dependencies)',
    fix: 'pass the App: new SecretsPlatformStacks(app, \'Secrets\', { … })',
  });
}

/** A shard or stack name cdktf and Terraform runners cannot use (empty, or with other characters). */
export function invalidShardName(path: string, prop: string, value: unknown, origin: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `a name of ${STACK_NAME} (${origin})`,
    fix: typeof value === 'string' && value.length > 0 ? `use a name without the other characters, for example ${JSON.stringify(suggestShardName(value))}` : 'pass a non-empty name',
  });
}

/** Two shards (or a shard and the shared stack, or a stack of the app) with one stack name. */
export function duplicateStackName(path: string, prop: string, value: string, clash: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `stack names unique in the app, but ${clash}`,
    fix: 'rename the shard, or pass another stackNamePrefix',
  });
}

/** An explicit sharding that declares a shard twice (regardless of case) or declares the shared stack's shard. */
export function duplicateShard(path: string, prop: string, value: string, first: string | undefined): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: first === undefined
      ? 'a shard other than "shared", the shared stack every sharding has'
      : `each shard once (stack names are compared regardless of case), but ${first} is ${JSON.stringify(value.toLowerCase())} too`,
    fix: first === undefined
      ? 'rename the shard (a tenant or cluster named "shared" needs Sharding.explicit with another shard name); elements mapped to "shared" go to the shared stack'
      : 'declare each shard once',
  });
}

/** A shard name the sharding does not know (`only`, `stackOf`, an explicit mapping). */
export function unknownShard(path: string, prop: string, value: unknown, known: readonly string[]): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: known.length === 0 ? 'a shard of the sharding, but it has none' : `one of the shards ${known.map((k) => `"${k}"`).join(', ')} or "shared" (the shared stack)`,
    fix: 'name one of these, or declare the shard (Sharding.explicit({ shards: [...] }))',
  });
}

/** An explicit sharding that maps an element to no shard. */
export function elementWithoutShard(path: string, prop: string, element: string, value: unknown): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `a shard name for every element, ${element} included`,
    fix: 'return one of the declared shards, or "shared" for the shared stack, for every identity and secret',
  });
}

/** An identity placed in one shard whose secret is placed in another (stacks would refer to each other). */
export function crossShardSecret(path: string, prop: string, secret: string, secretShard: string, identity: string, identityShard: string): ConfigurationError {
  return configurationError({
    path, prop, value: new DescribedValue(`secret "${secret}" in shard "${secretShard}", used by identity "${identity}" in ${identityShard === 'shared' ? 'the shared stack' : `shard "${identityShard}"`}`),
    allowed: 'each secret in the shard of every identity that uses it, or in the shared stack (shards refer to the shared stack only, never to each other)',
    fix: `map secret "${secret}" to ${identityShard === 'shared' ? '"shared"' : `"${identityShard}" or to "shared"`}`,
  });
}

function suggestShardName(value: string): string {
  const cleaned = value.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^[-_]+/, '').slice(0, 63);
  return cleaned.length > 0 ? cleaned : 'shard';
}
