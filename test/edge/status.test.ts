import { describe, expect, it } from 'vitest';
import { edge, errorOf } from './helpers.ts';

describe('/status/', () => {
  it('answers 200 with the served model once gpu-fn is up', async () => {
    const res = await edge('/status/');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; model: { id: string } };
    expect(body.status).toBe('ok');
    expect(body.model.id).toBe('builtin-face');
  });

  it('answers without the trailing slash and for HEAD', async () => {
    expect((await edge('/status')).status).toBe(200);
    const head = await edge('/status/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('refuses other methods with 405 and Allow', async () => {
    const res = await edge('/status/', { method: 'POST' });
    expect(res.status).toBe(405);
    expect(res.headers.get('Allow')).toBe('GET, HEAD');
    expect((await errorOf(res)).code).toBe('METHOD_NOT_ALLOWED');
  });

  it('answers unknown routes with the JSON error shape', async () => {
    const res = await edge('/no/such/thing');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
  });

  it('reports the queue like the original', async () => {
    const res = await edge('/api/queue/');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ queue: expect.any(Number) });
  });

  it('opens CORS to every origin, with preflight for POST', async () => {
    const res = await edge('/api/registerlatent/', {
      method: 'OPTIONS',
      headers: { Origin: 'https://example.org', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'Content-Type' },
    });
    expect(res.status).toBeLessThan(300);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(res.headers.get('Access-Control-Allow-Methods')).toContain('POST');
    const get = await edge('/status/', { headers: { Origin: 'https://example.org' } });
    expect(get.headers.get('Access-Control-Allow-Origin')).toBe('*');
  });
});
