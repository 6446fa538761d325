import { domainToASCII } from 'node:url';
import { disposableEmailBlocklistSet } from 'disposable-email-domains-js';
import type { registrationSettings } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';

type DomainRules = Pick<
  typeof registrationSettings.$inferSelect,
  'allowedEmailDomains' | 'blockedEmailDomains' | 'blockDisposableEmails'
>;

const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * A domain an admin typed, as stored: lower-case ASCII (IDNs as punycode), no trailing dot; null
 * when it is not a domain name. "@example.com" is taken as "example.com".
 */
export function normaliseDomain(input: string): string | null {
  const trimmed = input.normalize('NFKC').trim().replace(/^@/, '').replace(/\.$/, '').toLowerCase();
  if (!trimmed || /[\s/:@?#]/.test(trimmed)) return null;
  const domain = domainToASCII(trimmed);
  if (!domain || domain.length > 253) return null;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return null;
  if (/^[0-9]+$/.test(labels.at(-1)!)) return null;
  return domain;
}

/** A list of domains as stored (normalised, no duplicates, in the order given); 422 for a malformed one. */
export function normaliseDomainList(inputs: readonly string[], what: string): string[] {
  const domains = new Set<string>();
  for (const input of inputs) {
    const domain = normaliseDomain(input);
    if (!domain) {
      throw new AppError('invalid_request', {
        status: 422,
        message: `${what}: "${input.slice(0, 100)}" is not a domain name such as example.com.`,
      });
    }
    domains.add(domain);
  }
  return [...domains];
}

/** The domain itself and every parent domain: a.b.example.com → a.b.example.com, b.example.com, example.com, com. */
function selfAndParents(domain: string): string[] {
  const labels = domain.split('.');
  return labels.map((_, i) => labels.slice(i).join('.'));
}

const matchesAny = (domain: string, list: readonly string[]) =>
  list.length > 0 && selfAndParents(domain).some((candidate) => list.includes(candidate));

let disposable: Set<string> | undefined;
const isDisposable = (domain: string) => {
  disposable ??= disposableEmailBlocklistSet();
  return selfAndParents(domain).some((candidate) => disposable!.has(candidate));
};

/**
 * Throws 422 email_domain_not_allowed when the workdomain's rules refuse the address's domain.
 * `canonicalEmail` has a lower-case ASCII domain (parseEmailAddress). The answer depends only on
 * the address and the rules, never on whether an account exists.
 */
export function assertEmailDomainAllowed(rules: DomainRules, canonicalEmail: string) {
  const domain = canonicalEmail.slice(canonicalEmail.lastIndexOf('@') + 1);
  const refused =
    (rules.allowedEmailDomains.length > 0 && !matchesAny(domain, rules.allowedEmailDomains)) ||
    matchesAny(domain, rules.blockedEmailDomains) ||
    (rules.blockDisposableEmails && isDisposable(domain));
  if (refused) throw new AppError('email_domain_not_allowed');
}
