/** From wire latents to render jobs, checked against the model's latent shapes. */
import { ApiError } from '../../../shared/errors.ts';
import type { WireLatent } from '../../../shared/render.ts';
import type { RenderJob } from './queue.ts';
import type { ModelInfo } from './types.ts';

/** A wire latent as a render job for `model`; a shape the model cannot use is a 422. */
export function jobOf(latent: WireLatent, size: number, model: ModelInfo, param = 'latent'): RenderJob {
  if ('z' in latent) {
    if (latent.z.length !== model.zDim) {
      throw new ApiError('LATENT_INCOMPATIBLE', `${param} is a qlatent of ${latent.z.length} numbers; model ${model.id} takes ${model.zDim}`, param);
    }
    return { z: Float64Array.from(latent.z), size };
  }
  const rows = latent.w.length;
  if (rows !== model.numWs || latent.w.some((r) => r.length !== model.wDim)) {
    throw new ApiError(
      'LATENT_INCOMPATIBLE',
      `${param} is a dlatent of ${rows} x ${latent.w[0]?.length ?? 0}; model ${model.id} takes ${model.numWs} x ${model.wDim}`,
      param,
    );
  }
  const ws = new Float32Array(rows * model.wDim);
  latent.w.forEach((r, i) => ws.set(r, i * model.wDim));
  return { ws, size };
}
