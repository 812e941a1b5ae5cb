/** An installed NVIDIA StyleGAN2 network behind the Engine interface, run with ONNX Runtime. */
import { truncate } from '../../../shared/latent/truncate.ts';
import { resizeRgb } from '../encode/resize.ts';
import { createSession, type OnnxSession } from '../inference/session.ts';
import { loadBundle } from '../models/bundle.ts';
import type { Manifest } from '../models/manifest.ts';
import type { Engine, ModelInfo, Rgb8, Truncation } from './types.ts';

/**
 * NCHW float images to 8-bit HWC pictures the way NVIDIA's scripts do it:
 * trunc(clamp(x * 127.5 + 128, 0, 255)), computed in float32.
 */
export function imagesToRgb8(data: Float32Array, batch: number, channels: number, height: number, width: number): Rgb8[] {
  if (channels !== 3) throw new Error(`expected 3 image channels, got ${channels}`);
  const plane = height * width;
  const out: Rgb8[] = [];
  for (let b = 0; b < batch; b++) {
    const px = new Uint8Array(plane * 3);
    const base = b * 3 * plane;
    for (let c = 0; c < 3; c++) {
      for (let i = 0; i < plane; i++) {
        const v = Math.fround(Math.fround(data[base + c * plane + i]! * 127.5) + 128);
        px[i * 3 + c] = v <= 0 ? 0 : v >= 255 ? 255 : Math.trunc(v);
      }
    }
    out.push({ width, height, data: px });
  }
  return out;
}

export interface StyleGan2Options {
  /** ONNX Runtime intra-op threads (default 2). */
  threads?: number;
  /** cpu (default) or cuda. */
  device?: 'cpu' | 'cuda';
  /**
   * Most output pixels one synthesis run may hold (default 2 x 1024^2): larger batches are split,
   * which keeps peak memory near 2 GB at 1024 px and costs little, since batching saves work only
   * at the cheap low resolutions.
   */
  maxPixelsPerRun?: number;
}

const DEFAULT_MAX_PIXELS_PER_RUN = 2 * 1024 * 1024;

export class StyleGan2Engine implements Engine {
  readonly info: ModelInfo;
  readonly manifest: Manifest;
  private readonly mapping: OnnxSession;
  private readonly synthesis: OnnxSession;
  private readonly wAvg: Float32Array;
  private readonly maxBatch: number;

  private constructor(manifest: Manifest, mapping: OnnxSession, synthesis: OnnxSession, opts: StyleGan2Options) {
    this.manifest = manifest;
    const res = manifest.hyper.resolution;
    this.maxBatch = Math.max(1, Math.floor((opts.maxPixelsPerRun ?? DEFAULT_MAX_PIXELS_PER_RUN) / (res * res)));
    this.mapping = mapping;
    this.synthesis = synthesis;
    this.wAvg = Float32Array.from(manifest.wAvg);
    const h = manifest.hyper;
    this.info = {
      id: manifest.id,
      version: manifest.version,
      kind: 'stylegan2',
      zDim: h.zDim,
      wDim: h.wDim,
      numWs: h.numWs,
      resolution: h.resolution,
      licence: manifest.licence,
    };
  }

  /** Loads installed bundle `id` from `modelsDir`, verifying its checksums. */
  static async load(modelsDir: string, id: string, opts: StyleGan2Options = {}): Promise<StyleGan2Engine> {
    const bundle = await loadBundle(modelsDir, id);
    if (bundle.manifest.wAvg.length !== bundle.manifest.hyper.wDim) throw new Error(`model "${id}": w_avg has ${bundle.manifest.wAvg.length} values, expected ${bundle.manifest.hyper.wDim}`);
    const mapping = await createSession(bundle.mapping, opts);
    const synthesis = await createSession(bundle.synthesis, { threads: opts.threads, device: opts.device, memArena: false }).catch(async (e: unknown) => {
      await mapping.release();
      throw e;
    });
    return new StyleGan2Engine(bundle.manifest, mapping, synthesis, opts);
  }

  async map(z: Float64Array | Float32Array, batch: number, t: Truncation): Promise<Float32Array> {
    const { zDim, wDim, numWs } = this.info;
    if (z.length !== batch * zDim) throw new Error(`map: expected ${batch} x ${zDim} latents, got ${z.length} values`);
    const { w } = await this.mapping.run({ z: { data: Float32Array.from(z), dims: [batch, zDim] } });
    // One w per network; every layer starts from the same w before truncation.
    const ws = new Float32Array(batch * numWs * wDim);
    for (let b = 0; b < batch; b++) {
      const row = w!.data.subarray(b * wDim, (b + 1) * wDim);
      for (let i = 0; i < numWs; i++) ws.set(row, (b * numWs + i) * wDim);
    }
    return truncate(ws, this.wAvg, numWs, t.psi, t.cutoff);
  }

  /** Raw synthesis output: float32 NCHW images, not clamped. */
  async synthesizeFloat(ws: Float32Array, batch: number): Promise<Float32Array> {
    const { numWs, wDim } = this.info;
    if (ws.length !== batch * numWs * wDim) throw new Error(`synthesize: expected ${batch} x ${numWs} x ${wDim} values, got ${ws.length}`);
    const per = numWs * wDim;
    const res = this.info.resolution;
    const out = new Float32Array(batch * 3 * res * res);
    for (let b = 0; b < batch; b += this.maxBatch) {
      const n = Math.min(this.maxBatch, batch - b);
      const { img } = await this.synthesis.run({ ws: { data: ws.subarray(b * per, (b + n) * per), dims: [n, numWs, wDim] } });
      out.set(img!.data, b * 3 * res * res);
    }
    return out;
  }

  async synthesize(ws: Float32Array, batch: number, size: number): Promise<Rgb8[]> {
    const res = this.info.resolution;
    const images = imagesToRgb8(await this.synthesizeFloat(ws, batch), batch, this.manifest.hyper.imgChannels, res, res);
    return size === res ? images : Promise.all(images.map((img) => resizeRgb(img, size)));
  }

  async close(): Promise<void> {
    await Promise.all([this.mapping.release(), this.synthesis.release()]);
  }
}
