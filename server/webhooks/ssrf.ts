import type { LookupAddress, LookupOneOptions } from 'node:dns';
import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

/** Why a webhook URL or address was refused; the message is shown to the admin as is. */
export class UnsafeWebhookTarget extends Error {
  override name = 'UnsafeWebhookTarget';
  /** Refused only as plain http or a non-public address: what WEBHOOK_ALLOW_PRIVATE=1 allows. */
  readonly allowedWhenPrivate: boolean;
  constructor(message: string, options: { allowedWhenPrivate?: boolean } = {}) {
    super(message);
    this.allowedWhenPrivate = options.allowedWhenPrivate ?? false;
  }
}

/**
 * Whether an address is one the public internet routes to a stranger's server: public unicast
 * IPv4, or global unicast IPv6 (2000::/3). Everything else is refused: loopback, private,
 * link-local (with the cloud metadata addresses), CGNAT, unspecified, multicast, reserved,
 * unique-local, and IPv6 forms that carry an IPv4 address (mapped, compatible, 6to4, Teredo, NAT64).
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv4') return parsed.range() === 'unicast';
  const v6 = parsed as ipaddr.IPv6;
  // 2000::/3 holds every global unicast address; ::/96 (IPv4-compatible) and the rest are outside it.
  return v6.range() === 'unicast' && v6.match(ipaddr.IPv6.parse('2000::'), 3);
}

export interface TargetRules {
  /** WEBHOOK_ALLOW_PRIVATE=1: any address and plain http (development and tests only). */
  allowPrivate: boolean;
}

/** The URL's host without IPv6 brackets. */
export const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

/** Parses a webhook URL and checks its form: https (or http when private targets are allowed), no credentials. */
export function parseWebhookUrl(raw: string, rules: TargetRules): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeWebhookTarget('The webhook URL is not a valid absolute URL.');
  }
  const allowed = rules.allowPrivate ? ['https:', 'http:'] : ['https:'];
  if (!allowed.includes(url.protocol)) {
    throw new UnsafeWebhookTarget('A webhook URL must use https.', {
      allowedWhenPrivate: url.protocol === 'http:',
    });
  }
  if (url.username || url.password) {
    throw new UnsafeWebhookTarget('A webhook URL cannot carry a user name or password.');
  }
  if (!url.hostname) throw new UnsafeWebhookTarget('The webhook URL has no host.');
  url.hash = '';
  return url;
}

function refuseAddress(host: string, address: string): never {
  const shown = host === address ? address : `${host} (${address})`;
  throw new UnsafeWebhookTarget(
    `${shown} is a loopback, private, link-local or otherwise non-public address; webhooks only go to public servers.`,
    { allowedWhenPrivate: true },
  );
}

/** Every address a host name resolves to, each checked; one bad address refuses the whole host. */
export async function resolvePublicAddresses(host: string, rules: TargetRules): Promise<LookupAddress[]> {
  if (ipaddr.isValid(host)) {
    if (!rules.allowPrivate && !isPublicAddress(host)) refuseAddress(host, host);
    return [{ address: host, family: ipaddr.parse(host).kind() === 'ipv4' ? 4 : 6 }];
  }
  let addresses: LookupAddress[];
  try {
    addresses = await lookup(host, { all: true, verbatim: true });
  } catch {
    throw new UnsafeWebhookTarget(`The host ${host} could not be resolved.`);
  }
  if (addresses.length === 0) throw new UnsafeWebhookTarget(`The host ${host} could not be resolved.`);
  if (!rules.allowPrivate) {
    for (const { address } of addresses) if (!isPublicAddress(address)) refuseAddress(host, address);
  }
  return addresses;
}

/** Checks a URL when it is saved: its form, and where its host points right now. */
export async function checkWebhookUrl(raw: string, rules: TargetRules): Promise<URL> {
  const url = parseWebhookUrl(raw, rules);
  await resolvePublicAddresses(hostOf(url), rules);
  return url;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for node:http(s) that resolves once, checks every address and hands the socket only
 * checked addresses: the address checked is the address connected to, so a name cannot be
 * re-pointed at a private address between the check and the connection.
 */
export function guardedLookup(rules: TargetRules) {
  return (hostname: string, options: LookupOneOptions | { all: true }, callback: LookupCallback) => {
    resolvePublicAddresses(hostname, rules).then(
      (resolved) => {
        const family = (options as { family?: number }).family;
        const addresses = family ? resolved.filter((a) => a.family === family) : resolved;
        if (addresses.length === 0) {
          callback(
            Object.assign(new Error(`No IPv${family} address for ${hostname}.`), { code: 'ENOTFOUND' }),
            [],
          );
        } else if ((options as { all?: boolean }).all) callback(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (error: Error) => callback(Object.assign(error, { code: 'EUNSAFETARGET' }), [] as LookupAddress[]),
    );
  };
}
