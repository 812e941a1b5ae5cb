/** face-api (SSD, tiny detector, landmarks, recognition) on the tfjs WASM backend in Node, for face benchmarks. */
import Module, { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
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

const modelDir = path.join(path.dirname(fileURLToPath(import.meta.resolve('@vladmandic/face-api/package.json'))), 'model');

/** Loads the WASM backend and the detector, landmark and recognition nets from the package. */
export async function loadFaceApi(): Promise<void> {
  await faceapi.tf.setBackend('wasm');
  await faceapi.tf.ready();
  const nets = faceapi.nets;
  await nets.ssdMobilenetv1.loadFromDisk(modelDir);
  await nets.tinyFaceDetector.loadFromDisk(modelDir);
  await nets.faceLandmark68Net.loadFromDisk(modelDir);
  await nets.faceRecognitionNet.loadFromDisk(modelDir);
}

/** An RGB image (height x width x 3, uint8) as a tfjs tensor. */
export function rgbTensor(data: Uint8Array, width: number, height: number): unknown {
  return faceapi.tf.tensor3d(data, [height, width, 3], 'int32');
}
