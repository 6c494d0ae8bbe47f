import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Addresses a webhook may not be delivered to: loopback, private (RFC 1918,
 * unique local), link-local (cloud metadata at 169.254.169.254), carrier-grade
 * NAT, benchmarking, multicast and reserved ranges, IPv4 and IPv6 — so a tenant
 * cannot point the server at its own network.
 */
const NON_PUBLIC = (() => {
  const list = new BlockList();
  for (const [network, prefix] of [
    ['0.0.0.0', 8],
    ['10.0.0.0', 8],
    ['100.64.0.0', 10],
    ['127.0.0.0', 8],
    ['169.254.0.0', 16],
    ['172.16.0.0', 12],
    ['192.0.0.0', 24],
    ['192.168.0.0', 16],
    ['198.18.0.0', 15],
    ['224.0.0.0', 4],
    ['240.0.0.0', 4],
  ] as const) {
    list.addSubnet(network, prefix, 'ipv4');
  }
  for (const [network, prefix] of [
    ['::', 128],
    ['::1', 128],
    // IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96, local-use 64:ff9b:1::/48), 6to4 and
    // Teredo: each carries an IPv4 address that a gateway on the way may reach.
    ['::', 96],
    ['64:ff9b::', 96],
    ['64:ff9b:1::', 48],
    ['2002::', 16],
    ['2001::', 32],
    ['100::', 64],
    ['2001:db8::', 32],
    ['fc00::', 7],
    ['fe80::', 10],
    ['fec0::', 10],
    ['ff00::', 8],
  ] as const) {
    list.addSubnet(network, prefix, 'ipv6');
  }
  return list;
})();

const LOOPBACK = (() => {
  const list = new BlockList();
  list.addSubnet('127.0.0.0', 8, 'ipv4');
  list.addAddress('::1', 'ipv6');
  return list;
})();

/** An IPv4-mapped IPv6 address (`::ffff:10.0.0.1`) as its IPv4 address. */
function unmapped(address: string): string {
  const match = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return match?.[1] ?? address;
}

/** Whether `address` (an IP literal) is on the public internet; `allowLoopback` lets 127/8 and ::1 through. */
export function isPublicAddress(address: string, allowLoopback = false): boolean {
  const ip = unmapped(address.replace(/^\[|\]$/g, ''));
  const family = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
  if (allowLoopback && LOOPBACK.check(ip, family)) return true;
  return !NON_PUBLIC.check(ip, family);
}

/** Why `hostname` may not receive webhooks when it is an IP literal or `localhost`, or `undefined`. */
export function literalHostProblem(hostname: string, allowLoopback: boolean): string | undefined {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) {
    return allowLoopback ? undefined : 'The URL may not point at localhost.';
  }
  if (isIP(unmapped(host)) === 0) return undefined;
  return isPublicAddress(host, allowLoopback)
    ? undefined
    : 'The URL may not point at a private, loopback or link-local address.';
}

/** A resolver shaped like `dns.lookup` with `{ all: true }`. */
export type ResolveAll = (
  hostname: string,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

const systemResolveAll: ResolveAll = (hostname, callback) =>
  dnsLookup(hostname, { all: true }, callback);

/** `resolveAll` as a promise of the addresses alone, as {@link destinationProblem} takes it. */
export function addressesOf(resolveAll: ResolveAll): (host: string) => Promise<string[]> {
  return (host) =>
    new Promise((resolve, reject) =>
      resolveAll(host, (error, addresses) =>
        error ? reject(error) : resolve(addresses.map((entry) => entry.address)),
      ),
    );
}

/**
 * Resolve `url`'s host and refuse it when any address it resolves to is not
 * public (see {@link isPublicAddress}): returns why, or `undefined` when it may
 * be called. Checked before every attempt, since DNS answers change.
 */
export async function destinationProblem(
  url: string,
  allowLoopback: boolean,
  resolve: (host: string) => Promise<string[]> = addressesOf(systemResolveAll),
): Promise<string | undefined> {
  const { hostname } = new URL(url);
  const literal = literalHostProblem(hostname, allowLoopback);
  if (literal !== undefined) return 'destination not allowed (not a public address)';
  let addresses: string[];
  try {
    addresses = isIP(hostname.replace(/^\[|\]$/g, '')) === 0 ? await resolve(hostname) : [hostname];
  } catch {
    return 'network error (the host does not resolve)';
  }
  return addresses.every((address) => isPublicAddress(address, allowLoopback))
    ? undefined
    : 'destination not allowed (not a public address)';
}

/** The system error code a refused destination fails a connection with (`network error (…)`). */
export const DESTINATION_REFUSED_CODE = 'ERR_WEBHOOK_DESTINATION_NOT_PUBLIC';

/**
 * A `lookup` for outgoing connections (`net.connect`'s, hence undici's
 * `connect.lookup`) that resolves the host and refuses it, at connect time,
 * when any of its addresses is not public: the address a delivery connects to
 * is the one that was checked, so a DNS answer that changes between the check
 * and the connection (DNS rebinding) cannot reach a private network. The
 * connection fails with the code {@link DESTINATION_REFUSED_CODE}.
 */
export function publicAddressLookup(
  allowLoopback: boolean,
  resolveAll: ResolveAll = systemResolveAll,
): LookupFunction {
  return (hostname, options, callback) => {
    resolveAll(hostname, (error, addresses) => {
      if (error !== null) {
        callback(error, '', 0);
        return;
      }
      const wanted =
        options.family === 4 || options.family === 6
          ? addresses.filter((entry) => entry.family === options.family)
          : addresses;
      if (
        wanted.length === 0 ||
        addresses.some((entry) => !isPublicAddress(entry.address, allowLoopback))
      ) {
        const refused: NodeJS.ErrnoException = new Error(
          'The destination resolves to an address that is not public.',
        );
        refused.code = DESTINATION_REFUSED_CODE;
        callback(refused, '', 0);
        return;
      }
      if (options.all === true) {
        (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, wanted);
        return;
      }
      const [first] = wanted as [LookupAddress];
      callback(null, first.address, first.family);
    });
  };
}
