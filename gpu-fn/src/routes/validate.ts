/** Parsing render bodies with zod; failures answer in the shared error shape. */
import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError } from '../../../shared/errors.ts';
import type { WireLatent } from '../../../shared/render.ts';
import type { RenderJob } from '../engine/queue.ts';
import type { ModelInfo } from '../engine/types.ts';

/** Parses the JSON body with `schema`; 400 naming the first bad field. */
export async function parseBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  let json: unknown;
  try {
    json = await c.req.json();
  } catch {
    throw new ApiError('INVALID_BODY', 'body is not valid JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = issue?.path.map(String).join('.') || undefined;
    throw new ApiError('INVALID_BODY', `${param ?? 'body'} ${issue?.message ?? 'is invalid'}`, param);
  }
  return parsed.data;
}

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
