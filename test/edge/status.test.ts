import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

const get = (path: string, init?: RequestInit) => exports.default.fetch(new Request(`http://edge.test${path}`, init));

describe('/status/', () => {
  it('answers 200 with the served model once gpu-fn is up', async () => {
    const res = await get('/status/');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; model: { id: string } };
    expect(body.status).toBe('ok');
    expect(body.model.id).toBe('builtin-face');
  });

  it('answers without the trailing slash and for HEAD', async () => {
    expect((await get('/status')).status).toBe(200);
    const head = await get('/status/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('refuses other methods with 405 and Allow', async () => {
    const res = await get('/status/', { method: 'POST' });
    expect(res.status).toBe(405);
    expect(res.headers.get('Allow')).toBe('GET, HEAD');
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('answers unknown routes with the JSON error shape', async () => {
    const res = await get('/no/such/thing');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
  });
});
