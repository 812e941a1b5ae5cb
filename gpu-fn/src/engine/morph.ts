/** Morph frames as the original made them: interpolate in z when both ends are z, else in w. */
import type { WireLatent } from '../../../shared/render.ts';
import { lerp } from '../../../shared/latent/truncate.ts';
import { jobOf } from './jobs.ts';
import type { RenderJob } from './queue.ts';
import type { Engine, Truncation } from './types.ts';

/** Render jobs for the interpolation amounts `ps` (0 = from, 1 = to) at `size` px. */
export async function morphJobs(engine: Engine, truncation: Truncation, from: WireLatent, to: WireLatent, ps: readonly number[], size: number): Promise<RenderJob[]> {
  const a = jobOf(from, size, engine.info, 'from');
  const b = jobOf(to, size, engine.info, 'to');
  if ('z' in a && 'z' in b) return ps.map((p) => ({ z: lerp(a.z, b.z, p), size }));
  // A dlatent at either end: bring the z end into w (mapped and truncated), then blend in w.
  const [wa, wb] = await Promise.all([wsOf(engine, truncation, a), wsOf(engine, truncation, b)]);
  return ps.map((p) => ({ ws: Float32Array.from(lerp(wa, wb, p)), size }));
}

async function wsOf(engine: Engine, truncation: Truncation, job: RenderJob): Promise<Float32Array> {
  return 'ws' in job ? job.ws : engine.map(job.z, 1, truncation);
}
