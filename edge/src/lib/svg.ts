/** The built-in face drawn at the edge as SVG, without a round trip to gpu-fn. */
import { ApiError } from '../../../shared/errors.ts';
import { FACE_MODEL, W_AVG, faceSvg, mapping } from '../../../shared/face/index.ts';
import { SPEC_TRUNCATION, lerp, truncate } from '../../../shared/latent/truncate.ts';
import type { GpuFn } from './gpufn.ts';
import type { Resolved } from './resolve.ts';

/** Truncated ws of the built-in model for a latent; a shape it cannot take is a 422 naming `param`. */
function wsOf(latent: Resolved, param: string): Float32Array {
  const { zDim, numWs, wDim } = FACE_MODEL;
  if (latent.kind === 'z') {
    if (latent.z.length !== zDim) throw new ApiError('LATENT_INCOMPATIBLE', `${param} names a qlatent of ${latent.z.length} numbers; the built-in model takes ${zDim}`, param);
    return truncate(mapping(latent.z), W_AVG, numWs, SPEC_TRUNCATION.psi, SPEC_TRUNCATION.cutoff);
  }
  if (latent.w.length !== numWs || latent.w.some((r) => r.length !== wDim)) {
    throw new ApiError('LATENT_INCOMPATIBLE', `${param} names a dlatent of ${latent.w.length} x ${latent.w[0]?.length ?? 0}; the built-in model takes ${numWs} x ${wDim}`, param);
  }
  const ws = new Float32Array(numWs * wDim);
  latent.w.forEach((r, i) => ws.set(r, i * wDim));
  return ws;
}

/** Refuses SVG unless the served model is the built-in one (other models have no SVG form). */
async function requireBuiltin(gpu: GpuFn): Promise<void> {
  const model = await gpu.model();
  if (model.kind !== 'builtin') throw new ApiError('INVALID_PARAM', `format svg is only available with the built-in face model; this service runs ${model.id}`, 'format');
}

/** The same face gpu-fn rasterises, as an SVG document of `size` px. */
export async function builtinSvg(gpu: GpuFn, latent: Resolved, size: number): Promise<string> {
  await requireBuiltin(gpu);
  return faceSvg(wsOf(latent, 'guid'), { size });
}

/** A morph frame of the built-in model as SVG, interpolated as gpu-fn does (z if both ends are z, else w). */
export async function builtinMorphSvg(gpu: GpuFn, from: Resolved, to: Resolved, p: number, size: number): Promise<string> {
  await requireBuiltin(gpu);
  if (from.kind === 'z' && to.kind === 'z') return faceSvg(wsOf({ kind: 'z', z: lerp(from.z, to.z, p), key: '' }, 'from_guid'), { size });
  return faceSvg(Float32Array.from(lerp(wsOf(from, 'from_guid'), wsOf(to, 'to_guid'), p)), { size });
}
