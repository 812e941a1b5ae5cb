import { describe, expect, it } from 'vitest';
import { edge, errorOf, gpuCalls } from './helpers.ts';

// A 1 x 1 PNG.
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg=='), (ch) => ch.charCodeAt(0));

function form(fields: Record<string, string | Blob>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}

describe('POST /api/encodeimage/', () => {
  it('turns a photo into a registered dlatent: the same file gives the same guid, and its face renders', async () => {
    // A face as a photo: the service's own 400 px face, which has every landmark a photo has.
    const photo = new Uint8Array(await (await edge('/api/face/?value=encode-me&dim=400&format=png')).arrayBuffer());
    const upload = () => edge('/api/encodeimage/', { method: 'POST', body: form({ usrimg: new Blob([photo], { type: 'image/png' }), tryalign: 'true' }) });
    const first = await upload();
    expect(first.status).toBe(200);
    const body = (await first.json()) as { did_align: boolean; guid: string };
    expect(body.did_align).toBe(true);
    expect(body.guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const before = (await gpuCalls())['/v1/encode'] ?? 0;
    expect(await (await upload()).json()).toEqual(body);
    expect((await gpuCalls())['/v1/encode'] ?? 0).toBe(before);

    const stored = (await (await edge(`/api/hashdata/?guid=${body.guid}`)).json()) as { dlatent: number[][] };
    expect(stored.dlatent).toHaveLength(18);
    expect(stored.dlatent.every((row) => row.length === 512)).toBe(true);
    const face = await edge(`/api/face/?guid=${body.guid}&dim=64`);
    expect(face.status).toBe(200);
    expect(face.headers.get('Content-Type')).toBe('image/jpeg');
  }, 60_000);

  it('answers 400 naming usrimg for a file that is no picture of a face', async () => {
    const res = await edge('/api/encodeimage/', { method: 'POST', body: form({ usrimg: new Blob([PNG], { type: 'image/png' }), tryalign: 'true' }) });
    expect(res.status).toBe(400);
    const err = await errorOf(res);
    expect(err.param).toBe('usrimg');
    expect(err.message).toMatch(/at least 32 x 32/);
    const text = await edge('/api/encodeimage/', { method: 'POST', body: form({ usrimg: new Blob(['hello'], { type: 'text/plain' }) }) });
    expect(text.status).toBe(400);
    expect((await errorOf(text)).param).toBe('usrimg');
  }, 60_000);

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
