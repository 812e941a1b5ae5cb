/** GET /oembed: oEmbed (type photo) for our /face and /morph pages, within maxwidth/maxheight. */
import { Hono } from 'hono';
import { ApiError } from '../../../shared/errors.ts';
import { hashdataQuery, LIMITS, linkpreviewQuery, oembedQuery } from '../../../shared/params.ts';
import { invalidParam, methodNotAllowed, query } from '../lib/errors.ts';
import type { EdgeEnv } from '../lib/services.ts';
import { describeSource, sourceQuery } from './pages.ts';

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

export const oembed = new Hono<EdgeEnv>()
  .get('/', query(oembedQuery), (c) => {
    const q = c.req.valid('query');
    // oEmbed's own rule: an unsupported format is 501.
    if (q.format === 'xml') return c.json({ error: { code: 'INVALID_PARAM', message: 'format must be json; xml is not supported', param: 'format' } }, 501);
    const origin = new URL(c.req.url).origin;
    let page: URL;
    try {
      page = new URL(q.url, origin);
    } catch {
      throw new ApiError('INVALID_PARAM', 'url must be the URL of a CheckFace /face or /morph page', 'url');
    }
    const params = Object.fromEntries(page.searchParams);
    const maxW = q.maxwidth ?? 1024;
    const maxH = q.maxheight ?? 1024;
    const base = { version: '1.0', type: 'photo', provider_name: 'CheckFace', provider_url: `${origin}/`, cache_age: 86400 };
    const path = page.pathname.replace(/\/$/, '');
    if (path === '/face') {
      const parsed = hashdataQuery.safeParse(params);
      if (!parsed.success) throw invalidParam(parsed.error);
      const size = clamp(Math.min(maxW, maxH), LIMITS.dim.min, LIMITS.dim.max);
      const qs = sourceQuery(parsed.data.source);
      return c.json({ ...base, title: `CheckFace for ${describeSource(parsed.data.source)}`, url: `${origin}/api/face/?${qs}&dim=${size}`, width: size, height: size });
    }
    if (path === '/morph') {
      const parsed = linkpreviewQuery.safeParse(params);
      if (!parsed.success) throw invalidParam(parsed.error);
      // Widest preview within both bounds, keeping the 1200 x 628 shape.
      const width = clamp(Math.min(maxW, Math.floor((maxH * 1200) / 628), LIMITS.width.default), LIMITS.width.min, LIMITS.width.max);
      const qs = `${sourceQuery(parsed.data.from, 'from_')}&${sourceQuery(parsed.data.to, 'to_')}`;
      return c.json({ ...base, title: `CheckFace morph: ${describeSource(parsed.data.from)} to ${describeSource(parsed.data.to)}`, url: `${origin}/api/linkpreview/?${qs}&width=${width}`, width, height: Math.round((628 * width) / 1200) });
    }
    throw new ApiError('NOT_FOUND', 'url must be the URL of a CheckFace /face or /morph page', 'url');
  })
  .all('/', methodNotAllowed('GET, HEAD'));
