// Expected messages of cases-sources.ts (rotation end to end, AWS workloads outside Kubernetes):
// exact messages, reviewed one by one; each names the input the user typed.
export const SOURCES_EXPECTED: Readonly<Record<string, string>> = {
  "rotation: function role given as an ARN":
    "[shop/secrets/db] rotation.functionRoleName: received \"arn:aws:iam::111122223333:role/rotate-db\". Allowed: 1 to 64 characters among letters, digits and +=,.@_-. Fix: shorten or rename the role, for example \"eso-team-a\".",
  "rotation: refreshed slower than a rate(6 hours) schedule":
    "[shop/externalSecrets/db] refreshInterval: received \"12h\". Allowed: an interval shorter than the rotation period of secret \"db\" (rate(6 hours)). Fix: set refreshInterval to at most an hour (the default), well under the rotation period (rule CES-ESO-2).",
};
