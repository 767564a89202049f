// Expected messages of cases-validator.ts (manifest validator, YAML reader): exact lines, reviewed one by one;
// each names the object and the field, and describes the value instead of echoing it.
export const VALIDATOR_EXPECTED: Readonly<Record<string, string>> = {
  "validator: refreshInterval 1d":
    "[ExternalSecret shop/db] spec.refreshInterval: received a string that is not a Go duration (a unit Go does not know). Allowed: a Go duration such as \"30s\", \"15m\", \"1h\" or \"1h30m\" (units ns, us, µs, ms, s, m, h; no day unit, no spaces), or \"0\". Fix: write it in hours, minutes and seconds (24h, not 1d): ESO decodes this field with Go's time.ParseDuration and fails on anything else.",
  "validator: sync window duration in words":
    "[ExternalSecret shop/db] spec.syncWindows.windows[0].duration: received a string that is not a Go duration (a unit Go does not know). Allowed: a Go duration such as \"30s\", \"15m\", \"1h\" or \"1h30m\" (units ns, us, µs, ms, s, m, h; no day unit, no spaces), or \"0\". Fix: write it in hours, minutes and seconds (24h, not 1d): ESO decodes this field with Go's time.ParseDuration and fails on anything else.",
  "validator: store refreshInterval negative seconds":
    "[ClusterSecretStore aws] spec.refreshInterval: received a negative duration. Allowed: zero (the controller's default) or a positive number of seconds or Go duration. Fix: remove the sign; ESO's admission webhook refuses a negative store refreshInterval.",
  "validator: store retryInterval 10sec":
    "[ClusterSecretStore aws] spec.retrySettings.retryInterval: received a string that is not a Go duration (a unit Go does not know). Allowed: a Go duration such as \"30s\", \"15m\", \"1h\" or \"1h30m\" (units ns, us, µs, ms, s, m, h; no day unit, no spaces), or \"0\". Fix: write it in hours, minutes and seconds (24h, not 1d): ESO decodes this field with Go's time.ParseDuration and fails on anything else.",
  "validator: webhook generator timeout with a space":
    "[Webhook shop/token] spec.timeout: received a string that is not a Go duration (a unit Go does not know). Allowed: a Go duration such as \"30s\", \"15m\", \"1h\" or \"1h30m\" (units ns, us, µs, ms, s, m, h; no day unit, no spaces), or \"0\". Fix: write it in hours, minutes and seconds (24h, not 1d): ESO decodes this field with Go's time.ParseDuration and fails on anything else.",
  "validator: the same ExternalSecret twice":
    "[ExternalSecret shop/db] metadata.name: received the same group, kind, namespace and name as manifest 0. Allowed: one object per API group, kind, namespace and name in one input. Fix: rename or remove one of the two (applied together, the second silently replaces the first).",
  "validator: a password in a misspelt field":
    "[ExternalSecret shop/db] spec.passwrod: received a string. Allowed: the fields the schema declares here: \"data\", \"dataFrom\", \"refreshInterval\", \"refreshPolicy\", \"secretStoreRef\", \"syncWindows\", \"target\". Fix: remove it (the API server would drop an unknown field silently).",
  "validator: a secret as an enum value":
    "[ExternalSecret shop/db] spec.refreshPolicy: received a string. Allowed: one of \"CreatedOnce\", \"Periodic\", \"OnChange\". Fix: change the value to one the schema of the served version accepts.",
  "validator: a getter that throws":
    "[ConfigMap shop/app] data.token: received a getter or setter. Allowed: plain JSON data (objects, arrays, strings, finite numbers, booleans and null), as chart.toJson() or a YAML or JSON parser returns it. Fix: pass the data itself: no getters, proxies, class instances, symbols, bigints, functions, undefined array items or objects that contain themselves.",
  "validator: a proxy as a manifest":
    "[manifest 0] manifest: received a proxy. Allowed: plain JSON data (objects, arrays, strings, finite numbers, booleans and null), as chart.toJson() or a YAML or JSON parser returns it. Fix: pass the data itself: no getters, proxies, class instances, symbols, bigints, functions, undefined array items or objects that contain themselves.",
  "validator: a Date in data":
    "[ConfigMap shop/app] data.rotated: received an instance of Date. Allowed: plain JSON data (objects, arrays, strings, finite numbers, booleans and null), as chart.toJson() or a YAML or JSON parser returns it. Fix: pass the data itself: no getters, proxies, class instances, symbols, bigints, functions, undefined array items or objects that contain themselves.",
  "validator: a bigint in data":
    "[ConfigMap shop/app] data.size: received a bigint. Allowed: plain JSON data (objects, arrays, strings, finite numbers, booleans and null), as chart.toJson() or a YAML or JSON parser returns it. Fix: pass the data itself: no getters, proxies, class instances, symbols, bigints, functions, undefined array items or objects that contain themselves.",
  "validator: a function in data":
    "[ConfigMap shop/app] data.value: received a function. Allowed: plain JSON data (objects, arrays, strings, finite numbers, booleans and null), as chart.toJson() or a YAML or JSON parser returns it. Fix: pass the data itself: no getters, proxies, class instances, symbols, bigints, functions, undefined array items or objects that contain themselves.",
  "validator: a symbol key":
    "[ConfigMap shop/app] data: received a property keyed by a symbol. Allowed: plain JSON data (objects, arrays, strings, finite numbers, booleans and null), as chart.toJson() or a YAML or JSON parser returns it. Fix: pass the data itself: no getters, proxies, class instances, symbols, bigints, functions, undefined array items or objects that contain themselves.",
  "validator: an array that contains itself":
    "[ConfigMap shop/app] data.list[0]: received an object that contains itself. Allowed: plain JSON data (objects, arrays, strings, finite numbers, booleans and null), as chart.toJson() or a YAML or JSON parser returns it. Fix: pass the data itself: no getters, proxies, class instances, symbols, bigints, functions, undefined array items or objects that contain themselves.",
  "validator: 100000 levels of nesting":
    "[ConfigMap shop/app] data.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a: received a value nested more than 64 levels deep. Allowed: at most 64 levels of nesting (no Kubernetes or ESO schema nests half as deep). Fix: remove the nesting: an object this deep is not a Kubernetes object.",
  "validator: a 5 MB string":
    "[ConfigMap shop/app] manifest: received an object larger than 1572864 bytes of JSON. Allowed: an object of at most 1572864 bytes (1.5 MiB, etcd's default request limit: the API server cannot store a larger object). Fix: split the data over several objects, or keep large files out of manifests.",
  "validator: one object shared 2^50 times":
    "[ConfigMap shop/app] manifest: received an object larger than 1572864 bytes of JSON. Allowed: an object of at most 1572864 bytes (1.5 MiB, etcd's default request limit: the API server cannot store a larger object). Fix: split the data over several objects, or keep large files out of manifests.",
  "yaml: alias bomb":
    "[secrets.yaml#0] document: received YAML whose aliases (*name) expand past the limit. Allowed: at most 100 alias expansions per document (the yaml parser's maxAliasCount). Fix: write the repeated values out, or use fewer aliases: a document that expands this much is an alias bomb.",
  "yaml: duplicate key holding a secret":
    "[secrets.yaml#0] document: received YAML that does not parse (DUPLICATE_KEY at line 7, column 3). Allowed: YAML documents separated by ---, as kubectl reads them. Fix: fix the YAML syntax at the position given.",
  "yaml: an unresolved alias":
    "[secrets.yaml#0] document: received YAML that does not parse (UNRESOLVED_ALIAS). Allowed: YAML documents separated by ---, as kubectl reads them. Fix: fix the YAML syntax at the position given.",
  "yaml: text a Buffer":
    "[parseYamlDocuments <input>] text: received an object. Allowed: a string of YAML. Fix: pass the file contents as a string (fs.readFileSync(file, \"utf8\")).",
};
