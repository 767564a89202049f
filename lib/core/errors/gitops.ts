// Errors raised by the per-cluster GitOps output (lib/platform/gitops*.ts). Every factory builds its message with configurationError().
import { configurationError, ConfigurationError, DescribedValue } from './format';

const DIRECTORY_ALLOWED = 'a DNS-1123 label (lowercase letters, digits and "-", at most 63 characters): one directory name, ' +
  'also used in the names of the Argo CD Applications and Flux Kustomizations';

/** A cluster directory name that is not a single safe path segment. */
export function invalidGitOpsDirectory(path: string, prop: string, value: string, suggestion: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: DIRECTORY_ALLOWED,
    fix: `name the directory ${JSON.stringify(suggestion)} (no "/", "." or "..": the directory must stay inside basePath)`,
  });
}

/** A base path that could leave the repository or is not a plain relative path. */
export function invalidGitOpsBasePath(path: string, value: string): ConfigurationError {
  return configurationError({
    path, prop: 'basePath', value,
    allowed: 'a relative path inside the repository: segments of letters, digits, ".", "_" and "-" separated by "/", ' +
      'none of them "." or "..", no leading or trailing "/"',
    fix: 'pass a path such as "clusters" or "platform/clusters"',
  });
}

/** A declared cluster the layout has no entry for (it would get no directory and no GitOps object). */
export function gitOpsClusterMissing(path: string, clusterId: string, listed: readonly string[]): ConfigurationError {
  return configurationError({
    path, prop: 'clusters', value: listed,
    allowed: `an entry for every cluster of the declaration, including ${JSON.stringify(clusterId)}`,
    fix: `add { cluster: <the "${clusterId}" cluster> } to clusters`,
  });
}

/** A layout entry whose cluster is not one of the declaration's. */
export function gitOpsClusterNotDeclared(path: string, prop: string, value: unknown): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a cluster declared in this declaration (declaration.addEksCluster() and the like)',
    fix: 'pass the object the declaration returned for the cluster',
  });
}

/** A cluster with no Argo CD destination, when Argo CD objects are rendered. */
export function missingArgoCdDestination(path: string, prop: string, clusterId: string): ConfigurationError {
  return configurationError({
    path, prop, value: new DescribedValue('no argoCdDestination'),
    allowed: `an Argo CD destination for cluster ${JSON.stringify(clusterId)}: ArgoCdDestination.server(<API server URL>) or ArgoCdDestination.clusterName(<Argo CD cluster name>)`,
    fix: `set argoCdDestination on the "${clusterId}" entry of the GitOpsLayout (the in-cluster destination is ArgoCdDestination.server("https://kubernetes.default.svc"))`,
  });
}

/** An Argo CD cluster name that Argo CD cannot hold or that would be read as a template. */
export function invalidArgoCdClusterName(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'an Argo CD cluster name: 1 to 253 letters, digits, ".", "_" and "-", starting and ending with a letter or digit',
    fix: 'use the name shown by `argocd cluster list`',
  });
}

/** A Git repository URL Argo CD and Flux cannot use, or one that carries credentials. */
export function invalidRepositoryUrl(path: string, prop: string, redacted: string, fix: string): ConfigurationError {
  return configurationError({
    path, prop, value: new DescribedValue(JSON.stringify(redacted)),
    allowed: 'a Git repository URL: https://host/path, ssh://[user@]host[:port]/path or user@host:path, ' +
      'with no password, query, fragment, whitespace or "{" "}"',
    fix,
  });
}

/** A Git revision that is not a plain branch, tag or commit. */
export function invalidGitRevision(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a branch, tag or commit: letters, digits, ".", "_", "/" and "-", at most 255 characters, no ".." and no leading or trailing "/" or "."',
    fix: 'pass a revision such as "main", "v1.2.0" or "HEAD"',
  });
}

/** Sync waves that do not put stores before ExternalSecrets before workloads. */
export function unorderedSyncWaves(path: string, value: Readonly<Record<string, number>>): ConfigurationError {
  return configurationError({
    path, prop: 'syncWaves', value,
    allowed: 'integers with stores < externalSecrets < workloads (stores must exist before the ExternalSecrets that use them, ' +
      'and Secrets before the workloads that mount them)',
    fix: 'pass increasing waves such as { stores: 1, externalSecrets: 2, workloads: 3 }',
  });
}

/** An object whose sync wave contradicts the phase the layout puts it in. */
export function syncWaveOutOfPhase(path: string, value: string, phase: string, wave: number, waveProp: string): ConfigurationError {
  return configurationError({
    path, prop: 'metadata.annotations["argocd.argoproj.io/sync-wave"]', value,
    allowed: `"${wave}", the wave of the ${JSON.stringify(phase)} phase of the GitOps layout (its directory and Flux Kustomization)`,
    fix: `remove the sync wave from the object (the layout sets it on every object), or set the layout's syncWaves.${waveProp} to it`,
  });
}

/** Platform objects of another cluster in a cluster's directory. */
export function otherClusterInDirectory(path: string, renderedCluster: string, cluster: string): ConfigurationError {
  return configurationError({
    path, prop: 'cluster', value: renderedCluster,
    allowed: `${JSON.stringify(cluster)}, the cluster this directory is for (a directory holds only its cluster's objects)`,
    fix: `render cluster ${JSON.stringify(renderedCluster)} in its own GitOpsClusterApp`,
  });
}

/** A name prefix whose derived object names exceed what Argo CD and Flux can put in a label. */
export function gitOpsNameTooLong(path: string, prop: string, prefix: string, derived: string): ConfigurationError {
  return configurationError({
    path, prop, value: prefix,
    allowed: `a prefix whose derived names are at most 63 characters (Argo CD and Flux copy the name into a label value); ${JSON.stringify(derived)} has ${derived.length}`,
    fix: 'pass a shorter namePrefix, or shorter cluster directories',
  });
}
