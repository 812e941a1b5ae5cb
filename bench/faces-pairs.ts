/** The closest and farthest pairs among N faces by face-api descriptor: `node bench/faces-pairs.ts [n=120]`. */
import { faceapi, loadFaceApi, rgbTensor } from './lib/faceapi.ts';
import { rasterise, svgFor } from './lib/faces.ts';

const n = Number(process.argv[2] ?? 120);
await loadFaceApi();
const ssd = new faceapi.SsdMobilenetv1Options({ minConfidence: 0.5 });
const desc: { i: number; d: Float32Array }[] = [];
for (let i = 0; i < n; i++) {
  const rgb = await rasterise(svgFor(i, 300), 300);
  const x = rgbTensor(new Uint8Array(rgb.buffer, rgb.byteOffset, rgb.length), 300, 300) as { dispose(): void };
  const r = await faceapi.detectSingleFace(x, ssd).withFaceLandmarks().withFaceDescriptor();
  x.dispose();
  if (r) desc.push({ i, d: r.descriptor });
}
const pairs: [number, number, number][] = [];
for (let a = 0; a < desc.length; a++) {
  for (let b = a + 1; b < desc.length; b++) {
    const da = desc[a]!.d, db = desc[b]!.d;
    pairs.push([desc[a]!.i, desc[b]!.i, Math.sqrt(da.reduce((s, v, k) => s + (v - db[k]!) ** 2, 0))]);
  }
}
pairs.sort((p, q) => p[2] - q[2]);
const show = (p: [number, number, number]): string => `${p[0]}-${p[1]}:${p[2].toFixed(3)}`;
console.log('closest', pairs.slice(0, 12).map(show).join(' '));
console.log('farthest', pairs.slice(-8).map(show).join(' '));
