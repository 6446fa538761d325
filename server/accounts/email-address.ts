import { safeAsciiDomain } from './domain-safety.ts';

export interface EmailAddress {
  /** As the registrant typed it, normalised to NFKC and trimmed. */
  display: string;
  /** The login ID: lower-case ASCII local part and domain. Unique per workdomain. */
  canonical: string;
}

// Printable ASCII allowed in an unquoted local part (RFC 5322 dot-atom).
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * Parses an address a person typed. NFKC folds look-alikes such as the Kelvin sign into ASCII;
 * anything still outside ASCII in the local part (dotless i, zero-width characters) is refused
 * rather than guessed at, so two different strings never map to one login ID by accident.
 */
export function parseEmailAddress(input: string): EmailAddress | null {
  const display = input.normalize('NFKC').trim();
  if (display.length > 254) return null;
  const at = display.lastIndexOf('@');
  if (at < 1) return null;
  const local = display.slice(0, at);
  const domainInput = display.slice(at + 1);
  if (local.length > 64 || !LOCAL_PART.test(local)) return null;
  const domain = safeAsciiDomain(domainInput.toLowerCase());
  if (!domain || domain.length > 253) return null;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return null;
  if (/^[0-9]+$/.test(labels.at(-1)!)) return null;
  return { display: `${local}@${domainInput.toLowerCase()}`, canonical: `${local.toLowerCase()}@${domain}` };
}

// A letter or digit that shows: fillers such as U+3164 are letters but default-ignorable (invisible).
const VISIBLE_LETTER_OR_DIGIT = /(?!\p{Default_Ignorable_Code_Point})[\p{L}\p{N}]/u;

/**
 * Person names: 1–100 characters of text with at least one visible letter or digit, no control
 * characters (they could reach mail headers).
 */
export function parsePersonName(input: string): string | null {
  if (/[\p{Cc}\p{Cf}\u2028\u2029]/u.test(input)) return null;
  const name = input.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (name.length < 1 || [...name].length > 100) return null;
  if (!VISIBLE_LETTER_OR_DIGIT.test(name)) return null;
  return name;
}
