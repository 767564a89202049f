// Expected messages of cases-tools.ts (exact messages, reviewed one by one).
export const TOOLS_EXPECTED: Readonly<Record<string, string>> = {
  "password: 200 characters without repeats":
    "[c/pw] spec.length: received 200. Allowed: at most 10 digits (25% of length by default) when allowRepeat is false (each character at most once; ESO fails to generate otherwise). Fix: set allowRepeat: true, or lower the count (shorter length, more digits/symbols).",
  "password: 12 digits without repeats":
    "[c/pw] spec.digits: received 12. Allowed: at most 10 digits when allowRepeat is false (each character at most once; ESO fails to generate otherwise). Fix: set allowRepeat: true, or lower the count (shorter length, more digits/symbols).",
  "password: more symbols than symbolCharacters":
    "[c/pw] spec.symbols: received 4. Allowed: at most 2 symbols (the distinct symbolCharacters) when allowRepeat is false (each character at most once; ESO fails to generate otherwise). Fix: set allowRepeat: true, or lower the count (shorter length, more digits/symbols).",
  "vault generator: getParameters not lists":
    "[c/g] spec.getParameters.ttl: received a string. Allowed: an array of strings. Fix: pass an array of strings.",
  "vault generator: database role empty":
    "[c/g] role: received \"\". Allowed: a Vault role name: letters, digits, \"_\", \"-\", \".\" and \"@\", starting and ending with a letter, digit or \"_\", at most 128 characters. Fix: use a name such as \"external-secrets\".",
  "vault generator: PKI commonName empty":
    "[c/g] commonName: received \" \". Allowed: a non-empty common name (the certificate's subject). Fix: pass the common name, for example \"app.example.com\".",
  "vault generator: PKI altNames a string":
    "[c/g] altNames: received a string. Allowed: an array of strings. Fix: pass an array of strings.",
  "push: remoteKey with spaces around":
    "[c/push] spec.data[0].match.remoteRef.remoteKey: received \" team/app \". Allowed: a remote key without leading or trailing whitespace. Fix: pass \"team/app\".",
  "push: no data (synth)":
    "[c/push] spec.data: received []. Allowed: at least one key to push (an empty list makes the PushSecret push nothing). Fix: pass data: [{ secretKey, remoteKey }] or call addData().",
  "validate: not an array":
    "[checkManifests] manifests: received a string. Allowed: an array of Kubernetes objects (for example chart.toJson()). Fix: pass an array of Kubernetes objects (for example chart.toJson()).",
  "checkManifests: undefined":
    "[checkManifests] manifests: received undefined. Allowed: an array of Kubernetes objects (for example chart.toJson()). Fix: set manifests to an array of Kubernetes objects (for example chart.toJson()).",
  "validate: object containing itself":
    "[ConfigMap x] data: received an object that contains itself. Allowed: plain JSON data (objects, arrays, strings, finite numbers, booleans and null), as chart.toJson() or a YAML or JSON parser returns it. Fix: pass the data itself: no getters, proxies, class instances, symbols, bigints, functions, undefined array items or objects that contain themselves.",
  "validate: metadata.name uppercase":
    "[ServiceAccount a/ESO] metadata.name: received \"ESO\". Allowed: a DNS-1123 subdomain. Fix: change the value to one the schema of the served version accepts.",
  "validate: label value with space":
    "[ConfigMap x] metadata.labels.team: received \"a b\". Allowed: a label value (at most 63 letters, digits, \"-\", \"_\" and \".\", starting and ending with a letter or digit). Fix: change the value to one the schema of the served version accepts.",
  "migrate: inputs undefined":
    "[migrateManifests] inputs: received undefined. Allowed: an array of MigrationInput { source, yaml }s. Fix: set inputs to an array of MigrationInput { source, yaml }s.",
  "migrate: yaml a number":
    "[migrateManifests] inputs[0].yaml: received a number (42). Allowed: a string. Fix: pass a string.",
  "migrate: awsRegion uppercase":
    "[migrateManifests] options.awsRegion: received \"EU-WEST-1\". Allowed: an AWS region code such as \"eu-west-1\" or \"us-gov-west-1\". Fix: pass the region code, not its display name.",
  "migrate: vaultServer http":
    "[migrateManifests] options.vaultServer: received \"http://vault:8200\". Allowed: a Vault server URL: an absolute https:// URL with a host and no user or password. Fix: serve Vault over TLS (https://); a store with an http:// server sends the Vault token in clear text (options.allowInsecureHttp accepts it where the network already encrypts).",
  "migrate: refreshInterval not a Go duration":
    "[migrateManifests] options.refreshInterval: received Duration.parse(\"1 day\"). Allowed: a Go duration: a string such as \"30s\", \"15m\", \"1h\" or \"1h30m\" (units ns, us, ms, s, m, h), or \"0\"; no sign, no spaces, no day unit. Fix: pass Duration.seconds(n), minutes(n), hours(n) or days(n) with a finite n >= 0, or Duration.parse() with a Go duration string such as \"1h30m\".",
  "migrate: storeNamePrefix uppercase":
    "[migrateManifests] options.storeNamePrefix: received \"KES\". Allowed: at most 200 lowercase letters, digits, \"-\" and \".\", starting with a letter or digit (the start of a ClusterSecretStore name). Fix: pass a prefix such as \"kes\".",
  "migrate: toYaml(undefined)":
    "[toYaml] objects: received undefined. Allowed: an array of objects. Fix: set objects to an array of objects.",
  "migrate: renderTypeScript(undefined)":
    "[renderTypeScript] plan: received undefined. Allowed: a ConstructPlan (from planConstructs()). Fix: set plan to a ConstructPlan (from planConstructs()).",
  "migrate: renderTypeScript className with a space":
    "[renderTypeScript] options.className: received \"my chart\". Allowed: a TypeScript class name in PascalCase (a letter first, then letters, digits and \"_\"). Fix: pass a name such as \"MigratedSecretsChart\".",
  "migrate: planConstructs(null)":
    "[planConstructs] objects: received null. Allowed: an array of Kubernetes objects. Fix: set objects to an array of Kubernetes objects.",
  "zarf: charts entry a plain object":
    "[ZarfPackage eso] charts[0]: received an object. Allowed: a ZarfHelmChart (ZarfHelmChart.externalSecrets(), reloader() or from...Release()). Fix: pass a ZarfHelmChart (ZarfHelmChart.externalSecrets(), reloader() or from...Release()).",
  "zarf: chart namespace uppercase":
    "[ZarfPackage eso] charts[0].namespace: received \"ESO\". Allowed: a DNS-1123 label: at most 63 characters, lowercase letters, digits and \"-\", starting and ending with a letter or digit. Fix: rename it, for example \"eso\".",
  "zarf: chart values a string":
    "[ZarfPackage eso] charts[0].values: received a string. Allowed: an object. Fix: pass an object.",
  "zarf: manifests without objects":
    "[ZarfPackage eso] manifests[0]: received []. Allowed: at least one object or file (an empty collection deploys nothing). Fix: pass the objects of chart.toJson(), or the synthesized YAML files.",
  "zarf: fromExternalSecretsRelease(undefined)":
    "[ZarfHelmChart.fromExternalSecretsRelease] release: received undefined. Allowed: a rendered Helm release (ExternalSecretsOperatorRelease or ReloaderHelmRelease). Fix: set release to a rendered Helm release (ExternalSecretsOperatorRelease or ReloaderHelmRelease).",
};
