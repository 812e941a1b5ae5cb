/**
 * Which traits move face-api's descriptor: for a few random base faces, each trait is set to
 * -0.9 and +0.9 and the descriptor distance between the two is printed, largest first.
 * Usage: `node bench/faces-sensitivity.ts [bases=2] [trait ...]`.
 */
import { faceSvg } from '../shared/face/index.ts';
import { TRAIT_NAMES, setTrait } from '../shared/face/traits.ts';
import { faceapi, loadFaceApi, rgbTensor } from './lib/faceapi.ts';
import { rasterise, wsFor } from './lib/faces.ts';

const bases = Number(process.argv[2] ?? 2);
const only = process.argv.slice(3);
await loadFaceApi();
const ssd = new faceapi.SsdMobilenetv1Options({ minConfidence: 0.3 });

async function describe(ws: Float32Array): Promise<Float32Array | undefined> {
  const rgb = await rasterise(faceSvg(ws, { size: 300 }), 300);
  const x = rgbTensor(new Uint8Array(rgb.buffer, rgb.byteOffset, rgb.length), 300, 300) as { dispose(): void };
  const r = await faceapi.detectSingleFace(x, ssd).withFaceLandmarks().withFaceDescriptor();
  x.dispose();
  return r?.descriptor;
}

const dist = (a: Float32Array, b: Float32Array): number => Math.sqrt(a.reduce((s, v, k) => s + (v - b[k]!) ** 2, 0));
const rows: [string, number][] = [];
for (const name of TRAIT_NAMES.filter((x) => only.length === 0 || only.includes(x))) {
  let sum = 0, n = 0;
  for (let b = 0; b < bases; b++) {
    const lo = wsFor(500 + b), hi = wsFor(500 + b);
    setTrait(lo, name, -0.9);
    setTrait(hi, name, 0.9);
    const [da, db] = [await describe(lo), await describe(hi)];
    if (da && db) { sum += dist(da, db); n++; }
  }
  rows.push([name, n ? sum / n : NaN]);
}
rows.sort((a, b) => b[1] - a[1]);
for (const [name, d] of rows) console.log(`${name.padEnd(12)} ${d.toFixed(3)}`);
