import { canonicalJson } from '../src/integrity/canonical-json';
import { linkHash } from '../src/integrity/hash-chain';

/**
 * Stored chains were hashed over this text: any change to it, however small, breaks every chain on record. The
 * expected strings and the hash below were produced by the first implementation, before it was made faster.
 */
describe('canonical JSON, the text hashes are taken over', () => {
  it.each([
    [null, 'null'],
    [0, '0'],
    [-0, '0'],
    [1.5, '1.5'],
    [1e21, '1e+21'],
    ['x', '"x"'],
    ['é\u0000"\\', '"é\\u0000\\"\\\\"'],
    [true, 'true'],
    [[], '[]'],
    [{}, '{}'],
    [[undefined, 1, null], '[null,1,null]'],
    [{ b: 1, a: undefined, A: 2, ä: 3, '10': 4, '9': 5, ' ': 6 }, '{" ":6,"10":4,"9":5,"A":2,"b":1,"ä":3}'],
    [{ nested: { z: [1, { y: 'q', x: [] }], a: { '': 0 } }, f: () => 1, d: new Date(0) }, '{"d":{},"f":null,"nested":{"a":{"":0},"z":[1,{"x":[],"y":"q"}]}}'],
  ])('%p reads %s', (value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });

  it('links an event exactly as chains on record were linked', () => {
    const event = {
      id: '7f1c1d1e-0000-4000-8000-000000000001',
      streamId: 'partnership-p-ke',
      revision: 3,
      type: 'FundingCommitted',
      schemaVersion: 1,
      data: {
        flowId: 'c-1',
        providerId: 'org-nl-mfa',
        receiverId: 'org-cyberbridge',
        amount: { amountMinor: 48_000_000, currency: 'EUR' },
        date: '2026-02-01',
        exchangeRate: null,
      },
      metadata: { actor: 'sanne', organisation: 'org-nl-mfa', correlationId: 'corr-1', causationId: null, recordedAt: '2026-02-01T09:30:00.000Z' },
    };
    expect(linkHash(event, 'a'.repeat(64))).toBe('89bd026985486846f8a3084ae6723940db036c4e6f2b349b2aa96ad910b8d09a');
  });
});
