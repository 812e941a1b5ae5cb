/** The pages people share: /face and /morph (unfurled into rich previews) and /oembed. */
import { Hono } from 'hono';
import { html } from 'hono/html';
import { ApiError } from '../../../shared/errors.ts';
import { hashdataQuery, LIMITS, linkpreviewQuery, type LatentSource } from '../../../shared/params.ts';
import { methodNotAllowed, query } from '../lib/errors.ts';
import type { EdgeEnv } from '../lib/services.ts';
import { unfurlDocument } from '../pages/unfurl.ts';
import { resolveEnds } from './morph.ts';

/** Query string naming a source, with an optional prefix (from_, to_). */
export function sourceQuery(s: LatentSource, prefix = ''): string {
  const [k, v] = s.kind === 'guid' ? ['guid', s.guid] : s.kind === 'seed' ? ['seed', String(s.seed)] : ['value', s.value];
  return `${prefix}${k}=${encodeURIComponent(v)}`;
}

/** How a source reads in a title. */
export function describeSource(s: LatentSource): string {
  if (s.kind === 'guid') return `latent ${s.guid}`;
  if (s.kind === 'seed') return `seed ${s.seed}`;
  const v = s.value.length > 72 ? `${s.value.slice(0, 69)}…` : s.value;
  return `“${v}”`;
}

/** Morph pages take just the two ends (the link preview's own width stays at its default). */
const morphPageQuery = linkpreviewQuery;

const LINK_W = LIMITS.width.default;
const LINK_H = Math.round((628 * LINK_W) / 1200);

export const pages = new Hono<EdgeEnv>()
  .get('/face', query(hashdataQuery), async (c) => {
    const { source } = c.req.valid('query');
    if (source.kind === 'guid' && !(await c.var.services.latents.get(source.guid))) {
      throw new ApiError('LATENT_NOT_FOUND', `guid ${source.guid} is not a registered latent`, 'guid');
    }
    const origin = new URL(c.req.url).origin;
    const q = sourceQuery(source);
    const pageUrl = `${origin}/face?${q}`;
    const name = describeSource(source);
    const alt = `The CheckFace face for ${name}`;
    const body = html`<h1>The face for ${name}</h1>
      <img src="/api/face/?${q}&dim=512" srcset="/api/face/?${q}&dim=1024 2x" width="512" height="512" alt="${alt}" />
      <p>Same text, same face; different text, a clearly different face. Compare this face with the one your download or commit gives to check it at a glance.</p>
      <p class="links"><a href="/api/face/?${q}&dim=1024" download>Download (1024 px)</a><a href="/api/hashdata/?${q}">Latent (JSON)</a><a href="/">Make your own</a></p>`;
    c.header('Cache-Control', 'public, max-age=86400');
    return c.html(
      unfurlDocument({
        pageUrl,
        title: `CheckFace for ${name}`,
        description: `The face CheckFace draws for ${name}: the same input always gives this face.`,
        image: { url: `${origin}/api/face/?${q}&dim=1024`, width: 1024, height: 1024, alt },
        body,
        oembedUrl: `${origin}/oembed?url=${encodeURIComponent(pageUrl)}&format=json`,
      }),
    );
  })
  .all('/face', methodNotAllowed('GET, HEAD'))
  .get('/morph', query(morphPageQuery), async (c) => {
    const ends = c.req.valid('query');
    await resolveEnds(c, ends);
    const origin = new URL(c.req.url).origin;
    const q = `${sourceQuery(ends.from, 'from_')}&${sourceQuery(ends.to, 'to_')}`;
    const pageUrl = `${origin}/morph?${q}`;
    const [a, b] = [describeSource(ends.from), describeSource(ends.to)];
    const alt = `The CheckFace faces for ${a} and ${b}, and their mix`;
    const body = html`<h1>${a} ⟷ ${b}</h1>
      <video src="/api/mp4/?${q}&dim=512" width="512" height="512" autoplay loop muted playsinline poster="/api/morphframe/?${q}&frame_num=0&dim=512" aria-label="A morph from the face for ${a} to the face for ${b} and back"></video>
      <img class="still" style="display:none" src="/api/linkpreview/?${q}" width="${LINK_W}" height="${LINK_H}" alt="${alt}" />
      <p>A morph between two CheckFace faces. Every text has its own face; the morph walks from one to the other and back.</p>
      <p class="links"><a href="/api/gif/?${q}">GIF</a><a href="/api/mp4/?${q}">MP4</a><a href="/api/webp/?${q}">WebP</a><a href="/">Make your own</a></p>`;
    c.header('Cache-Control', 'public, max-age=86400');
    return c.html(
      unfurlDocument({
        pageUrl,
        title: `CheckFace morph: ${a} to ${b}`,
        description: `A morph between the CheckFace faces for ${a} and ${b}.`,
        image: { url: `${origin}/api/linkpreview/?${q}`, width: LINK_W, height: LINK_H, alt },
        video: { url: `${origin}/api/mp4/?${q}&dim=512`, width: 512, height: 512 },
        body,
        oembedUrl: `${origin}/oembed?url=${encodeURIComponent(pageUrl)}&format=json`,
      }),
    );
  })
  .all('/morph', methodNotAllowed('GET, HEAD'));
