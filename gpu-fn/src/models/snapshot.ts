/**
 * Reads a stylegan2-ada-pytorch snapshot pickle into a GeneratorSpec, checking on the way that it
 * is a network we can run (unconditional StyleGAN2, skip architecture) and saying why not when not.
 */
import { PickleError, unpickle } from './pickle.ts';
import { PersistentModule, snapshotGlobal, type Tensor } from './torch.ts';
import type { BlockSpec, DenseSpec, GeneratorSpec, ModConvSpec, ToRgbSpec } from './network.ts';

/** The network cannot be imported; the message says what is wrong with it. */
export class UnsupportedNetworkError extends Error {
  override name = 'UnsupportedNetworkError';
}

function fail(msg: string): never {
  throw new UnsupportedNetworkError(msg);
}

function attr(m: PersistentModule, name: string): unknown {
  return m.state.get(name);
}

function num(m: PersistentModule, name: string, path: string): number {
  const v = attr(m, name);
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(`${path}.${name} is missing or not a number`);
  return v;
}

function optNum(m: PersistentModule, name: string): number | null {
  const v = attr(m, name);
  return typeof v === 'number' ? v : null;
}

function entry(m: PersistentModule, table: string, name: string, path: string): unknown {
  const t = attr(m, table);
  if (!(t instanceof Map)) fail(`${path} has no ${table}`);
  return t.get(name);
}

function tensor(m: PersistentModule, name: string, path: string, shape?: number[]): Tensor {
  const t = (entry(m, '_parameters', name, path) ?? entry(m, '_buffers', name, path)) as Tensor | undefined;
  if (!t || !(t.data instanceof Float32Array)) fail(`${path}.${name} is missing`);
  if (shape && (t.shape.length !== shape.length || t.shape.some((d, i) => d !== shape[i]))) {
    fail(`${path}.${name} has shape [${t.shape}], expected [${shape}]`);
  }
  return t;
}

function child(m: PersistentModule, name: string, path: string, className: string): PersistentModule {
  const c = entry(m, '_modules', name, path);
  if (!(c instanceof PersistentModule)) fail(`${path}.${name} is missing`);
  if (c.className !== className) fail(`${path}.${name} is a ${c.className}, expected ${className}`);
  return c;
}

function dense(m: PersistentModule, path: string, inF: number, outF: number): DenseSpec {
  const activation = attr(m, 'activation');
  if (activation !== 'linear' && activation !== 'lrelu') fail(`${path} uses activation ${String(activation)}; only linear and lrelu are supported`);
  const bias = entry(m, '_parameters', 'bias', path) ? tensor(m, 'bias', path, [outF]) : null;
  return { weight: tensor(m, 'weight', path, [outF, inF]), bias, weightGain: num(m, 'weight_gain', path), biasGain: num(m, 'bias_gain', path), activation };
}

function noiseOf(m: PersistentModule, path: string, res: number): Tensor | null {
  if (attr(m, 'use_noise') !== true) return null;
  const c = tensor(m, 'noise_const', path, [res, res]);
  const s = tensor(m, 'noise_strength', path, []).data[0]!;
  return { shape: [res, res], data: c.data.map((v) => Math.fround(v * s)) };
}

function modConv(m: PersistentModule, path: string, inC: number, outC: number, res: number, wDim: number, wIndex: number): ModConvSpec {
  const up = num(m, 'up', path);
  if (up !== 1 && up !== 2) fail(`${path}.up is ${up}`);
  if (attr(m, 'activation') !== 'lrelu') fail(`${path} uses activation ${String(attr(m, 'activation'))}; only lrelu is supported`);
  if (num(m, 'padding', path) !== 1) fail(`${path}.padding is not 1`);
  return {
    affine: dense(child(m, 'affine', path, 'FullyConnectedLayer'), `${path}.affine`, wDim, inC),
    weight: tensor(m, 'weight', path, [outC, inC, 3, 3]),
    bias: tensor(m, 'bias', path, [outC]),
    up,
    noise: noiseOf(m, path, res),
    actGain: num(m, 'act_gain', path),
    clamp: optNum(m, 'conv_clamp'),
    wIndex,
  };
}

function toRgb(m: PersistentModule, path: string, inC: number, imgC: number, wDim: number, wIndex: number): ToRgbSpec {
  return {
    affine: dense(child(m, 'affine', path, 'FullyConnectedLayer'), `${path}.affine`, wDim, inC),
    weight: tensor(m, 'weight', path, [imgC, inC, 1, 1]),
    bias: tensor(m, 'bias', path, [imgC]),
    weightGain: num(m, 'weight_gain', path),
    clamp: optNum(m, 'conv_clamp'),
    wIndex,
  };
}

/** The 2-D FIR filter; a 1-D (separable) one becomes its outer product. */
function filter2d(t: Tensor, path: string): Tensor {
  if (t.shape.length === 2 && t.shape[0] === 4 && t.shape[1] === 4) return t;
  if (t.shape.length === 1 && t.shape[0] === 4) {
    const f = t.data;
    return { shape: [4, 4], data: Float32Array.from({ length: 16 }, (_, i) => Math.fround(f[i >> 2]! * f[i & 3]!)) };
  }
  fail(`${path}.resample_filter has shape [${t.shape}]; only 4-tap filters are supported`);
}

function synthesisBlocks(syn: PersistentModule, wDim: number, imgC: number): { blocks: BlockSpec[]; numWs: number } {
  const resolutions = attr(syn, 'block_resolutions');
  if (!Array.isArray(resolutions) || resolutions[0] !== 4) fail('G_ema.synthesis.block_resolutions is missing');
  const blocks: BlockSpec[] = [];
  let wIndex = 0;
  for (const res of resolutions as number[]) {
    const path = `G_ema.synthesis.b${res}`;
    const b = child(syn, `b${res}`, 'G_ema.synthesis', 'SynthesisBlock');
    const arch = attr(b, 'architecture');
    if (arch !== 'skip') fail(`${path} uses the "${String(arch)}" architecture; only "skip" (StyleGAN2 config-e/f) is supported`);
    const inC = num(b, 'in_channels', path);
    const conv1 = child(b, 'conv1', path, 'SynthesisLayer');
    const outC = tensor(conv1, 'weight', `${path}.conv1`).shape[0]!;
    const first = inC === 0;
    const conv0 = first ? null : modConv(child(b, 'conv0', path, 'SynthesisLayer'), `${path}.conv0`, inC, outC, res, wDim, wIndex);
    if (conv0 && conv0.up !== 2) fail(`${path}.conv0 does not upsample`);
    const c1 = modConv(conv1, `${path}.conv1`, outC, outC, res, wDim, wIndex + (first ? 0 : 1));
    if (c1.up !== 1) fail(`${path}.conv1 upsamples`);
    const numConv = first ? 1 : 2;
    blocks.push({
      resolution: res,
      inChannels: inC,
      outChannels: outC,
      constInput: first ? tensor(b, 'const', path, [outC, 4, 4]) : null,
      conv0,
      conv1: c1,
      torgb: toRgb(child(b, 'torgb', path, 'ToRGBLayer'), `${path}.torgb`, outC, imgC, wDim, wIndex + numConv),
      resampleFilter: filter2d(tensor(b, 'resample_filter', path), path),
    });
    wIndex += numConv;
  }
  return { blocks, numWs: wIndex + 1 };
}

/** Picks the generator out of a parsed snapshot: `key` of the top-level dict, or the top itself. */
function pickNetwork(top: unknown, key: string): PersistentModule {
  if (top instanceof PersistentModule) return top;
  if (!(top instanceof Map)) fail('the pickle is not a StyleGAN2 snapshot (its top level is neither a dict nor a network)');
  const net = top.get(key);
  if (net === undefined) fail(`the pickle has no "${key}" network (it holds: ${[...top.keys()].map(String).join(', ')}); it is not a stylegan2-ada-pytorch snapshot`);
  if (!(net instanceof PersistentModule)) fail(`"${key}" in the pickle is not a network saved by stylegan2-ada-pytorch`);
  return net;
}

/** Extracts an unconditional skip-architecture StyleGAN2 generator from a parsed network. */
export function generatorFromModule(g: PersistentModule, name = 'G_ema'): GeneratorSpec {
  if (g.className !== 'Generator') fail(`"${name}" is a ${g.className}, not a StyleGAN2 Generator`);
  const cDim = num(g, 'c_dim', name);
  if (cDim !== 0) fail(`"${name}" is a conditional network (c_dim ${cDim}); only unconditional networks are supported`);
  const syn = entry(g, '_modules', 'synthesis', name);
  if (syn instanceof PersistentModule && (entry(syn, '_modules', 'input', name) || syn.className !== 'SynthesisNetwork' || attr(syn, 'block_resolutions') === undefined)) {
    fail(`"${name}" looks like a StyleGAN3 (or other non-StyleGAN2) generator; only StyleGAN2 is supported`);
  }
  const synthesis = child(g, 'synthesis', name, 'SynthesisNetwork');
  const mappingNet = child(g, 'mapping', name, 'MappingNetwork');
  const zDim = num(g, 'z_dim', name);
  const wDim = num(g, 'w_dim', name);
  const imgC = num(g, 'img_channels', name);
  if (imgC !== 3) fail(`"${name}" draws ${imgC}-channel images; only RGB (3 channels) is supported`);
  const resolution = num(g, 'img_resolution', name);
  const numLayers = num(mappingNet, 'num_layers', `${name}.mapping`);
  if (entry(mappingNet, '_modules', 'embed', `${name}.mapping`)) fail(`"${name}" has a label embedding; only unconditional networks are supported`);
  const mapping: DenseSpec[] = [];
  let inF = zDim;
  for (let i = 0; i < numLayers; i++) {
    const fc = child(mappingNet, `fc${i}`, `${name}.mapping`, 'FullyConnectedLayer');
    const outF = tensor(fc, 'weight', `${name}.mapping.fc${i}`).shape[0]!;
    mapping.push(dense(fc, `${name}.mapping.fc${i}`, inF, outF));
    inF = outF;
  }
  if (inF !== wDim) fail(`${name}.mapping ends with ${inF} features, but w_dim is ${wDim}`);
  const { blocks, numWs } = synthesisBlocks(synthesis, wDim, imgC);
  if (numWs !== num(g, 'num_ws', name)) fail(`${name}.num_ws is ${num(g, 'num_ws', name)}, but the layers read ${numWs} ws`);
  if (blocks[blocks.length - 1]!.resolution !== resolution) fail(`${name}.img_resolution ${resolution} does not match its last block`);
  const wAvg = tensor(mappingNet, 'w_avg', `${name}.mapping`, [wDim]).data;
  const kw = attr(synthesis, '_init_kwargs');
  const mkw = attr(mappingNet, '_init_kwargs');
  const channels: Record<string, number> = {};
  for (const b of blocks) channels[String(b.resolution)] = b.outChannels;
  return {
    hyper: {
      zDim, wDim, numWs, resolution, imgChannels: imgC,
      mappingLayers: numLayers,
      mappingLrMultiplier: mkw instanceof Map && typeof mkw.get('lr_multiplier') === 'number' ? (mkw.get('lr_multiplier') as number) : mapping[0]!.biasGain,
      wAvgBeta: optNum(mappingNet, 'w_avg_beta'),
      architecture: 'skip',
      channels,
      convClamp: blocks[blocks.length - 1]!.conv1.clamp,
      numFp16Res: kw instanceof Map && typeof kw.get('num_fp16_res') === 'number' ? (kw.get('num_fp16_res') as number) : 0,
      params: countParams(g),
    },
    mapping,
    wAvg,
    blocks,
  };
}

function countParams(m: PersistentModule): number {
  let n = 0;
  const params = attr(m, '_parameters');
  if (params instanceof Map) for (const t of params.values()) if (t) n += (t as Tensor).data.length;
  const mods = attr(m, '_modules');
  if (mods instanceof Map) for (const c of mods.values()) if (c instanceof PersistentModule) n += countParams(c);
  return n;
}

/** Parses snapshot bytes (NVIDIA's `.pkl`) without Python. */
export function parseSnapshot(bytes: Uint8Array): unknown {
  return unpickle(bytes, { findGlobal: snapshotGlobal }).value;
}

/** Reads the generator `key` (default G_ema) from snapshot bytes; throws a message naming the problem. */
export function readGenerator(bytes: Uint8Array, key = 'G_ema'): GeneratorSpec {
  let top: unknown;
  try {
    top = parseSnapshot(bytes);
  } catch (e) {
    if (e instanceof PickleError) throw new UnsupportedNetworkError(`cannot read the pickle: ${e.message}`);
    throw e;
  }
  return generatorFromModule(pickNetwork(top, key), key);
}
