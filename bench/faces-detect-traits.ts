/** Which traits go with missed detections: correlation of each trait with the tiny detector's best score. `node bench/faces-detect-traits.ts [n=300]` */
import { TRAIT_NAMES, traitsFromWs } from '../shared/face/traits.ts';
import { faceapi, loadFaceApi, rgbTensor } from './lib/faceapi.ts';
import { rasterise, svgFor, wsFor } from './lib/faces.ts';

const n = Number(process.argv[2] ?? 300);
await loadFaceApi();
const tiny = new faceapi.TinyFaceDetectorOptions({ inputSize: 224, scoreThreshold: 0.05 });
const scores: number[] = [];
for (let i = 0; i < n; i++) {
  const rgb = await rasterise(svgFor(i, 300), 300);
  const x = rgbTensor(new Uint8Array(rgb.buffer, rgb.byteOffset, rgb.length), 300, 300) as { dispose(): void };
  const d: { score: number }[] = await faceapi.detectAllFaces(x, tiny);
  x.dispose();
  scores.push(Math.max(0, ...d.map((r) => r.score)));
}
const traits = Array.from({ length: n }, (_, i) => traitsFromWs(wsFor(i)));
const corr = (a: number[], b: number[]): number => {
  const ma = a.reduce((s, v) => s + v, 0) / a.length, mb = b.reduce((s, v) => s + v, 0) / b.length;
  let sab = 0, saa = 0, sbb = 0;
  for (let k = 0; k < a.length; k++) { sab += (a[k]! - ma) * (b[k]! - mb); saa += (a[k]! - ma) ** 2; sbb += (b[k]! - mb) ** 2; }
  return sab / Math.sqrt(saa * sbb);
};
const rows = TRAIT_NAMES.map((name) => {
  const v = traits.map((t) => t[name]);
  return [name, corr(v, scores), corr(v.map(Math.abs), scores)] as const;
});
rows.sort((a, b) => Math.max(Math.abs(b[1]), Math.abs(b[2])) - Math.max(Math.abs(a[1]), Math.abs(a[2])));
for (const [name, c, ca] of rows.slice(0, 20)) console.log(`${name.padEnd(12)} r=${c.toFixed(2)} r(|t|)=${ca.toFixed(2)}`);
