import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNonPublicAddress } from '../../http/address-ranges';
import { hasPrivateLiteralHost, PRIVATE_INTEGRATION_MESSAGE } from '../vendors/integration-address';
import { callVendorIntegration } from './vendor-integration';

const REQUEST = { activationNumber: 1, organizationInn: '7701234560', licenses: [] };

let server: http.Server;
let port: number;
let received = 0;

beforeAll(async () => {
  server = http.createServer((_req, res) => {
    received++;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A resolver answering from a script, one answer per call: what a rebinding DNS server does. */
function scriptedResolver(...answers: string[]) {
  let call = 0;
  const resolve = (_host: string, _options: unknown, callback: (...args: unknown[]) => void) => {
    const address = answers[Math.min(call++, answers.length - 1)] ?? '127.0.0.1';
    callback(null, [{ address, family: address.includes(':') ? 6 : 4 }]);
  };
  return resolve as unknown as typeof import('node:dns').lookup;
}

describe('non-public addresses (issue 8, item 14)', () => {
  it('knows loopback, RFC 1918, link-local, CGNAT, unique-local, mapped and NAT64 forms', () => {
    for (const ip of [
      '127.0.0.1',
      '127.8.9.10',
      '10.0.0.1',
      '172.16.5.4',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fd12:3456::1',
      'fe80::1',
      '::ffff:10.0.0.1',
      '::ffff:7f00:1',
      '64:ff9b::a00:1',
      '[::1]',
    ])
      expect(isNonPublicAddress(ip), ip).toBe(true);
    for (const ip of [
      '8.8.8.8',
      '172.32.0.1',
      '100.128.0.1',
      '203.0.113.5',
      '2a00:1450:4010::1',
      '64:ff9b::808:808',
    ])
      expect(isNonPublicAddress(ip), ip).toBe(false);
  });

  it('judges a URL by its literal host, however the address is spelled', () => {
    for (const url of [
      'http://127.0.0.1:8080/x',
      'https://0x7f.1/',
      'https://2130706433/',
      'https://[::1]/',
      'https://10.1.2.3/',
      'https://localhost/',
      'https://api.LOCALHOST./',
      'https://[fd00::1]/',
    ])
      expect(hasPrivateLiteralHost(url), url).toBe(true);
    expect(hasPrivateLiteralHost('https://vendor.example/activate')).toBe(false);
  });
});

describe('callVendorIntegration refuses internal addresses at call time', () => {
  it('a literal loopback URL is not called unless allowed', async () => {
    const url = `http://127.0.0.1:${port}/activate`;
    const before = received;
    expect(await callVendorIntegration(url, REQUEST)).toEqual({
      ok: false,
      error: PRIVATE_INTEGRATION_MESSAGE,
    });
    expect(received).toBe(before);
    expect(await callVendorIntegration(url, REQUEST, { allowPrivate: true })).toEqual({ ok: true });
    expect(received).toBe(before + 1);
  });

  it('a name that resolves to loopback is refused, on every call (DNS rebinding)', async () => {
    const url = `http://vendor.example:${port}/activate`;
    const before = received;
    // First answer public (the connection then fails: nothing listens there), the next one loopback.
    const resolve = scriptedResolver('203.0.113.9', '127.0.0.1');
    const first = await callVendorIntegration(url, REQUEST, { resolve, timeoutMs: 2000 });
    expect(first.ok).toBe(false);
    expect(first).not.toEqual({ ok: false, error: PRIVATE_INTEGRATION_MESSAGE });
    const second = await callVendorIntegration(url, REQUEST, { resolve });
    expect(second).toEqual({ ok: false, error: PRIVATE_INTEGRATION_MESSAGE });
    const mixed = await callVendorIntegration(url, REQUEST, { resolve: scriptedResolver('fd00::7') });
    expect(mixed).toEqual({ ok: false, error: PRIVATE_INTEGRATION_MESSAGE });
    expect(received).toBe(before);
  });
});
