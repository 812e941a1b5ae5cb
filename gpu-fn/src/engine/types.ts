/** What every face model gpu-fn can serve looks like: the built-in one and imported StyleGAN2 networks. */

/** Identity and shape of a model; `id` and `version` are part of every cache key and ETag. */
export interface ModelInfo {
  id: string;
  version: string;
  kind: 'builtin' | 'stylegan2';
  zDim: number;
  wDim: number;
  numWs: number;
  /** Native output size in pixels (the built-in model draws at any size; it reports 1024). */
  resolution: number;
  /** Licence the weights come under, shown to users (NVIDIA's are non-commercial). */
  licence?: string;
}

/** Truncation in w space: w' = w_avg + (w - w_avg) * psi for the first `cutoff` ws. */
export interface Truncation {
  psi: number;
  cutoff: number;
}

/** An RGB image, 8 bits per channel, rows top to bottom, pixels interleaved (HWC). */
export interface Rgb8 {
  width: number;
  height: number;
  data: Uint8Array;
}

/** A face generator: z -> ws (mapping + truncation), ws -> pictures (synthesis + resize). */
export interface Engine {
  readonly info: ModelInfo;
  /** Maps `batch` latents z (batch x zDim, row-major) to truncated ws (batch x numWs x wDim). */
  map(z: Float64Array | Float32Array, batch: number, truncation: Truncation): Promise<Float32Array>;
  /** Renders `batch` ws (batch x numWs x wDim) as `size` x `size` RGB images. */
  synthesize(ws: Float32Array, batch: number, size: number): Promise<Rgb8[]>;
  /** Encodes a photo (any format sharp reads) into a dlatent, aligning the face first if asked and possible. */
  encode?(image: Uint8Array, tryAlign: boolean): Promise<Encoded>;
  /** Releases native resources. */
  close?(): Promise<void>;
}

/** A photo encoded for a model: whether its face was found and aligned, and the dlatent (numWs x wDim). */
export interface Encoded {
  didAlign: boolean;
  dlatent: number[][];
}
