/** The built-in procedural face model behind the Engine interface. */
import { FACE_MODEL, W_AVG, faceSvg, mapping } from '../../../shared/face/index.ts';
import { truncate } from '../../../shared/latent/truncate.ts';
import { rasterizeSvg } from '../encode/image.ts';
import type { Encoded, Engine, ModelInfo, Rgb8, Truncation } from './types.ts';

export class BuiltinEngine implements Engine {
  readonly info: ModelInfo = {
    id: FACE_MODEL.id,
    version: FACE_MODEL.version,
    kind: 'builtin',
    zDim: FACE_MODEL.zDim,
    wDim: FACE_MODEL.wDim,
    numWs: FACE_MODEL.numWs,
    resolution: 1024,
  };

  async map(z: Float64Array | Float32Array, batch: number, t: Truncation): Promise<Float32Array> {
    const { zDim, numWs, wDim } = FACE_MODEL;
    const out = new Float32Array(batch * numWs * wDim);
    for (let b = 0; b < batch; b++) out.set(mapping(z.subarray(b * zDim, (b + 1) * zDim)), b * numWs * wDim);
    return truncate(out, W_AVG, numWs, t.psi, t.cutoff);
  }

  async synthesize(ws: Float32Array, batch: number, size: number): Promise<Rgb8[]> {
    const n = FACE_MODEL.numWs * FACE_MODEL.wDim;
    const jobs: Promise<Rgb8>[] = [];
    for (let b = 0; b < batch; b++) jobs.push(rasterizeSvg(faceSvg(ws.subarray(b * n, (b + 1) * n), { size }), size));
    return Promise.all(jobs);
  }

  /** A photo to the built-in face most like it (see likeness/). */
  async encode(image: Uint8Array, tryAlign: boolean): Promise<Encoded> {
    // Loaded on first use: face-api and its WASM backend would slow every start for a rare request.
    const { encodeLikeness } = await import('./likeness/index.ts');
    return encodeLikeness(image, tryAlign);
  }
}
