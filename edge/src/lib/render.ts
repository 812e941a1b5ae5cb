/** Serving rendered media: canonical key + model -> ETag, 304, edge cache, else gpu-fn, then cache. */
import type { Context } from 'hono';
import { IMMUTABLE, notModified, notModifiedResponse, sha256Hex } from './http.ts';
import type { EdgeEnv } from './services.ts';

export interface RenderSpec {
  /** Canonical description of what is rendered (latent keys and parameters), model excluded. */
  canonical: string;
  /** Produces the media when it is not cached (a call to gpu-fn, or local work). */
  produce: () => Promise<{ body: ArrayBuffer | string; contentType: string }>;
}

/** Answers with cached or freshly rendered media for the served model, immutable and with a strong ETag. */
export async function serveRendered(c: Context<EdgeEnv>, spec: RenderSpec): Promise<Response> {
  const { gpu, cache } = c.var.services;
  const model = await gpu.model();
  const key = `${model.id}@${model.version}/${spec.canonical}`;
  const etag = `"${(await sha256Hex(key)).slice(0, 40)}"`;
  if (notModified(c, etag)) return notModifiedResponse(etag);

  const hit = await cache.get(key);
  if (hit) return withHeaders(hit, { 'X-Cache': 'HIT' });

  const media = await spec.produce();
  const body = typeof media.body === 'string' ? (new TextEncoder().encode(media.body).buffer as ArrayBuffer) : media.body;
  const headers = {
    'Content-Type': media.contentType,
    'Cache-Control': IMMUTABLE,
    ETag: etag,
    'Content-Length': String(body.byteLength),
  };
  // Awaited, not waitUntil: the very next identical request must find it.
  await cache.put(key, body, headers);
  return new Response(body, { headers: { ...headers, 'X-Cache': 'MISS' } });
}

function withHeaders(res: Response, extra: Record<string, string>): Response {
  const out = new Response(res.body, res);
  for (const [k, v] of Object.entries(extra)) out.headers.set(k, v);
  return out;
}
