/**
 * face-api (detectors, 68-point landmarks, recognition) on the tfjs WASM backend: the one module
 * that loads it. gpu-fn uses it to find faces in uploaded photos; the benchmarks use it to judge
 * the built-in face model.
 */
import Module, { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

// face-api's node-wasm bundle requires the umbrella '@tensorflow/tfjs', which we do not install:
// it only needs tfjs-core ops (plus the wasm backend), so resolve the umbrella to tfjs-core.
type Resolve = (request: string, ...rest: unknown[]) => string;
const mod = Module as unknown as { _resolveFilename: Resolve };
const original = mod._resolveFilename;
mod._resolveFilename = function (request: string, ...rest: unknown[]): string {
  return original.call(this, request === '@tensorflow/tfjs' ? '@tensorflow/tfjs-core' : request, ...rest);
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bundle ships no usable types for require()
export const faceapi: any = require('@vladmandic/face-api/dist/face-api.node-wasm.js');

// The umbrella package also registers tfjs-core's chained tensor methods (x.as3D(), x.toFloat(), ...),
// which face-api calls: add them the same way, as calls to the functional ops.
{
  const tf = faceapi.tf;
  const proto = tf.Tensor.prototype;
  for (const name of Object.keys(tf)) {
    if (typeof tf[name] === 'function' && /^[a-z]/.test(name) && !(name in proto)) {
      proto[name] = function (this: unknown, ...args: unknown[]) { return tf[name](this, ...args); };
    }
  }
  const reshape = (shape: (t: { size: number }, a: number[]) => number[]) => function (this: { size: number }, ...a: number[]) { return tf.reshape(this, shape(this, a)); };
  Object.assign(proto, {
    as1D: reshape((t) => [t.size]), as2D: reshape((_, a) => a), as3D: reshape((_, a) => a), as4D: reshape((_, a) => a), as5D: reshape((_, a) => a),
    asScalar: reshape(() => []),
    asType(this: unknown, dtype: string) { return tf.cast(this, dtype); },
    toFloat(this: unknown) { return tf.cast(this, 'float32'); },
    toInt(this: unknown) { return tf.cast(this, 'int32'); },
    toBool(this: unknown) { return tf.cast(this, 'bool'); },
  });
}

const modelDir = path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');

export type NetName = 'ssdMobilenetv1' | 'tinyFaceDetector' | 'faceLandmark68Net' | 'faceRecognitionNet';

let backend: Promise<void> | undefined;
const loading = new Map<NetName, Promise<void>>();

/** Loads the WASM backend and the named nets from the package (each once per process). */
export async function loadNets(names: readonly NetName[]): Promise<void> {
  backend ??= (async () => {
    await faceapi.tf.setBackend('wasm');
    await faceapi.tf.ready();
  })();
  await backend;
  await Promise.all(names.map((name) => {
    let p = loading.get(name);
    if (!p) {
      p = faceapi.nets[name].loadFromDisk(modelDir) as Promise<void>;
      loading.set(name, p);
    }
    return p;
  }));
}

/** Loads everything the face benchmarks use. */
export function loadFaceApi(): Promise<void> {
  return loadNets(['ssdMobilenetv1', 'tinyFaceDetector', 'faceLandmark68Net', 'faceRecognitionNet']);
}

/** An RGB image (height x width x 3, uint8) as a tfjs tensor; the caller disposes it. */
export function rgbTensor(data: Uint8Array, width: number, height: number): unknown {
  return faceapi.tf.tensor3d(data, [height, width, 3], 'int32');
}
