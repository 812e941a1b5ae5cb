import { describe, expect, it } from 'vitest';
import { edge, errorOf } from './helpers.ts';

// A 1 x 1 PNG.
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg=='), (ch) => ch.charCodeAt(0));

function form(fields: Record<string, string | Blob>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}

describe('POST /api/encodeimage/', () => {
  it('says clearly that the built-in model has no image encoder (501)', async () => {
    const res = await edge('/api/encodeimage/', { method: 'POST', body: form({ usrimg: new Blob([PNG], { type: 'image/png' }), tryalign: 'true' }) });
    expect(res.status).toBe(501);
    const err = await errorOf(res);
    expect(err.code).toBe('NOT_IMPLEMENTED');
    expect(err.message).toMatch(/no image encoder/);
  });

  it('refuses a missing file, a bad tryalign, a non-multipart body, and GET', async () => {
    const missing = await edge('/api/encodeimage/', { method: 'POST', body: form({ tryalign: 'true' }) });
    expect(missing.status).toBe(400);
    expect((await errorOf(missing)).param).toBe('usrimg');
    const bad = await edge('/api/encodeimage/', { method: 'POST', body: form({ usrimg: new Blob([PNG]), tryalign: 'sometimes' }) });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).param).toBe('tryalign');
    const json = await edge('/api/encodeimage/', { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } });
    expect(json.status).toBe(415);
    expect((await edge('/api/encodeimage/')).status).toBe(405);
  });

  it('refuses uploads over 16 MiB with 413', async () => {
    const big = new Uint8Array(16 * 1024 * 1024 + 100 * 1024);
    const res = await edge('/api/encodeimage/', { method: 'POST', body: form({ usrimg: new Blob([big]) }) });
    expect(res.status).toBe(413);
  });
});
