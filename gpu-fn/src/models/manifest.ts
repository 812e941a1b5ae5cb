/** The model bundle's manifest: what a bundle is, where it came from, and checksums of its files. */
import { z } from 'zod';

/** Bumped when the bundle layout or graph semantics change; old bundles must be re-imported. */
export const BUNDLE_FORMAT = 'checkface-stylegan2-bundle/1';
export const MANIFEST_FILE = 'manifest.json';
export const GRAPH_FILES = ['mapping.onnx', 'synthesis.onnx'] as const;

/** Shown for weights whose licence we do not know. */
export const UNKNOWN_LICENCE =
  'Imported from a user-supplied pickle; its licence is that of its source. NVIDIA\'s pretrained StyleGAN2 networks are under the NVIDIA Source Code License-NC (non-commercial use only).';

/** Model ids: file-name safe, and never the built-in model's. */
export const modelIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'model ids are 1-64 characters: lower-case letters, digits, ".", "_" or "-"')
  .refine((id) => id !== 'builtin', 'the id "builtin" is reserved for the built-in model');

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

export const manifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  id: modelIdSchema,
  version: z.string().min(1),
  createdAt: z.string(),
  licence: z.string(),
  source: z.object({ file: z.string(), sha256: sha256Schema, bytes: z.number().int().nonnegative(), network: z.string() }),
  hyper: z.object({
    zDim: z.number().int().positive(),
    wDim: z.number().int().positive(),
    numWs: z.number().int().positive(),
    resolution: z.number().int().positive(),
    imgChannels: z.number().int().positive(),
    mappingLayers: z.number().int().positive(),
    mappingLrMultiplier: z.number().nullable(),
    wAvgBeta: z.number().nullable(),
    architecture: z.literal('skip'),
    channels: z.record(z.string(), z.number().int().positive()),
    convClamp: z.number().nullable(),
    numFp16Res: z.number().int().nonnegative(),
    params: z.number().int().nonnegative(),
  }),
  wAvg: z.array(z.number()),
  files: z.record(z.string(), z.object({ sha256: sha256Schema, bytes: z.number().int().nonnegative() })),
});

export type Manifest = z.infer<typeof manifestSchema>;
