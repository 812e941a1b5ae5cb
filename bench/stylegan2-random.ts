/** A random-weight StyleGAN2 generator of any config-f shape (FFHQ's by default), for benchmarks. */
import type { BlockSpec, DenseSpec, GeneratorSpec, ModConvSpec, Tensor } from '../gpu-fn/src/models/network.ts';

/** Deterministic standard normal numbers (mulberry32 + Box-Muller). */
function normals(seed: number): () => number {
  let s = seed >>> 0;
  const uniform = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

export interface RandomShape {
  resolution: number;
  zDim: number;
  wDim: number;
  mappingLayers: number;
  /** Channels per resolution, e.g. FFHQ config-f: 512 up to 64 px, then 256, 128, 64, 32. */
  channels: (res: number) => number;
}

export const FFHQ_SHAPE: RandomShape = {
  resolution: 1024,
  zDim: 512,
  wDim: 512,
  mappingLayers: 8,
  channels: (res) => Math.min(Math.floor(32768 / res), 512),
};

/** Builds a generator with NVIDIA's initialisation scheme (unit normal weights, gains beside them). */
export function randomGenerator(shape: RandomShape = FFHQ_SHAPE, seed = 1): GeneratorSpec {
  const randn = normals(seed);
  const t = (dims: number[], scale = 1, offset = 0): Tensor => {
    const n = dims.reduce((a, b) => a * b, 1);
    const data = new Float32Array(n);
    for (let i = 0; i < n; i++) data[i] = offset + scale * randn();
    return { shape: dims, data };
  };
  const { wDim } = shape;
  const dense = (inF: number, outF: number, lr: number, activation: 'linear' | 'lrelu', biasInit = 0): DenseSpec => ({
    weight: t([outF, inF], 1 / lr), bias: t([outF], 0.01, biasInit), weightGain: lr / Math.sqrt(inF), biasGain: lr, activation,
  });
  const filter = new Float32Array(16).map((_, i) => ([1, 3, 3, 1][i >> 2]! * [1, 3, 3, 1][i & 3]!) / 64);
  let wIndex = 0;
  const conv = (inC: number, outC: number, res: number, up: 1 | 2): ModConvSpec => ({
    affine: dense(wDim, inC, 1, 'linear', 1), weight: t([outC, inC, 3, 3]), bias: t([outC], 0.01),
    up, noise: t([res, res], 0.05), actGain: Math.SQRT2, clamp: null, wIndex: wIndex++,
  });
  const blocks: BlockSpec[] = [];
  for (let res = 4; res <= shape.resolution; res *= 2) {
    const outC = shape.channels(res);
    const inC = res === 4 ? 0 : shape.channels(res / 2);
    const conv0 = res === 4 ? null : conv(inC, outC, res, 2);
    const conv1 = conv(outC, outC, res, 1);
    const torgb = { affine: dense(wDim, outC, 1, 'linear', 1), weight: t([3, outC, 1, 1]), bias: t([3], 0.01), weightGain: 1 / Math.sqrt(outC), clamp: null, wIndex };
    blocks.push({ resolution: res, inChannels: inC, outChannels: outC, constInput: res === 4 ? t([outC, 4, 4]) : null, conv0, conv1, torgb, resampleFilter: { shape: [4, 4], data: filter } });
  }
  const mapping = Array.from({ length: shape.mappingLayers }, (_, i) => dense(i === 0 ? shape.zDim : wDim, wDim, 0.01, 'lrelu'));
  // Parameters as torch counts them: every weight and bias, plus one noise_strength per conv.
  let params = 2 * shape.resolution.toString(2).length - 5;
  const count = (x: unknown): void => {
    if (x && typeof x === 'object') {
      if ((x as Tensor).data instanceof Float32Array) { params += (x as Tensor).data.length; return; }
      for (const v of Object.values(x)) count(v);
    }
  };
  count(mapping);
  for (const b of blocks) { count(b.constInput); count(b.conv0 && { ...b.conv0, noise: null }); count({ ...b.conv1, noise: null }); count(b.torgb); }
  const channels: Record<string, number> = {};
  for (const b of blocks) channels[String(b.resolution)] = b.outChannels;
  return {
    hyper: {
      zDim: shape.zDim, wDim, numWs: wIndex + 1, resolution: shape.resolution, imgChannels: 3, mappingLayers: shape.mappingLayers,
      mappingLrMultiplier: 0.01, wAvgBeta: 0.995, architecture: 'skip', channels, convClamp: null, numFp16Res: 0, params,
    },
    mapping,
    wAvg: t([wDim], 0.1).data,
    blocks,
  };
}
