import dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import { bareAddress, isLocalhostName, isNonPublicAddress } from '../../http/address-ranges';

/** Shown on the activation («Ошибка») and when the vendor is saved; names the setting, never the address. */
export const PRIVATE_INTEGRATION_MESSAGE =
  'Адрес интеграции вендора ведёт в локальную или внутреннюю сеть: такие адреса запрещены (разрешает администратор сервера настройкой ALLOW_PRIVATE_INTEGRATION_URLS)';

/** The error a guarded lookup fails with; callVendorIntegration turns it into PRIVATE_INTEGRATION_MESSAGE. */
export const PRIVATE_ADDRESS_CODE = 'ERR_KABINET_PRIVATE_ADDRESS';

/**
 * Whether the URL's own host is this machine or an internal network: an IP literal in a non-public range
 * (the WHATWG parser has already turned `0x7f.1` or `2130706433` into `127.0.0.1`) or a `localhost` name.
 * A name that merely resolves to such an address is caught at call time by publicOnlyLookup.
 */
export function hasPrivateLiteralHost(url: string): boolean {
  let host: string;
  try {
    host = bareAddress(new URL(url).hostname);
  } catch {
    return false; // not a URL: the schema answers that
  }
  if (isIP(host)) return isNonPublicAddress(host);
  return isLocalhostName(host);
}

type Lookup = typeof dns.lookup;

/**
 * A `lookup` for the HTTP request that resolves the name and refuses it when any address is not public.
 * The socket connects to exactly the addresses checked here, so a name that answers a public address to one
 * query and 127.0.0.1 to the next (DNS rebinding) cannot slip past (OWASP SSRF prevention cheat sheet).
 */
export function publicOnlyLookup(resolve: Lookup = dns.lookup): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as dns.LookupAddress[];
      const first = list[0];
      if (!first || list.some((a) => isNonPublicAddress(a.address))) {
        const refused: NodeJS.ErrnoException = new Error(`${hostname} resolves to a non-public address`);
        refused.code = PRIVATE_ADDRESS_CODE;
        return callback(refused, '', 0);
      }
      if (options.all) callback(null, list);
      else callback(null, first.address, first.family);
    });
  };
}
