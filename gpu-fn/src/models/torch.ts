/**
 * The Python names a stylegan2-ada-pytorch snapshot refers to, re-implemented as plain data
 * builders: persistent modules, OrderedDict/EasyDict, torch tensors stored as legacy
 * `torch.save` bytes, numpy scalars. Names we do not know become inert `Opaque` values, so an
 * unusual snapshot still parses and only fails if the generator itself needs them.
 */
import { PickleError, unpickle, type PyGlobal } from './pickle.ts';

/** A float32 tensor, contiguous, row-major. */
export interface Tensor {
  shape: number[];
  data: Float32Array;
}

/** One `torch.nn.Module` saved by NVIDIA's `persistent_class`: its class name and attribute dict. */
export class PersistentModule {
  readonly className: string;
  readonly state: Map<string, unknown>;
  constructor(className: string, state: Map<string, unknown>) {
    this.className = className;
    this.state = state;
  }
}

/** A value built from a Python name we do not interpret; kept only for error messages. */
export class Opaque {
  state: unknown = undefined;
  readonly qualname: string;
  readonly args: unknown[];
  constructor(qualname: string, args: unknown[]) {
    this.qualname = qualname;
    this.args = args;
  }
  setState(state: unknown): void { this.state = state; }
}

interface Storage {
  elementType: string;
  data: Float32Array;
}

class NumpyDtype {
  readonly code: string;
  constructor(code: string) { this.code = code; }
  setState(): void { /* byte order and flags: numpy writes '<' (little-endian) for these scalars */ }
}

const LEGACY_MAGIC = 0x1950a86a20f9469cfc6cn;
const STORAGE_TYPES: Record<string, 'f2' | 'f4' | 'f8'> = { FloatStorage: 'f4', HalfStorage: 'f2', DoubleStorage: 'f8' };

function halfToFloat(h: number): number {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const f = h & 0x3ff;
  if (e === 0) return s * f * 2 ** -24;
  if (e === 31) return f ? NaN : s * Infinity;
  return s * (1 + f / 1024) * 2 ** (e - 15);
}

function toFloat32(raw: Uint8Array, type: 'f2' | 'f4' | 'f8', count: number): Float32Array {
  if (type === 'f4') return new Float32Array(raw.slice(0, 4 * count).buffer); // slice copies into an aligned buffer
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    out[i] = type === 'f8' ? view.getFloat64(8 * i, true) : halfToFloat(view.getUint16(2 * i, true));
  }
  return out;
}

/** Decodes one storage written by torch's legacy (non-zip) `torch.save`: five pickles, then raw data. */
export function loadLegacyStorage(bytes: Uint8Array): Storage {
  const storages = new Map<string, { type: 'f2' | 'f4' | 'f8'; name: string }>();
  const hooks = {
    findGlobal(module: string, name: string): PyGlobal {
      const type = module === 'torch' ? STORAGE_TYPES[name] : undefined;
      if (!type) throw new PickleError(`unsupported tensor storage ${module}.${name} (float32, float16 and float64 are supported)`);
      return { qualname: `${module}.${name}`, type } as PyGlobal;
    },
    persistentLoad(pid: unknown): unknown {
      if (!Array.isArray(pid) || pid[0] !== 'storage') throw new PickleError('corrupt tensor storage: unexpected persistent id');
      const g = pid[1] as PyGlobal & { type: 'f2' | 'f4' | 'f8' };
      storages.set(String(pid[2]), { type: g.type, name: g.qualname });
      return String(pid[2]);
    },
  };
  let pos = 0;
  const next = (): unknown => { const { value, end } = unpickle(bytes, hooks, pos); pos = end; return value; };
  const magic = next();
  if (typeof magic !== 'bigint' || magic !== LEGACY_MAGIC) throw new PickleError('corrupt tensor storage: missing torch.save magic number');
  const version = next();
  if (version !== 1001) throw new PickleError(`unsupported torch.save protocol ${String(version)}`);
  const sysInfo = next();
  if (!(sysInfo instanceof Map) || sysInfo.get('little_endian') !== true) throw new PickleError('unsupported tensor storage: not little-endian');
  const key = next();
  const keys = next();
  if (typeof key !== 'string' || !Array.isArray(keys) || keys.length !== 1 || keys[0] !== key) {
    throw new PickleError('unsupported tensor storage: expected exactly one storage per torch.save record');
  }
  const info = storages.get(key)!;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (pos + 8 > bytes.length) throw new PickleError('corrupt tensor storage: truncated');
  const count = Number(view.getBigInt64(pos, true));
  const size = { f2: 2, f4: 4, f8: 8 }[info.type];
  if (count < 0 || pos + 8 + count * size > bytes.length) throw new PickleError('corrupt tensor storage: truncated data');
  return { elementType: info.name, data: toFloat32(bytes.subarray(pos + 8, pos + 8 + count * size), info.type, count) };
}

function ints(x: unknown, what: string): number[] {
  if (!Array.isArray(x) || !x.every((v) => typeof v === 'number' && Number.isInteger(v))) throw new PickleError(`corrupt tensor: bad ${what}`);
  return x as number[];
}

function isContiguous(shape: number[], stride: number[]): boolean {
  let expected = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    if (shape[d] !== 1 && stride[d] !== expected) return false;
    expected *= shape[d]!;
  }
  return true;
}

/** torch._utils._rebuild_tensor_v2: a strided view of a storage, copied out contiguously. */
function rebuildTensor(args: unknown[]): Tensor {
  const storage = args[0] as Storage;
  if (!storage || !(storage.data instanceof Float32Array)) throw new PickleError('corrupt tensor: storage missing');
  const offset = Number(args[1]);
  const shape = ints(args[2], 'size');
  const stride = ints(args[3], 'stride');
  const count = shape.reduce((a, b) => a * b, 1);
  if (isContiguous(shape, stride) && offset + count <= storage.data.length) return { shape, data: storage.data.slice(offset, offset + count) };
  const data = new Float32Array(count);
  const idx = new Array<number>(shape.length).fill(0);
  for (let i = 0; i < count; i++) {
    let src = offset;
    for (let d = 0; d < shape.length; d++) src += idx[d]! * stride[d]!;
    if (src >= storage.data.length) throw new PickleError('corrupt tensor: view exceeds its storage');
    data[i] = storage.data[src]!;
    for (let d = shape.length - 1; d >= 0; d--) {
      if (++idx[d]! < shape[d]!) break;
      idx[d] = 0;
    }
  }
  return { shape, data };
}

function numpyScalar(args: unknown[]): number {
  const [dtype, raw] = args as [NumpyDtype, Uint8Array];
  if (!(dtype instanceof NumpyDtype) || !(raw instanceof Uint8Array)) throw new PickleError('corrupt numpy scalar');
  const v = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  switch (dtype.code) {
    case 'f8': return v.getFloat64(0, true);
    case 'f4': return v.getFloat32(0, true);
    case 'i8': return Number(v.getBigInt64(0, true));
    case 'i4': return v.getInt32(0, true);
    default: throw new PickleError(`unsupported numpy scalar type ${dtype.code}`);
  }
}

function dict(args: unknown[]): Map<unknown, unknown> {
  const m = new Map<unknown, unknown>();
  const items = args[0];
  if (Array.isArray(items)) for (const kv of items) if (Array.isArray(kv)) m.set(kv[0], kv[1]);
  return m;
}

const KNOWN: Record<string, (args: unknown[]) => unknown> = {
  'torch_utils.persistence._reconstruct_persistent_obj': (args) => {
    const meta = args[0];
    if (!(meta instanceof Map) || meta.get('type') !== 'class' || !(meta.get('state') instanceof Map)) {
      throw new PickleError('unsupported persistent object (expected a persistent class with its state)');
    }
    return new PersistentModule(String(meta.get('class_name')), meta.get('state') as Map<string, unknown>);
  },
  'collections.OrderedDict': dict,
  'dnnlib.util.EasyDict': dict,
  'torch._utils._rebuild_parameter': (args) => args[0],
  'torch._utils._rebuild_tensor_v2': rebuildTensor,
  'torch.storage._load_from_bytes': (args) => loadLegacyStorage(args[0] as Uint8Array),
  'numpy.core.multiarray.scalar': numpyScalar,
  'numpy._core.multiarray.scalar': numpyScalar,
  'numpy.dtype': (args) => new NumpyDtype(String(args[0])),
  // Protocol 2 writes bytes as _codecs.encode(latin-1 text, 'latin1').
  '_codecs.encode': (args) => Uint8Array.from(String(args[0]), (ch) => ch.charCodeAt(0) & 0xff),
};

/** Resolves a global named in a snapshot: a known builder, or an inert Opaque maker. */
export function snapshotGlobal(module: string, name: string): PyGlobal {
  const qualname = `${module}.${name}`;
  const fn = KNOWN[qualname];
  if (fn) return { qualname, call: fn, construct: fn };
  const opaque = (args: unknown[]): Opaque => new Opaque(qualname, args);
  return { qualname, call: opaque, construct: opaque };
}
