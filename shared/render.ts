/**
 * The wire contract between the edge and gpu-fn: JSON bodies of gpu-fn's render routes.
 * The edge has already validated the public parameters; these schemas guard gpu-fn itself.
 */
import { z } from 'zod';
import { LIMITS } from './params.ts';

const finite = z.number().refine(Number.isFinite, { error: 'must be finite' });

/** A latent on the wire: z (mapped and truncated by gpu-fn) or ws (used as given). */
export const wireLatent = z.union([
  z.object({ z: z.array(finite).min(1).max(4096) }),
  z.object({ w: z.array(z.array(finite).min(1).max(4096)).min(1).max(64) }),
]);
export type WireLatent = z.output<typeof wireLatent>;

const dim = z.number().int().min(LIMITS.dim.min).max(LIMITS.dim.max);
const stillFormat = z.enum(['jpg', 'webp', 'png']);

export const faceRender = z.object({ latent: wireLatent, dim, format: stillFormat });
export type FaceRender = z.output<typeof faceRender>;

const ends = { from: wireLatent, to: wireLatent };
const numFrames = z.number().int().min(LIMITS.numFrames.min).max(LIMITS.numFrames.max);
const fps = z.number().int().min(LIMITS.fps.min).max(LIMITS.fps.max);

export const morphframeRender = z.object({
  ...ends,
  dim,
  format: stillFormat,
  numFrames,
  frameNum: z.number().int().min(0),
  linear: z.boolean(),
});
export type MorphframeRender = z.output<typeof morphframeRender>;

export const animationRender = z.object({
  ...ends,
  dim,
  numFrames,
  fps,
  format: z.enum(['gif', 'webp', 'mp4']),
  kbitrate: z.number().int().min(LIMITS.kbitrate.min).max(LIMITS.kbitrate.max).default(LIMITS.kbitrate.default),
});
export type AnimationRender = z.output<typeof animationRender>;

export const linkpreviewRender = z.object({
  ...ends,
  width: z.number().int().min(LIMITS.width.min).max(LIMITS.width.max),
});
export type LinkpreviewRender = z.output<typeof linkpreviewRender>;
