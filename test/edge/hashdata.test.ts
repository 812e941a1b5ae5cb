import { describe, expect, it } from 'vitest';
import { edge, errorOf } from './helpers.ts';

type Hashdata = { qlatent: number[]; seed: number };

describe('/api/hashdata/', () => {
  it("reproduces the spec's example exactly", async () => {
    const res = await edge('/api/hashdata/?value=example');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/json');
    const text = await res.text();
    expect(text.startsWith('{"qlatent":[0.4221103225421117,-0.31882407908604915,0.36004541443342347,')).toBe(true);
    const body = JSON.parse(text) as Hashdata;
    expect(body.seed).toBe(78062172);
    expect(body.qlatent).toHaveLength(512);
  });

  it('gives the same latent for a value and for its seed', async () => {
    const byValue = (await (await edge('/api/hashdata/?value=example')).json()) as Hashdata;
    const bySeed = (await (await edge('/api/hashdata/?seed=78062172')).json()) as Hashdata;
    expect(bySeed).toEqual(byValue);
  });

  it('treats no parameter as the empty string', async () => {
    const none = await (await edge('/api/hashdata/')).text();
    const empty = await (await edge('/api/hashdata/?value=')).text();
    expect(none).toBe(empty);
    // sha256("") mod 10**8, computed independently with Python.
    expect(BigInt((JSON.parse(none) as Hashdata).seed)).toBe(int('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855') % 100000000n);
  });

  it('prefers seed over value', async () => {
    const both = (await (await edge('/api/hashdata/?value=example&seed=5')).json()) as Hashdata;
    expect(both.seed).toBe(5);
  });

  it('answers seeds 0 and 4294967295', async () => {
    for (const seed of [0, 4294967295]) {
      const res = await edge(`/api/hashdata/?seed=${seed}`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as Hashdata).seed).toBe(seed);
    }
  });

  it('is immutable, with an ETag and 304 on If-None-Match', async () => {
    const res = await edge('/api/hashdata/?seed=42');
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    const etag = res.headers.get('ETag');
    expect(etag).toMatch(/^".+"$/);
    const again = await edge('/api/hashdata/?seed=42', { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it.each([
    ['-1'],
    ['1.5'],
    ['abc'],
    ['4294967296'],
    ['1e3'],
    [''],
  ])('refuses seed=%s with a 400 naming seed and its range', async (seed) => {
    const res = await edge(`/api/hashdata/?seed=${encodeURIComponent(seed)}`);
    expect(res.status).toBe(400);
    const err = await errorOf(res);
    expect(err).toEqual({ code: 'INVALID_PARAM', param: 'seed', message: 'seed must be an integer between 0 and 4294967295' });
  });

  it('refuses a guid that is not a UUID (400) and an unknown one (404)', async () => {
    const bad = await edge('/api/hashdata/?guid=not-a-guid');
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).param).toBe('guid');
    const unknown = await edge('/api/hashdata/?guid=00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    const err = await errorOf(unknown);
    expect(err.code).toBe('LATENT_NOT_FOUND');
    expect(err.param).toBe('guid');
    expect(unknown.headers.get('Cache-Control')).toBe('no-store');
  });

  it('refuses POST with 405', async () => {
    expect((await edge('/api/hashdata/', { method: 'POST' })).status).toBe(405);
  });
});

function int(hex: string): bigint {
  return BigInt(`0x${hex}`);
}
