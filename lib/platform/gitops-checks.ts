/** Checks of the values the Argo CD and Flux objects carry (not exported from the package). */
import { invalidGitRevision, invalidRepositoryUrl } from '../core/errors';
import { assertType, redactUrl } from '../core/validation';

const GIT_REVISION = /^[A-Za-z0-9_-]([A-Za-z0-9._/-]{0,253}[A-Za-z0-9_-])?$/;

/**
 * Throws the library's error unless `url` is a Git repository URL Argo CD and Flux accept without
 * credentials in it: `https://host/path`, `ssh://[user@]host[:port]/path` or `user@host:path`.
 */
export function assertRepositoryUrl(path: string, prop: string, url: unknown): void {
  assertType(path, prop, url, 'string');
  const value = url as string;
  const redacted = redactUrl(value);
  if (/[\s{}?#]/.test(value) || value.length > 2048) {
    throw invalidRepositoryUrl(path, prop, redacted, 'remove whitespace, "{", "}", the query and the fragment');
  }
  const scp = /^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:(?!\/\/)[A-Za-z0-9._~/-]+$/;
  if (scp.test(value)) {
    return;
  }
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw invalidRepositoryUrl(path, prop, redacted, 'pass a full URL such as "https://github.com/org/platform.git" or "git@github.com:org/platform.git"');
  }
  const scheme = parsed.protocol.replace(/:$/, '');
  if (scheme !== 'https' && scheme !== 'ssh') {
    throw invalidRepositoryUrl(path, prop, redacted, 'use https:// or ssh:// (Argo CD and Flux fetch over these)');
  }
  if (parsed.password !== '' || scheme === 'https' && parsed.username !== '') {
    throw invalidRepositoryUrl(path, prop, redacted,
      'remove the credentials from the URL and give them to Argo CD (a repository Secret) or Flux (secretRef) instead (credentials in a URL end up in Git and logs)');
  }
  if (parsed.hostname === '' || parsed.pathname.replace(/\/$/, '') === '') {
    throw invalidRepositoryUrl(path, prop, redacted, 'include the host and the repository path');
  }
}

/** Throws the library's error unless `revision` is a plain branch, tag or commit. */
export function assertGitRevision(path: string, prop: string, revision: unknown): void {
  assertType(path, prop, revision, 'string');
  const value = revision as string;
  if (!GIT_REVISION.test(value) || value.includes('..') || value.includes('//')) {
    throw invalidGitRevision(path, prop, value);
  }
}
