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
  "generators: declared password with more symbols than the alphabet":
    "[shop/passwordGenerators/pin] symbols: received 40. Allowed: at most 2 symbols (the distinct symbolCharacters) when allowRepeat is false (each character at most once; ESO fails to generate otherwise). Fix: set allowRepeat: true, or lower the count (shorter length, more digits/symbols).",
  "generators: declared password length a string":
    "[shop/passwordGenerators/pin] options.length: received a string. Allowed: a finite number. Fix: pass a finite number.",
  "generators: declared password name uppercase":
    "[shop/passwordGenerators/pin] name: received \"Session\". Allowed: a DNS-1123 subdomain: at most 253 characters, lowercase letters, digits, \"-\" and \".\", each dot-separated part starting and ending with a letter or digit. Fix: rename it, for example \"session\".",
  "generators: generated secret on no cluster":
    "[shop/generatedSecrets/web] clusters: received []. Allowed: at least one cluster (there is no store to derive the clusters from; on no cluster it is rendered nowhere). Fix: list the clusters that get the ExternalSecret, for example [prod].",
  "generators: generated secret without clusters (JavaScript)":
    "[shop/generatedSecrets/web] options.clusters: received undefined. Allowed: an array. Fix: set options.clusters to an array.",
  "generators: generated secret with a hand-made generator":
    "[shop/generatedSecrets/web] generated[0].generator: received \"x\". Allowed: a Password generator declared in this declaration. Fix: declare it first with declaration.addPasswordGenerator() and pass the returned object.",
  "generators: generated secretKey with a slash":
    "[shop/generatedSecrets/web] generated[0].secretKey: received \"a/b\". Allowed: a Secret key matching ^[-._a-zA-Z0-9]+$, at most 253 characters. Fix: use a key such as \"a_b\".",
  "generators: generated secret writing the Secret an ExternalSecret writes":
    "[shop/generatedSecrets/web] targetSecretName: received \"db\". Allowed: a target Secret not already written by shop/externalSecrets/db in the same namespace and cluster (two ExternalSecrets owning one Secret overwrite each other on every refresh). Fix: give one of them another targetSecretName, or merge their data into one ExternalSecret.",
  "generators: generated secret options undefined":
    "[shop/generatedSecrets/web] options: received undefined. Allowed: an object of type GeneratedSecretOptions. Fix: pass the GeneratedSecretOptions object as the second argument of addGeneratedSecret().",
};
