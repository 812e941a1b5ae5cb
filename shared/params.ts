/**
 * Request parameters of every endpoint in the spec, as zod schemas with the spec's ranges and
 * defaults. Query strings arrive as strings; each schema parses them strictly: a value out of
 * range is an error naming the parameter, never silently replaced by a default.
 * `.meta()` annotations only carry types and ranges into the OpenAPI document (edge/src/openapi);
 * they do not change parsing.
 */
import { z } from 'zod';

export const LIMITS = {
  seed: { min: 0, max: 4294967295 },
  dim: { min: 10, max: 1024, default: 300 },
  numFrames: { min: 3, max: 200, default: 50 },
  fps: { min: 1, max: 100, default: 16 },
  kbitrate: { min: 100, max: 20000, default: 2400 },
  width: { min: 100, max: 1400, default: 1200 },
  /** Longest `value` text accepted (characters). */
  valueLength: 8192,
  /** Largest JSON body accepted by registerlatent. */
  bodyBytes: 1024 * 1024,
  /** Largest upload accepted by encodeimage. */
  uploadBytes: 16 * 1024 * 1024,
  /** Largest num_ws a registered dlatent may have (a 1024 px StyleGAN2 has 18). */
  latentDim: 512,
} as const;

export const IMAGE_FORMATS = ['jpg', 'webp', 'png', 'svg'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

/** An integer query parameter in [min, max]; digits only (no sign, fraction or exponent). */
export function intParam(min: number, max: number) {
  const message = `must be an integer between ${min} and ${max}`;
  return z.string({ error: message }).transform((s, ctx) => {
    const t = s.trim();
    const n = /^\d{1,16}$/.test(t) ? Number(t) : NaN;
    if (!(n >= min && n <= max)) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return n;
  }).meta({ type: 'integer', minimum: min, maximum: max });
}

const TRUE = new Set(['true', '1', 'yes', 'on', '']);
const FALSE = new Set(['false', '0', 'no', 'off']);

/** A boolean query parameter: true/false, 1/0, yes/no, on/off; a bare `?flag` is true. */
export const boolParam = z.string().transform((s, ctx) => {
  const t = s.trim().toLowerCase();
  if (TRUE.has(t)) return true;
  if (FALSE.has(t)) return false;
  ctx.addIssue({ code: 'custom', message: 'must be true or false' });
  return z.NEVER;
}).meta({ type: 'boolean' });

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const guidParam = z
  .string()
  .trim()
  .regex(UUID_RE, { error: 'must be a GUID such as 54fec40f-12c4-4333-951b-6bc1d2d074b9' })
  .transform((s) => s.toLowerCase())
  .meta({ format: 'uuid' });
export const valueParam = z
  .string()
  .max(LIMITS.valueLength, { error: `must be at most ${LIMITS.valueLength} characters` });
export const seedParam = intParam(LIMITS.seed.min, LIMITS.seed.max);

/** Which face: a registered guid, a seed, or free text, in that order of precedence. */
export type LatentSource = { kind: 'guid'; guid: string } | { kind: 'seed'; seed: number } | { kind: 'value'; value: string };

function sourceOf(p: { value?: string; seed?: number; guid?: string }): LatentSource {
  if (p.guid !== undefined) return { kind: 'guid', guid: p.guid };
  if (p.seed !== undefined) return { kind: 'seed', seed: p.seed };
  return { kind: 'value', value: p.value ?? '' };
}

const identity = { value: valueParam.optional(), seed: seedParam.optional(), guid: guidParam.optional() };
const fromTo = {
  from_value: valueParam.optional(),
  from_seed: seedParam.optional(),
  from_guid: guidParam.optional(),
  to_value: valueParam.optional(),
  to_seed: seedParam.optional(),
  to_guid: guidParam.optional(),
};
type FromTo = { [K in keyof typeof fromTo]?: z.output<(typeof fromTo)[K]> };
function endsOf(p: FromTo): { from: LatentSource; to: LatentSource } {
  return {
    from: sourceOf({ value: p.from_value, seed: p.from_seed, guid: p.from_guid }),
    to: sourceOf({ value: p.to_value, seed: p.to_seed, guid: p.to_guid }),
  };
}

const dim = intParam(LIMITS.dim.min, LIMITS.dim.max).default(LIMITS.dim.default);
const numFrames = intParam(LIMITS.numFrames.min, LIMITS.numFrames.max).default(LIMITS.numFrames.default);
const fps = intParam(LIMITS.fps.min, LIMITS.fps.max).default(LIMITS.fps.default);
const formatParam = z
  .string()
  .trim()
  .toLowerCase()
  .transform((s) => (s === 'jpeg' ? 'jpg' : s))
  .pipe(z.enum(IMAGE_FORMATS, { error: `must be one of ${IMAGE_FORMATS.join(', ')}` }))
  .meta({ type: 'string', enum: [...IMAGE_FORMATS] })
  .default('jpg');

export const hashdataQuery = z.object(identity).transform((p) => ({ source: sourceOf(p) }));

export const faceQuery = z
  .object({ ...identity, dim, format: formatParam })
  .transform((p) => ({ source: sourceOf(p), dim: p.dim, format: p.format }));

export const morphframeQuery = z
  .object({
    ...fromTo,
    dim,
    format: formatParam,
    num_frames: numFrames,
    frame_num: intParam(0, LIMITS.numFrames.max - 1),
    linear: boolParam.default(false),
  })
  .superRefine((p, ctx) => {
    if (p.frame_num >= p.num_frames) {
      ctx.addIssue({ code: 'custom', path: ['frame_num'], message: `must be an integer between 0 and ${p.num_frames - 1} (num_frames - 1)` });
    }
  })
  .transform((p) => ({ ...endsOf(p), dim: p.dim, format: p.format, numFrames: p.num_frames, frameNum: p.frame_num, linear: p.linear }));

const morphBase = { ...fromTo, dim, fps, num_frames: numFrames };
const morphOut = (p: FromTo & { dim: number; fps: number; num_frames: number }) => ({ ...endsOf(p), dim: p.dim, fps: p.fps, numFrames: p.num_frames });

export const gifQuery = z.object(morphBase).transform(morphOut);
export const webpQuery = gifQuery;
export const mp4Query = z
  .object({
    ...morphBase,
    kbitrate: intParam(LIMITS.kbitrate.min, LIMITS.kbitrate.max).default(LIMITS.kbitrate.default),
    embed_html: boolParam.default(false),
  })
  .transform((p) => ({ ...morphOut(p), kbitrate: p.kbitrate, embedHtml: p.embed_html }));

export const linkpreviewQuery = z
  .object({ ...fromTo, width: intParam(LIMITS.width.min, LIMITS.width.max).default(LIMITS.width.default) })
  .transform((p) => ({ ...endsOf(p), width: p.width, height: Math.round((628 * p.width) / 1200) }));

const finite = z.number({ error: 'must contain only finite numbers' }).refine(Number.isFinite, { error: 'must contain only finite numbers' });

/** Body of POST /api/registerlatent/: a qlatent (z) or a dlatent (num_ws x w_dim). */
export function registerLatentBody(zDim: number, numWs: number, wDim: number) {
  const shape = `${zDim} numbers (a qlatent) or ${numWs} arrays of ${wDim} numbers (a dlatent)`;
  return z.object(
    {
      latent: z.union([z.array(finite).length(zDim), z.array(z.array(finite).length(wDim)).length(numWs)], {
        error: `must be ${shape}`,
      }),
      type: z.string().max(64, { error: 'must be a string of at most 64 characters' }).optional(),
    },
    { error: 'must be a JSON object {"latent": [...], "type": "..."}' },
  );
}

export const encodeimageForm = z.object({ tryalign: boolParam.default(false) });

/** GET /oembed: which share page, and the largest picture the consumer can show. */
export const oembedQuery = z.object({
  url: z.string({ error: 'must be the URL of a CheckFace /face or /morph page' }),
  maxwidth: intParam(1, 10000).optional(),
  maxheight: intParam(1, 10000).optional(),
  format: z.enum(['json', 'xml'], { error: 'must be json' }).default('json'),
});

export type FaceQuery = z.output<typeof faceQuery>;
export type MorphframeQuery = z.output<typeof morphframeQuery>;
export type GifQuery = z.output<typeof gifQuery>;
export type Mp4Query = z.output<typeof mp4Query>;
export type LinkpreviewQuery = z.output<typeof linkpreviewQuery>;
