/**
 * Writes a GeneratorSpec as a stylegan2-ada-pytorch snapshot pickle (persistent modules, tensors
 * as legacy torch.save bytes), the inverse of gpu-fn/src/models/snapshot.ts. Used to benchmark
 * importing a full-size network without downloading one.
 */
import type { DenseSpec, GeneratorSpec, ModConvSpec, Tensor, ToRgbSpec } from '../gpu-fn/src/models/network.ts';

type Py = null | boolean | number | string | Uint8Array | Py[] | Map<string, Py> | Call | Tuple | Float;
class Call {
  readonly fn: string;
  readonly args: Py[];
  readonly items: Map<string, Py> | undefined;
  constructor(fn: string, args: Py[], items?: Map<string, Py>) { this.fn = fn; this.args = args; this.items = items; }
}
class Tuple {
  readonly items: Py[];
  constructor(items: Py[]) { this.items = items; }
}
class Float {
  readonly value: number;
  constructor(value: number) { this.value = value; }
}

class Writer {
  private readonly chunks: Uint8Array[] = [];
  private size = 0;
  raw(bytes: Uint8Array | number[]): void {
    const b = bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes);
    this.chunks.push(b);
    this.size += b.length;
  }
  u32(n: number): number[] { return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff]; }
  write(v: Py): void {
    if (v === null) this.raw([0x4e]);
    else if (v === true || v === false) this.raw([v ? 0x88 : 0x89]);
    else if (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 2 ** 31) this.raw([0x4a, ...this.u32(v)]);
    else if (typeof v === 'number' || v instanceof Float) {
      const b = new Uint8Array(9);
      b[0] = 0x47;
      new DataView(b.buffer).setFloat64(1, typeof v === 'number' ? v : v.value, false);
      this.raw(b);
    } else if (typeof v === 'string') {
      const s = new TextEncoder().encode(v);
      this.raw([0x58, ...this.u32(s.length)]);
      this.raw(s);
    } else if (v instanceof Uint8Array) {
      this.raw([0x42, ...this.u32(v.length)]);
      this.raw(v);
    } else if (Array.isArray(v)) {
      this.raw([0x5d, 0x28]);
      v.forEach((x) => this.write(x));
      this.raw([0x65]);
    } else if (v instanceof Tuple) {
      this.raw([0x28]);
      v.items.forEach((x) => this.write(x));
      this.raw([0x74]);
    } else if (v instanceof Map) {
      this.raw([0x7d, 0x28]);
      for (const [k, x] of v) { this.write(k); this.write(x); }
      this.raw([0x75]);
    } else {
      const dot = v.fn.lastIndexOf('.');
      this.raw(new TextEncoder().encode(`c${v.fn.slice(0, dot)}\n${v.fn.slice(dot + 1)}\n`));
      this.write(new Tuple(v.args));
      this.raw([0x52]);
      if (v.items) { this.raw([0x28]); for (const [k, x] of v.items) { this.write(k); this.write(x); } this.raw([0x75]); }
    }
  }
  bytes(): Uint8Array {
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const c of this.chunks) { out.set(c, at); at += c.length; }
    return out;
  }
}

const odict = (entries: [string, Py][] = []): Call => new Call('collections.OrderedDict', [], new Map(entries));

/** torch's legacy torch.save of one float storage: five protocol-2 pickles, count, raw data. */
function legacyStorage(data: Float32Array): Uint8Array {
  const w = new Writer();
  w.raw([0x80, 2, 0x8a, 10, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19, 0x2e]);
  w.raw([0x80, 2]); w.write(1001); w.raw([0x2e]);
  w.raw([0x80, 2]); w.write(new Map<string, Py>([['protocol_version', 1001], ['little_endian', true]])); w.raw([0x2e]);
  w.raw([0x80, 2, 0x28]); w.write('storage'); w.raw(new TextEncoder().encode('ctorch\nFloatStorage\n')); w.write('94000001');
  w.write('cpu'); w.write(data.length); w.write(null); w.raw([0x74, 0x51, 0x2e]);
  w.raw([0x80, 2]); w.write(['94000001']); w.raw([0x2e]);
  const count = new Uint8Array(8);
  new DataView(count.buffer).setBigInt64(0, BigInt(data.length), true);
  w.raw(count);
  w.raw(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  return w.bytes();
}

function tensor(t: Tensor, param = true): Call {
  const stride = t.shape.map((_, i) => t.shape.slice(i + 1).reduce((a, b) => a * b, 1));
  const rebuilt = new Call('torch._utils._rebuild_tensor_v2', [new Call('torch.storage._load_from_bytes', [legacyStorage(t.data)]), 0, new Tuple(t.shape), new Tuple(stride), false, odict()]);
  return param ? new Call('torch._utils._rebuild_parameter', [rebuilt, false, odict()]) : rebuilt;
}

function module(className: string, attrs: [string, Py][], params: [string, Tensor][] = [], buffers: [string, Tensor][] = [], modules: [string, Call][] = []): Call {
  const state = new Map<string, Py>([
    ['training', false],
    ['_parameters', odict(params.map(([k, t]) => [k, tensor(t)]))],
    ['_buffers', odict(buffers.map(([k, t]) => [k, tensor(t, false)]))],
    ['_modules', odict(modules)],
    ...attrs,
  ]);
  return new Call('torch_utils.persistence._reconstruct_persistent_obj', [new Map<string, Py>([['type', 'class'], ['version', 6], ['module_src', ''], ['class_name', className], ['state', state]])]);
}

const dense = (d: DenseSpec): Call => module('FullyConnectedLayer', [['activation', d.activation], ['weight_gain', new Float(d.weightGain)], ['bias_gain', d.biasGain]], [['weight', d.weight], ...(d.bias ? [['bias', d.bias] as [string, Tensor]] : [])]);

function layer(l: ModConvSpec, res: number, filter: Tensor): Call {
  const noise = l.noise ?? { shape: [res, res], data: new Float32Array(res * res) };
  return module('SynthesisLayer', [['resolution', res], ['up', l.up], ['use_noise', l.noise !== null], ['activation', 'lrelu'], ['conv_clamp', l.clamp], ['padding', 1], ['act_gain', new Float(l.actGain)]],
    [['weight', l.weight], ['noise_strength', { shape: [], data: new Float32Array([1]) }], ['bias', l.bias]], [['resample_filter', filter], ['noise_const', noise]], [['affine', dense(l.affine)]]);
}

const toRgb = (t: ToRgbSpec): Call => module('ToRGBLayer', [['conv_clamp', t.clamp], ['weight_gain', new Float(t.weightGain)]], [['weight', t.weight], ['bias', t.bias]], [], [['affine', dense(t.affine)]]);

/** The snapshot pickle {G, G_ema} of `spec` (G is the same network, as large as NVIDIA's). */
export function writeSnapshotPickle(spec: GeneratorSpec): Uint8Array {
  const h = spec.hyper;
  const blocks = spec.blocks.map((b): [string, Call] => [`b${b.resolution}`, module('SynthesisBlock',
    [['in_channels', b.inChannels], ['resolution', b.resolution], ['architecture', 'skip'], ['is_last', b.resolution === h.resolution]],
    b.constInput ? [['const', b.constInput]] : [], [['resample_filter', b.resampleFilter]],
    [...(b.conv0 ? [['conv0', layer(b.conv0, b.resolution, b.resampleFilter)] as [string, Call]] : []), ['conv1', layer(b.conv1, b.resolution, b.resampleFilter)], ['torgb', toRgb(b.torgb)]])]);
  const synthesis = module('SynthesisNetwork', [['block_resolutions', spec.blocks.map((b) => b.resolution)], ['num_ws', h.numWs], ['_init_kwargs', new Map<string, Py>([['num_fp16_res', 0]])]], [], [], blocks);
  const mapping = module('MappingNetwork', [['num_layers', h.mappingLayers], ['w_avg_beta', h.wAvgBeta]], [], [['w_avg', { shape: [h.wDim], data: spec.wAvg }]], spec.mapping.map((d, i): [string, Call] => [`fc${i}`, dense(d)]));
  const g = module('Generator', [['z_dim', h.zDim], ['c_dim', 0], ['w_dim', h.wDim], ['img_resolution', h.resolution], ['img_channels', 3], ['num_ws', h.numWs]], [], [], [['synthesis', synthesis], ['mapping', mapping]]);
  const w = new Writer();
  w.raw([0x80, 3]);
  w.write(new Map<string, Py>([['G', g], ['D', null], ['G_ema', g], ['augment_pipe', null]]));
  w.raw([0x2e]);
  return w.bytes();
}
