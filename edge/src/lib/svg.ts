/** The built-in face drawn at the edge as SVG, without a round trip to gpu-fn. */
import { ApiError } from '../../../shared/errors.ts';
import { FACE_MODEL, W_AVG, faceSvg, mapping } from '../../../shared/face/index.ts';
import { SPEC_TRUNCATION, truncate } from '../../../shared/latent/truncate.ts';
import type { Resolved } from './resolve.ts';

/** The same face gpu-fn rasterises, as an SVG document of `size` px. */
export function builtinSvg(latent: Resolved, size: number): string {
  const { zDim, numWs, wDim } = FACE_MODEL;
  if (latent.kind === 'z') {
    if (latent.z.length !== zDim) throw new ApiError('LATENT_INCOMPATIBLE', `guid names a qlatent of ${latent.z.length} numbers; the built-in model takes ${zDim}`, 'guid');
    return faceSvg(truncate(mapping(latent.z), W_AVG, numWs, SPEC_TRUNCATION.psi, SPEC_TRUNCATION.cutoff), { size });
  }
  if (latent.w.length !== numWs || latent.w.some((r) => r.length !== wDim)) {
    throw new ApiError('LATENT_INCOMPATIBLE', `guid names a dlatent of ${latent.w.length} x ${latent.w[0]?.length ?? 0}; the built-in model takes ${numWs} x ${wDim}`, 'guid');
  }
  const ws = new Float32Array(numWs * wDim);
  latent.w.forEach((r, i) => ws.set(r, i * wDim));
  return faceSvg(ws, { size });
}
