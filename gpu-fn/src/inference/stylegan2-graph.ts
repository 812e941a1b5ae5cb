/**
 * StyleGAN2 as ONNX graphs: mapping (z -> w) and synthesis (ws -> NCHW float image).
 *
 * Modulated convolutions use the "scale the activations" form: x * styles -> convolution with the
 * shared weight -> * demodulation coefficients. It equals per-sample modulated weights (NVIDIA's
 * fused path) in exact arithmetic and lets one convolution serve the whole batch. The lrelu gain
 * sqrt(2) is folded into the coefficients, the noise and the bias, since lrelu(a)*g = lrelu(a*g).
 */
import type { DenseSpec, GeneratorSpec, ModConvSpec, Tensor, ToRgbSpec } from '../models/network.ts';
import { GraphBuilder } from './onnx-graph.ts';

const LRELU_SLOPE = 0.2;

/** weight x gain in float32, as torch computes it. */
function scaled(data: Float32Array, gain: number): Float32Array {
  const g = Math.fround(gain);
  return data.map((v) => Math.fround(v * g));
}

/** Effective dense weights [out, in] and bias [out], with an extra scale folded in. */
function denseWeights(d: DenseSpec, extra = 1): { w: Float32Array; b: Float32Array } {
  const out = d.weight.shape[0]!;
  const w = extra === 1 ? scaled(d.weight.data, d.weightGain) : scaled(scaled(d.weight.data, d.weightGain), extra);
  const b = d.bias ? scaled(scaled(d.bias.data, d.biasGain), extra) : new Float32Array(out);
  return { w, b };
}

function gemm(g: GraphBuilder, x: string, name: string, d: DenseSpec, extra = 1): string {
  const { w, b } = denseWeights(d, extra);
  return g.op('Gemm', [x, g.float(`${name}.weight`, w, d.weight.shape), g.float(`${name}.bias`, b, [b.length])], [{ name: 'transB', i: 1 }]);
}

/** Mapping network: normalise z (float32) to unit second moment, then the dense layers. Output w [N, wDim]. */
export function buildMappingGraph(spec: GeneratorSpec): Uint8Array {
  const g = new GraphBuilder();
  const { zDim, wDim } = spec.hyper;
  const z = g.input('z', ['batch', zDim]);
  const ms = g.op('ReduceMean', [g.op('Mul', [z, z])], [{ name: 'axes', ints: [1] }, { name: 'keepdims', i: 1 }]);
  let x = g.op('Div', [z, g.op('Sqrt', [g.op('Add', [ms, g.float('eps', new Float32Array([1e-8]), [])])])]);
  const sqrt2 = g.float('sqrt2', new Float32Array([Math.SQRT2]), []);
  spec.mapping.forEach((layer, i) => {
    x = gemm(g, x, `mapping.fc${i}`, layer);
    if (layer.activation === 'lrelu') x = g.op('Mul', [g.op('LeakyRelu', [x], [{ name: 'alpha', f: LRELU_SLOPE }]), sqrt2]);
  });
  g.op('Identity', [x], [], 'w');
  g.output('w', ['batch', wDim]);
  return g.toBytes('stylegan2_mapping');
}

/** Per-sample styles [N, C] for one layer, reading ws[:, wIndex]. */
function styles(g: GraphBuilder, ws: string, name: string, affine: DenseSpec, wIndex: number, extra = 1): string {
  const w = g.op('Gather', [ws, g.int64(`${name}.w_index`, [wIndex], [])], [{ name: 'axis', i: 1 }]);
  return gemm(g, w, `${name}.affine`, affine, extra);
}

function toNchw(g: GraphBuilder, v: string): string {
  return g.op('Unsqueeze', [v, g.int64(`axes23_${v}`, [2, 3])]);
}

/** Correlation kernel for NVIDIA's upfirdn2d (a true convolution): the flipped filter times gain, one per channel. */
function firKernel(f: Tensor, channels: number, gain: number, flip: boolean): Float32Array {
  const k = new Float32Array(channels * 16);
  for (let c = 0; c < channels; c++) {
    for (let i = 0; i < 16; i++) k[c * 16 + i] = Math.fround(f.data[flip ? 15 - i : i]! * gain);
  }
  return k;
}

/**
 * NVIDIA's up=2 convolution: transposed 3x3 conv with stride 2, then the 4x4 FIR (gain 4) with
 * padding 1. The transposed conv is split into its four output phases, each a small ordinary
 * convolution on the input grid (2x2, 2x1, 1x2 and 1x1 taps; 9 multiply-adds per input pixel as
 * before) interleaved by DepthToSpace. ONNX Runtime runs ordinary convolutions several times faster
 * than ConvTranspose. The phases cover (2H+2)^2 outputs; the last row and column read only padding
 * and are zero, which is exactly the FIR's bottom/right padding.
 */
function upConv(g: GraphBuilder, x: string, name: string, weight: Tensor, filter: Tensor): string {
  const [outC, inC] = weight.shape as [number, number];
  const w = weight.data;
  // Each phase: which (ky, kx) taps it uses, laid out as its kernel rows x cols, and its pads.
  const phases: { taps: [number, number][][]; pads: number[] }[] = [
    { taps: [[[2, 2], [2, 0]], [[0, 2], [0, 0]]], pads: [1, 1, 1, 1] }, // even row, even col
    { taps: [[[2, 1]], [[0, 1]]], pads: [1, 0, 1, 1] }, // even row, odd col
    { taps: [[[1, 2], [1, 0]]], pads: [0, 1, 1, 1] }, // odd row, even col
    { taps: [[[1, 1]]], pads: [0, 0, 1, 1] }, // odd row, odd col
  ];
  const outs = phases.map((p, i) => {
    const kh = p.taps.length;
    const kw = p.taps[0]!.length;
    const k = new Float32Array(outC * inC * kh * kw);
    for (let o = 0; o < outC; o++) {
      for (let c = 0; c < inC; c++) {
        for (let a = 0; a < kh; a++) {
          for (let b = 0; b < kw; b++) {
            const [ky, kx] = p.taps[a]![b]!;
            k[((o * inC + c) * kh + a) * kw + b] = w[((o * inC + c) * 3 + ky) * 3 + kx]!;
          }
        }
      }
    }
    return g.op('Conv', [x, g.float(`${name}.phase${i}`, k, [outC, inC, kh, kw])], [{ name: 'pads', ints: p.pads }]);
  });
  const y = g.op('DepthToSpace', [g.op('Concat', outs, [{ name: 'axis', i: 1 }])], [{ name: 'blocksize', i: 2 }, { name: 'mode', s: 'DCR' }]);
  const fir = g.float(`${name}.fir`, firKernel(filter, outC, 4, true), [outC, 1, 4, 4]);
  return g.op('Conv', [y, fir], [{ name: 'group', i: outC }, { name: 'pads', ints: [1, 1, 0, 0] }]);
}

/** The same up=2 convolution as one ConvTranspose (weight as [in, out, 3, 3]) and the FIR. */
function upConvTranspose(g: GraphBuilder, x: string, name: string, weight: Tensor, filter: Tensor): string {
  const [outC, inC] = weight.shape as [number, number];
  const wt = new Float32Array(weight.data.length);
  for (let o = 0; o < outC; o++) for (let i = 0; i < inC; i++) wt.set(weight.data.subarray((o * inC + i) * 9, (o * inC + i + 1) * 9), (i * outC + o) * 9);
  const y = g.op('ConvTranspose', [x, g.float(`${name}.weight_t`, wt, [inC, outC, 3, 3])], [{ name: 'strides', ints: [2, 2] }]);
  const fir = g.float(`${name}.fir`, firKernel(filter, outC, 4, true), [outC, 1, 4, 4]);
  return g.op('Conv', [y, fir], [{ name: 'group', i: outC }, { name: 'pads', ints: [1, 1, 1, 1] }]);
}

/** Choices that change speed, never results (beyond float rounding). */
export interface SynthesisGraphOptions {
  /** Output resolution to stop at (the skip image at that block); default the network's. */
  maxResolution?: number;
  /** How up=2 convolutions are written: four phase convolutions (default) or one ConvTranspose. */
  upConv?: 'phases' | 'transpose';
}

function modConv(g: GraphBuilder, x: string, ws: string, name: string, l: ModConvSpec, filter: Tensor, opts: SynthesisGraphOptions): string {
  const [outC, inC] = l.weight.shape as [number, number];
  const s = styles(g, ws, name, l.affine, l.wIndex);
  let y = g.op('Mul', [x, toNchw(g, s)]);
  if (l.up === 1) {
    y = g.op('Conv', [y, g.float(`${name}.weight`, l.weight.data, l.weight.shape)], [{ name: 'pads', ints: [1, 1, 1, 1] }]);
  } else {
    y = opts.upConv === 'transpose' ? upConvTranspose(g, y, name, l.weight, filter) : upConv(g, y, name, l.weight, filter);
  }
  // Demodulation: 1/sqrt(sum_i s_i^2 * sum_k W_oik^2 + 1e-8), times the activation gain.
  const wsq = new Float32Array(outC * inC);
  for (let j = 0; j < outC * inC; j++) {
    let acc = 0;
    for (let k = 0; k < 9; k++) acc += l.weight.data[j * 9 + k]! ** 2;
    wsq[j] = acc;
  }
  const eps = g.float(`${name}.eps`, new Float32Array(outC).fill(1e-8), [outC]);
  const ssq = g.op('Gemm', [g.op('Mul', [s, s]), g.float(`${name}.wsq`, wsq, [outC, inC]), eps], [{ name: 'transB', i: 1 }]);
  const d = g.op('Div', [g.float(`${name}.act_gain`, new Float32Array([l.actGain]), []), g.op('Sqrt', [ssq])]);
  y = g.op('Mul', [y, toNchw(g, d)]);
  if (l.noise) {
    const [h, w] = l.noise.shape as [number, number];
    y = g.op('Add', [y, g.float(`${name}.noise`, scaled(l.noise.data, l.actGain), [1, 1, h, w])]);
  }
  y = g.op('Add', [y, g.float(`${name}.bias`, scaled(l.bias.data, l.actGain), [1, outC, 1, 1])]);
  y = g.op('LeakyRelu', [y], [{ name: 'alpha', f: LRELU_SLOPE }]);
  if (l.clamp !== null) y = clip(g, y, name, l.clamp);
  return y;
}

function clip(g: GraphBuilder, y: string, name: string, c: number): string {
  return g.op('Clip', [y, g.float(`${name}.clamp_lo`, new Float32Array([-c]), []), g.float(`${name}.clamp_hi`, new Float32Array([c]), [])]);
}

/**
 * ToRGB as a batched matrix product: per-sample weights W * styles [N, 3, C] times the features
 * [N, C, H*W]. A 1x1 Conv would need the features multiplied by the styles first, and ONNX Runtime
 * pads its 3 output channels to 16 and reorders the features twice around it.
 */
function toRgb(g: GraphBuilder, x: string, ws: string, name: string, l: ToRgbSpec, res: number): string {
  const [imgC, inC] = l.weight.shape as [number, number];
  const s = styles(g, ws, name, l.affine, l.wIndex, l.weightGain);
  const perSample = g.op('Mul', [g.op('Unsqueeze', [s, g.int64(`${name}.axis1`, [1])]), g.float(`${name}.weight`, l.weight.data, [imgC, inC])]);
  const flat = g.op('Reshape', [x, g.int64(`${name}.flat`, [0, inC, res * res])]);
  const y = g.op('Reshape', [g.op('MatMul', [perSample, flat]), g.int64(`${name}.square`, [0, imgC, res, res])]);
  const biased = g.op('Add', [y, g.float(`${name}.bias`, l.bias.data, [1, imgC, 1, 1])]);
  return l.clamp === null ? biased : clip(g, biased, name, l.clamp);
}

/** 2x upsampling of the skip image: zero insertion, pad (2,1), FIR with gain 4 = a depthwise transposed conv. */
function upsampleImage(g: GraphBuilder, img: string, name: string, filter: Tensor, channels: number): string {
  const k = g.float(`${name}.img_fir`, firKernel(filter, channels, 4, false), [channels, 1, 4, 4]);
  return g.op('ConvTranspose', [img, k], [{ name: 'group', i: channels }, { name: 'strides', ints: [2, 2] }, { name: 'pads', ints: [1, 1, 1, 1] }]);
}

/**
 * Synthesis network: ws [N, numWs, wDim] -> image [N, C, R, R], not clamped; with `maxResolution`,
 * the skip image of that block instead (early stop for small outputs).
 */
export function buildSynthesisGraph(spec: GeneratorSpec, opts: SynthesisGraphOptions = {}): Uint8Array {
  const maxResolution = opts.maxResolution ?? spec.hyper.resolution;
  const g = new GraphBuilder();
  const { numWs, wDim, imgChannels } = spec.hyper;
  const ws = g.input('ws', ['batch', numWs, wDim]);
  let x = '';
  let img = '';
  let res = 0;
  for (const b of spec.blocks) {
    if (b.resolution > maxResolution) break;
    const name = `b${b.resolution}`;
    if (b.constInput) x = g.float(`${name}.const`, b.constInput.data, [1, ...b.constInput.shape]);
    if (b.conv0) x = modConv(g, x, ws, `${name}.conv0`, b.conv0, b.resampleFilter, opts);
    x = modConv(g, x, ws, `${name}.conv1`, b.conv1, b.resampleFilter, opts);
    const y = toRgb(g, x, ws, `${name}.torgb`, b.torgb, b.resolution);
    img = img ? g.op('Add', [upsampleImage(g, img, name, b.resampleFilter, imgChannels), y]) : y;
    res = b.resolution;
  }
  g.op('Identity', [img], [], 'img');
  g.output('img', ['batch', imgChannels, res, res]);
  return g.toBytes('stylegan2_synthesis');
}
