/**
 * Detection of literal secrets in ESO templates: a template is committed to Git with the manifests,
 * so a password typed into `target.template.data` leaks. Template actions (`{{ ... }}`) are fine.
 */

const SECRET_KEY_NAME = /(pass(word|wd|phrase)?|pwd|secret|token|api[-_.]?key|access[-_.]?key|private[-_.]?key|credential|auth)/i;

const KNOWN_FORMATS: ReadonlyArray<[RegExp, string]> = [
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a PEM private key'],
  [/\b(AKIA|ASIA)[0-9A-Z]{16}\b/, 'an AWS access key ID'],
  [/\bgh[pousr]_[A-Za-z0-9]{30,}\b/, 'a GitHub token'],
  [/\bxox[abprs]-[A-Za-z0-9-]{10,}/, 'a Slack token'],
  [/\b(sk|rk)_live_[A-Za-z0-9]{16,}/, 'a Stripe key'],
  [/\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/, 'a JSON Web Token'],
  [/:\/\/[^/\s:@{}]+:[^/\s@{}]+@/, 'a URL with a password'],
];

/** The literal text of a template: everything outside `{{ ... }}` actions. */
function literalText(template: string): string {
  return template.replace(/\{\{[\s\S]*?\}\}/g, '');
}

/** True for a string that looks random: long, no spaces, several character classes. */
function looksRandom(text: string): boolean {
  if (text.length < 20 || /\s/.test(text)) {
    return false;
  }
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(text)).length;
  const unique = new Set(text).size;
  return classes >= 3 && unique >= 12;
}

/**
 * Why the template of `key` looks like it holds a literal secret, or undefined. Values built only
 * from actions (`{{ .password }}`) never match.
 * @internal
 */
export function literalSecretReason(key: string, template: string): string | undefined {
  if (typeof template !== 'string') {
    return undefined;
  }
  const literal = literalText(template);
  for (const [re, what] of KNOWN_FORMATS) {
    if (re.test(literal)) {
      return `it contains ${what}`;
    }
  }
  const trimmed = literal.trim();
  if (trimmed.length === 0) {
    return undefined;
  }
  if (!template.includes('{{') && SECRET_KEY_NAME.test(key)) {
    return `the key ${JSON.stringify(key)} names a credential and its value is a literal, not a template`;
  }
  if (trimmed.split(/[\s{}[\]",:;'<>()|]+/).some(looksRandom)) {
    return 'it contains a long random-looking literal';
  }
  return undefined;
}
