import { describe, expect, it } from 'vitest';
import { edge, errorOf, postJson } from './helpers.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const qlatent = Array.from({ length: 512 }, (_, i) => Math.sin(i * 1.37) * 2.5 + 1e-7 * i);
const dlatent = Array.from({ length: 18 }, (_, r) => Array.from({ length: 512 }, (_, i) => Math.cos(r * 512 + i) / 3));

describe('POST /api/registerlatent/', () => {
  it('stores a qlatent and gives it back exactly by guid', async () => {
    const res = await postJson('/api/registerlatent/', { latent: qlatent, type: 'test' });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/plain/);
    const guid = await res.text();
    expect(guid).toMatch(UUID);
    const back = await edge(`/api/hashdata/?guid=${guid}`);
    expect(back.status).toBe(200);
    expect(back.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(await back.json()).toEqual({ qlatent });
  });

  it('stores an 18 x 512 dlatent and gives it back exactly', async () => {
    const guid = await (await postJson('/api/registerlatent/', { latent: dlatent })).text();
    expect(guid).toMatch(UUID);
    expect(await (await edge(`/api/hashdata/?guid=${guid.toUpperCase()}`)).json()).toEqual({ dlatent });
  });

  it('gives a new guid for every registration', async () => {
    const a = await (await postJson('/api/registerlatent/', { latent: qlatent })).text();
    const b = await (await postJson('/api/registerlatent/', { latent: qlatent })).text();
    expect(a).not.toBe(b);
  });

  it.each([
    ['too short', { latent: qlatent.slice(1) }],
    ['wrong rows', { latent: dlatent.slice(1) }],
    ['a ragged dlatent', { latent: [...dlatent.slice(1), qlatent.slice(1)] }],
    ['nested wrongly', { latent: [qlatent] }],
    ['a string inside', { latent: [...qlatent.slice(1), 'x'] }],
    ['no latent', { type: 'test' }],
    ['not an object', [1, 2, 3]],
  ])('refuses %s with 400 naming latent', async (_, body) => {
    const res = await postJson('/api/registerlatent/', body);
    expect(res.status).toBe(400);
    const err = await errorOf(res);
    expect(err.code).toBe('INVALID_BODY');
    expect(err.message).toMatch(/latent|JSON object/);
  });

  it('refuses NaN and Infinity', async () => {
    for (const bad of ['NaN', 'Infinity', '-Infinity']) {
      const text = `{"latent":[${bad},${qlatent.slice(1).join(',')}]}`;
      const res = await postJson('/api/registerlatent/', text);
      expect(res.status).toBe(400);
      expect((await errorOf(res)).message).toMatch(/finite/);
    }
  });

  it('refuses a body that is not JSON (400) or not typed as JSON (415)', async () => {
    const notJson = await postJson('/api/registerlatent/', '{"latent": [1, 2');
    expect(notJson.status).toBe(400);
    expect((await errorOf(notJson)).code).toBe('INVALID_BODY');
    const plain = await edge('/api/registerlatent/', { method: 'POST', body: JSON.stringify({ latent: qlatent }), headers: { 'Content-Type': 'text/plain' } });
    expect(plain.status).toBe(415);
    expect((await errorOf(plain)).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const big = JSON.stringify({ latent: qlatent, type: 'x'.repeat(1024 * 1024) });
    const res = await postJson('/api/registerlatent/', big);
    expect(res.status).toBe(413);
    expect((await errorOf(res)).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses GET with 405 naming POST', async () => {
    const res = await edge('/api/registerlatent/');
    expect(res.status).toBe(405);
    expect(res.headers.get('Allow')).toBe('POST');
  });
});
