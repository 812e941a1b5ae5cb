import { describe, expect, it } from 'vitest';
import { edge, errorOf, gpuCalls, postJson } from './helpers.ts';

const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47];
const bytesOf = async (res: Response) => new Uint8Array(await res.arrayBuffer());
const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

describe('/api/face/', () => {
  it('renders a JPEG by default, immutable with a strong ETag', async () => {
    const res = await edge('/api/face/?value=face-default');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('image/jpeg');
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('ETag')).toMatch(/^"[0-9a-f]{40}"$/);
    expect(startsWith(await bytesOf(res), JPEG)).toBe(true);
  });

  it('serves a repeated request from the edge cache without calling gpu-fn', async () => {
    const url = '/api/face/?value=cache-me&dim=64&format=png';
    const first = await edge(url);
    expect(first.status).toBe(200);
    const firstBytes = await bytesOf(first);
    expect(startsWith(firstBytes, PNG)).toBe(true);
    const before = (await gpuCalls())['/v1/face'] ?? 0;
    const second = await edge(url);
    expect(second.status).toBe(200);
    expect(second.headers.get('X-Cache')).toBe('HIT');
    expect(await bytesOf(second)).toEqual(firstBytes);
    expect((await gpuCalls())['/v1/face'] ?? 0).toBe(before);
  });

  it('shares the cache between a value and its seed', async () => {
    await edge('/api/face/?value=example&dim=32');
    const before = (await gpuCalls())['/v1/face'] ?? 0;
    const bySeed = await edge('/api/face/?seed=78062172&dim=32');
    expect(bySeed.headers.get('X-Cache')).toBe('HIT');
    expect((await gpuCalls())['/v1/face'] ?? 0).toBe(before);
  });

  it('answers 304 to If-None-Match and supports HEAD', async () => {
    const res = await edge('/api/face/?seed=7&dim=40');
    const etag = res.headers.get('ETag')!;
    const again = await edge('/api/face/?seed=7&dim=40', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    const head = await edge('/api/face/?seed=7&dim=40', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('Content-Type')).toBe('image/jpeg');
    expect(await head.text()).toBe('');
  });

  it('renders webp and png at the asked size', async () => {
    const webp = await bytesOf(await edge('/api/face/?value=x&format=webp&dim=50'));
    expect(new TextDecoder().decode(webp.slice(8, 12))).toBe('WEBP');
    const png = await bytesOf(await edge('/api/face/?value=x&format=png&dim=50'));
    const view = new DataView(png.buffer);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([50, 50]);
  });

  it('answers format=svg at the edge without calling gpu-fn, with unique ids', async () => {
    const before = (await gpuCalls())['/v1/face'] ?? 0;
    const res = await edge('/api/face/?value=svg-face&format=svg&dim=120');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('image/svg+xml');
    const svg = await res.text();
    expect(svg).toMatch(/^<svg[^>]*width="120"[^>]*height="120"/);
    expect((await gpuCalls())['/v1/face'] ?? 0).toBe(before);
  });

  it('renders registered qlatents and dlatents by guid', async () => {
    const z = Array.from({ length: 512 }, (_, i) => Math.sin(i));
    const qguid = await (await postJson('/api/registerlatent/', { latent: z })).text();
    const q = await edge(`/api/face/?guid=${qguid}&dim=32&format=png`);
    expect(q.status).toBe(200);
    const w = Array.from({ length: 18 }, () => Array.from({ length: 512 }, (_, i) => Math.cos(i) / 2));
    const wguid = await (await postJson('/api/registerlatent/', { latent: w })).text();
    const d = await edge(`/api/face/?guid=${wguid}&dim=32&format=png`);
    expect(d.status).toBe(200);
    expect(startsWith(await bytesOf(d), PNG)).toBe(true);
  });

  it.each([
    ['dim=0', 'dim', 'dim must be an integer between 10 and 1024'],
    ['dim=2000', 'dim', 'dim must be an integer between 10 and 1024'],
    ['dim=abc', 'dim', 'dim must be an integer between 10 and 1024'],
    ['format=gif', 'format', 'format must be one of jpg, webp, png, svg'],
    ['seed=-4', 'seed', 'seed must be an integer between 0 and 4294967295'],
  ])('refuses %s with 400 naming the parameter, never cached', async (qs, param, message) => {
    const before = (await gpuCalls())['/v1/face'] ?? 0;
    const res = await edge(`/api/face/?${qs}`);
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toEqual({ code: 'INVALID_PARAM', param, message });
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect((await gpuCalls())['/v1/face'] ?? 0).toBe(before);
  });

  it('answers an unknown guid with 404', async () => {
    const res = await edge('/api/face/?guid=00000000-0000-4000-8000-00000000abcd');
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe('LATENT_NOT_FOUND');
  });

  it('keeps the legacy path /api/<text> as a 300 px JPEG of that value', async () => {
    const legacy = await edge('/api/some-hash-value');
    expect(legacy.status).toBe(200);
    expect(legacy.headers.get('Content-Type')).toBe('image/jpeg');
    const direct = await edge('/api/face/?value=some-hash-value');
    expect(legacy.headers.get('ETag')).toBe(direct.headers.get('ETag'));
  });
});
