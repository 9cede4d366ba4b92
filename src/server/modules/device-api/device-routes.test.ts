import { describe, expect, it } from 'vitest';
import { BURST, RATE_PER_SECOND, tokenRateLimiter } from './device-routes';

describe('the per-token rate limit of the device API', () => {
  it(`allows a burst of ${BURST}, then ${RATE_PER_SECOND} a second, per token`, () => {
    const allow = tokenRateLimiter();
    const t0 = 1_000_000;
    for (let i = 0; i < BURST; i++) expect(allow('a', t0)).toBe(true);
    expect(allow('a', t0)).toBe(false);
    // Another token has its own bucket.
    expect(allow('b', t0)).toBe(true);
    // One millisecond refills one request at 1 000 a second.
    expect(allow('a', t0 + 1)).toBe(true);
    expect(allow('a', t0 + 1)).toBe(false);
    // A second later: a second's worth, no more.
    let allowed = 0;
    while (allow('a', t0 + 1001)) allowed++;
    expect(allowed).toBe(RATE_PER_SECOND);
  });

  it('refills no further than the burst after a long pause', () => {
    const allow = tokenRateLimiter();
    expect(allow('a', 0)).toBe(true);
    let allowed = 0;
    while (allow('a', 3_600_000)) allowed++;
    expect(allowed).toBe(BURST);
  });
});
