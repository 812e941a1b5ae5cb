/** GET /api/hashdata/: the latent a value, seed or guid names, printed as the original printed it. */
import { Hono } from 'hono';
import { pyJsonNumbers } from '../../../shared/latent/index.ts';
import { hashdataQuery } from '../../../shared/params.ts';
import type { AppEnv } from '../env.ts';
import { methodNotAllowed, query } from '../lib/errors.ts';
import { IMMUTABLE, notModified, notModifiedResponse } from '../lib/http.ts';
import { LatentStore } from '../lib/latents.ts';
import { resolveLatent } from '../lib/resolve.ts';

/** Flask's compact jsonify with Python's float repr, so clients comparing bytes see no change. */
function body(r: Awaited<ReturnType<typeof resolveLatent>>): string {
  if (r.kind === 'w') return `{"dlatent":[${r.w.map(pyJsonNumbers).join(',')}]}`;
  return r.seed === undefined ? `{"qlatent":${pyJsonNumbers(r.z)}}` : `{"qlatent":${pyJsonNumbers(r.z)},"seed":${r.seed}}`;
}

export const hashdata = new Hono<AppEnv>()
  .get('/', query(hashdataQuery), async (c) => {
    const { source } = c.req.valid('query');
    const resolved = await resolveLatent(source, new LatentStore(c.env.LATENTS));
    const etag = `"hd1-${resolved.key.replace(':', '-')}"`;
    if (notModified(c, etag)) return notModifiedResponse(etag);
    return c.body(body(resolved), 200, { 'Content-Type': 'application/json', 'Cache-Control': IMMUTABLE, ETag: etag });
  })
  .all('/', methodNotAllowed('GET, HEAD'));
