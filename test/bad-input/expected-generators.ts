// Expected messages of cases-generators.ts (ExternalSecrets without a store, Password generators):
// exact messages, reviewed one by one; each names the input the user typed.
export const GENERATORS_EXPECTED: Readonly<Record<string, string>> = {
  "generators: es without a store reads data":
    "[c/es] spec.data[0].remoteRef.key: received \"prod/db\". Allowed: an entry that reads from a store only when the ExternalSecret has a store or the entry names one; without a store, only generator entries (dataFrom[].generator). Fix: set store on the ExternalSecret (or on this entry), or produce this value with a generator.",
  "generators: es without a store mixes a generator and an extract":
    "[c/es] spec.dataFrom[1].extract.key: received \"prod/all\". Allowed: an entry that reads from a store only when the ExternalSecret has a store or the entry names one; without a store, only generator entries (dataFrom[].generator). Fix: set store on the ExternalSecret (or on this entry), or produce this value with a generator.",
  "generators: es without a store adds a find later":
    "[c/es] spec.dataFrom[1].find: received \"prod-.*\". Allowed: an entry that reads from a store only when the ExternalSecret has a store or the entry names one; without a store, only generator entries (dataFrom[].generator). Fix: set store on the ExternalSecret (or on this entry), or produce this value with a generator.",
  "generators: password length zero":
    "[c/pw] spec.length: received 0. Allowed: a whole number of 1 or more. Fix: lower digits/symbols or raise length.",
};
