import { describe, expect, it } from 'vitest';
import { edge, errorOf } from './helpers.ts';

interface Param { name: string; in: string; required: boolean; description: string; schema: { type?: string; minimum?: number; maximum?: number; default?: unknown; enum?: string[] } }
type Doc = { openapi: string; paths: Record<string, Record<string, { parameters?: Param[] }>> };

const docOf = async () => (await (await edge('/openapi.json')).json()) as Doc;
const paramsOf = (doc: Doc, path: string) => doc.paths[path]?.get?.parameters ?? [];

describe('/openapi.json', () => {
  it('is an OpenAPI 3.1 document listing every endpoint of the spec', async () => {
    const res = await edge('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
    const doc = (await res.json()) as Doc;
    expect(doc.openapi).toBe('3.1.0');
    for (const path of ['/status/', '/api/face/', '/api/hashdata/', '/api/morphframe/', '/api/gif/', '/api/mp4/', '/api/linkpreview/', '/api/registerlatent/', '/api/webp/', '/face', '/morph']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(Object.keys(doc.paths['/api/registerlatent/']!)).toEqual(['post']);
    const ids = Object.values(doc.paths).flatMap((item) => Object.values(item).map((op) => (op as { operationId?: string }).operationId));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('getApiFace');
  });

  it("gives the spec's ranges and defaults", async () => {
    const doc = await docOf();
    const byName = (path: string) => Object.fromEntries(paramsOf(doc, path).map((p) => [p.name, p]));
    const face = byName('/api/face/');
    expect(Object.keys(face).sort()).toEqual(['dim', 'format', 'guid', 'seed', 'value']);
    expect(face.dim!.schema).toMatchObject({ type: 'integer', minimum: 10, maximum: 1024, default: 300 });
    expect(face.format!.schema.enum).toContain('webp');
    const morph = byName('/api/morphframe/');
    expect(morph.num_frames!.schema).toMatchObject({ minimum: 3, maximum: 200, default: 50 });
    expect(morph.frame_num!.required).toBe(true);
    expect(byName('/api/gif/').fps!.schema).toMatchObject({ minimum: 1, maximum: 100, default: 16 });
    expect(byName('/api/mp4/').kbitrate!.schema).toMatchObject({ minimum: 100, maximum: 20000, default: 2400 });
    expect(byName('/api/linkpreview/').width!.schema).toMatchObject({ minimum: 100, maximum: 1400, default: 1200 });
    for (const p of Object.values(doc.paths).flatMap((item) => item.get?.parameters ?? [])) expect(p.description.length).toBeGreaterThan(10);
  });

  it('documents exactly the limits /api/face/ enforces', async () => {
    // Drift check: one past each documented bound is refused naming the parameter; the bound itself is served.
    const ints = paramsOf(await docOf(), '/api/face/').filter((p) => p.schema.type === 'integer' && p.name !== 'seed');
    expect(ints.map((p) => p.name)).toEqual(['dim']);
    for (const p of ints) {
      const over = await edge(`/api/face/?value=x&${p.name}=${p.schema.maximum! + 1}`);
      expect(over.status).toBe(400);
      expect((await errorOf(over)).param).toBe(p.name);
      const under = await edge(`/api/face/?value=x&${p.name}=${p.schema.minimum! - 1}`);
      expect(under.status).toBe(400);
      const edgeOk = await edge(`/api/face/?value=x&${p.name}=${p.schema.minimum!}&format=png`);
      expect(edgeOk.status).toBe(200);
    }
  });

  it('refuses other methods with the JSON error shape', async () => {
    const res = await edge('/openapi.json', { method: 'POST' });
    expect(res.status).toBe(405);
    expect((await errorOf(res)).code).toBe('METHOD_NOT_ALLOWED');
  });
});
