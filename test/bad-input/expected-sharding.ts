// Expected messages of cases-sharding.ts (sharded cloud side, Azure role assignment budget options):
// exact messages, reviewed one by one; each names the input the user typed.
export const SHARDING_EXPECTED: Readonly<Record<string, string>> = {
  "sharding: not a Sharding":
    "[Secrets] sharding: received a string. Allowed: Sharding.perTenant(), Sharding.perCluster(), Sharding.perBackend() or Sharding.explicit({ shards, shardOf }). Fix: pass Sharding.perTenant(), Sharding.perCluster(), Sharding.perBackend() or Sharding.explicit({ shards, shardOf }).",
  "sharding: configureStack missing":
    "[Secrets] configureStack: received undefined. Allowed: a function (stack, shard) => void that adds the stack's providers and backend. Fix: set configureStack to a function (stack, shard) => void that adds the stack's providers and backend.",
  "sharding: scope is a stack, not the App":
    "[existing/Secrets] scope: received the construct \"existing\". Allowed: the cdktf App (the stacks are created directly under it, so cdktf names them and orders their dependencies). Fix: pass the App: new SecretsPlatformStacks(app, 'Secrets', { \u2026 }).",
  "sharding: empty stack name prefix":
    "[Secrets] stackNamePrefix: received \"\". Allowed: a name of letters, digits, \"-\" and \"_\", starting with a letter or digit, at most 63 characters (the prefix of every stack name). Fix: pass a non-empty name.",
  "sharding: stack name prefix with a slash":
    "[Secrets] stackNamePrefix: received \"shop/prod\". Allowed: a name of letters, digits, \"-\" and \"_\", starting with a letter or digit, at most 63 characters (the prefix of every stack name). Fix: use a name without the other characters, for example \"shop-prod\".",
  "sharding: only names an unknown shard":
    "[Secrets] only[0]: received \"team-c\". Allowed: one of the shards \"team-a\", \"team-b\" or \"shared\" (the shared stack). Fix: name one of these, or declare the shard (Sharding.explicit({ shards: [...] })).",
  "sharding: only is a string":
    "[Secrets] only: received a string. Allowed: an array of shard names. Fix: pass an array of shard names.",
  "sharding: a stack of that name exists in the app":
    "[Secrets] stackNamePrefix: received \"shop\". Allowed: stack names unique in the app, but the app already holds a construct named \"shop-team-a\". Fix: rename the shard, or pass another stackNamePrefix.",
  "sharding: explicit shard named like the shared stack":
    "[Secrets] sharding.shards[0]: received \"shared\". Allowed: a shard other than \"shared\", the shared stack every sharding has. Fix: rename the shard (a tenant or cluster named \"shared\" needs Sharding.explicit with another shard name); elements mapped to \"shared\" go to the shared stack.",
  "sharding: explicit shard declared twice":
    "[Secrets] sharding.shards[2]: received \"team-a\". Allowed: each shard once (stack names are compared regardless of case), but sharding.shards[0] is \"team-a\" too. Fix: declare each shard once.",
  "sharding: explicit shards differing only in case":
    "[Secrets] sharding.shards[1]: received \"Team-A\". Allowed: each shard once (stack names are compared regardless of case), but sharding.shards[0] is \"team-a\" too. Fix: declare each shard once.",
  "sharding: explicit empty shard name":
    "[Secrets] sharding.shards[1]: received \"\". Allowed: a name of letters, digits, \"-\" and \"_\", starting with a letter or digit, at most 63 characters (Sharding.explicit names each stack after a declared shard). Fix: pass a non-empty name.",
  "sharding: explicit shard name with a space":
    "[Secrets] sharding.shards[0]: received \"team a\". Allowed: a name of letters, digits, \"-\" and \"_\", starting with a letter or digit, at most 63 characters (Sharding.explicit names each stack after a declared shard). Fix: use a name without the other characters, for example \"team-a\".",
  "sharding: explicit shards not an array":
    "[Secrets] sharding.shards: received a string. Allowed: an array of shard names. Fix: pass an array of shard names.",
  "sharding: explicit element mapped to no shard":
    "[Secrets] sharding.shardOf: received undefined. Allowed: a shard name for every element, secret \"team-a\" included. Fix: return one of the declared shards, or \"shared\" for the shared stack, for every identity and secret.",
  "sharding: explicit element mapped to an empty name":
    "[Secrets] sharding.shardOf: received \"\". Allowed: a shard name for every element, identity \"store-team-a-team-a\" included. Fix: return one of the declared shards, or \"shared\" for the shared stack, for every identity and secret.",
  "sharding: explicit element mapped to an unknown shard":
    "[Secrets] sharding.shardOf: received \"team-c\". Allowed: one of the shards \"team-a\", \"team-b\" or \"shared\" (the shared stack). Fix: name one of these, or declare the shard (Sharding.explicit({ shards: [...] })).",
  "sharding: explicit secret in another identity's shard":
    "[Secrets] sharding: received secret \"team-a\" in shard \"team-b\", used by identity \"store-team-a-team-a\" in shard \"team-a\". Allowed: each secret in the shard of every identity that uses it, or in the shared stack (shards refer to the shared stack only, never to each other). Fix: map secret \"team-a\" to \"team-a\" or to \"shared\".",
  "sharding: explicit identity in the shared stack, its secret in a shard":
    "[Secrets] sharding: received secret \"team-a\" in shard \"team-a\", used by identity \"store-team-a-team-a\" in the shared stack. Allowed: each secret in the shard of every identity that uses it, or in the shared stack (shards refer to the shared stack only, never to each other). Fix: map secret \"team-a\" to \"shared\".",
  "sharding: explicit shardOf not a function":
    "[Secrets] sharding.shardOf: received a string. Allowed: a function from an identity or a secret (a ShardElement) to its shard name. Fix: pass a function from an identity or a secret (a ShardElement) to its shard name.",
  "sharding: per tenant, a tenant named shared":
    "[Secrets] sharding: received \"shared\". Allowed: a shard other than \"shared\", the shared stack every sharding has. Fix: rename the shard (a tenant or cluster named \"shared\" needs Sharding.explicit with another shard name); elements mapped to \"shared\" go to the shared stack.",
  "azure: roleAssignmentLimit zero":
    "[shop] azure.roleAssignmentLimit: received 0. Allowed: an integer of at least 1. Fix: pass the role assignments your subscription allows (4000 unless Microsoft raised it), or leave it out.",
  "azure: roleAssignmentLimit fractional":
    "[shop] azure.roleAssignmentLimit: received 4000.5. Allowed: an integer of at least 1. Fix: pass the role assignments your subscription allows (4000 unless Microsoft raised it), or leave it out.",
  "azure: roleAssignmentLimit a string":
    "[shop] azure.roleAssignmentLimit: received a string. Allowed: an integer of at least 1. Fix: pass an integer of at least 1.",
  "azure: existingRoleAssignments negative":
    "[shop] azure.existingRoleAssignments: received -1. Allowed: an integer of at least 0. Fix: pass the count of role assignments outside this declaration (az role assignment list --all --query 'length(@)'), or leave it out.",
  "azure: existingRoleAssignments NaN":
    "[shop] azure.existingRoleAssignments: received NaN. Allowed: an integer of at least 0. Fix: pass the count of role assignments outside this declaration (az role assignment list --all --query 'length(@)'), or leave it out.",
  "azure: vault exclusive a string":
    "[shop/keyVaults/kv] exclusive: received a string. Allowed: true or false. Fix: pass true or false.",
};
