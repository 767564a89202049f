// Expected messages of cases-gitops.ts (per-cluster GitOps output): exact messages, reviewed one by one; each names
// the layout or construct path and the prop the user typed, and never echoes a credential.
export const GITOPS_EXPECTED: Readonly<Record<string, string>> = {
  "gitops: a directory escaping the repository":
    "[estate/gitops] clusters[0].directory: received \"../../etc\". Allowed: a DNS-1123 label (lowercase letters, digits and \"-\", at most 63 characters): one directory name, also used in the names of the Argo CD Applications and Flux Kustomizations. Fix: name the directory \"prod\" (no \"/\", \".\" or \"..\": the directory must stay inside basePath).",
  "gitops: a base path escaping the repository":
    "[estate/gitops] basePath: received \"clusters/../..\". Allowed: a relative path inside the repository: segments of letters, digits, \".\", \"_\" and \"-\" separated by \"/\", none of them \".\" or \"..\", no leading or trailing \"/\". Fix: pass a path such as \"clusters\" or \"platform/clusters\".",
  "gitops: two clusters in one directory":
    "[estate/gitops] clusters[1].directory: received \"all\". Allowed: a value different from the one at clusters[0].directory (it must be unique). Fix: give each cluster its own directory (two clusters in one directory would each apply the other's objects).",
  "gitops: a declared cluster left out of the layout":
    "[estate/gitops] clusters: received [\"prod\"]. Allowed: an entry for every cluster of the declaration, including \"dev\". Fix: add { cluster: <the \"dev\" cluster> } to clusters.",
  "gitops: waves putting ExternalSecrets before stores":
    "[estate/gitops] syncWaves: received {\"stores\":5,\"externalSecrets\":1,\"workloads\":9}. Allowed: integers with stores < externalSecrets < workloads (stores must exist before the ExternalSecrets that use them, and Secrets before the workloads that mount them). Fix: pass increasing waves such as { stores: 1, externalSecrets: 2, workloads: 3 }.",
  "gitops: API server URL with a password":
    "[estate/gitops] clusters[0].argoCdDestination.server: received \"https://***@prod.k8s.example.com\". Allowed: an API server URL: an absolute https:// URL with a host and no user or password. Fix: remove the credentials from the URL and give them to the consumer through its auth settings (credentials in a URL end up in Git and logs).",
  "gitops: Argo CD cluster with no destination":
    "[estate/gitops] clusters[1].argoCdDestination: received no argoCdDestination. Allowed: an Argo CD destination for cluster \"dev\": ArgoCdDestination.server(<API server URL>) or ArgoCdDestination.clusterName(<Argo CD cluster name>). Fix: set argoCdDestination on the \"dev\" entry of the GitOpsLayout (the in-cluster destination is ArgoCdDestination.server(\"https://kubernetes.default.svc\")).",
  "gitops: repository URL with a token":
    "[argo/apps] repository.url: received \"https://***@git.example.com/estate.git\". Allowed: a Git repository URL: https://host/path, ssh://[user@]host[:port]/path or user@host:path, with no password, query, fragment, whitespace or \"{\" \"}\". Fix: remove the credentials from the URL and give them to Argo CD (a repository Secret) or Flux (secretRef) instead (credentials in a URL end up in Git and logs).",
  "gitops: repository URL over plain http":
    "[argo/apps] repository.url: received \"http://git.example.com/estate.git\". Allowed: a Git repository URL: https://host/path, ssh://[user@]host[:port]/path or user@host:path, with no password, query, fragment, whitespace or \"{\" \"}\". Fix: use https:// or ssh:// (Argo CD and Flux fetch over these).",
  "gitops: repository URL with an ApplicationSet template":
    "[argo/apps] repository.url: received \"https://git.example.com/{{.cluster}}.git\". Allowed: a Git repository URL: https://host/path, ssh://[user@]host[:port]/path or user@host:path, with no password, query, fragment, whitespace or \"{\" \"}\". Fix: remove whitespace, \"{\", \"}\", the query and the fragment.",
  "gitops: revision with a range":
    "[argo/apps] repository.targetRevision: received \"main..feature\". Allowed: a branch, tag or commit: letters, digits, \".\", \"_\", \"/\" and \"-\", at most 255 characters, no \"..\" and no leading or trailing \"/\" or \".\". Fix: pass a revision such as \"main\", \"v1.2.0\" or \"HEAD\".",
  "gitops: Flux source name with a path":
    "[flux/k] sourceRef.name: received \"flux-system/platform\". Allowed: a DNS-1123 label: at most 63 characters, lowercase letters, digits and \"-\", starting and ending with a letter or digit. Fix: rename it, for example \"flux-system-platform\".",
  "gitops: another cluster's platform in a cluster's directory":
    "[c/platform] cluster: received \"dev\". Allowed: \"prod\", the cluster this directory is for (a directory holds only its cluster's objects). Fix: render cluster \"dev\" in its own GitOpsClusterApp.",
  "gitops: an ExternalSecret wave contradicting its phase":
    "[c/platform/ExternalSecret-db] metadata.annotations[\"argocd.argoproj.io/sync-wave\"]: received \"7\". Allowed: \"2\", the wave of the \"external-secrets\" phase of the GitOps layout (its directory and Flux Kustomization). Fix: remove the sync wave from the object (the layout sets it on every object), or set the layout's syncWaves.externalSecrets to it.",
};
