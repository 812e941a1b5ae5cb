/** Detector scores for chosen faces (`node bench/faces-diag.ts 5 9 10`), to see why a face is missed. */
import { faceapi, loadFaceApi, rgbTensor } from './lib/faceapi.ts';
import { rasterise, svgFor } from './lib/faces.ts';

await loadFaceApi();
const ssd = new faceapi.SsdMobilenetv1Options({ minConfidence: 0.2 });
const tiny = new faceapi.TinyFaceDetectorOptions({ inputSize: 224, scoreThreshold: 0.2 });
for (const i of process.argv.slice(2).map(Number)) {
  const rgb = await rasterise(svgFor(i, 300), 300);
  const x = rgbTensor(new Uint8Array(rgb.buffer, rgb.byteOffset, rgb.length), 300, 300) as { dispose(): void };
  const fmt = (d: { score: number; box: { x: number; y: number; width: number; height: number } }[]): string =>
    d.map((r) => `${r.score.toFixed(2)}@${Math.round(r.box.x)},${Math.round(r.box.y)},${Math.round(r.box.width)}x${Math.round(r.box.height)}`).join(' ');
  console.log(i, 'ssd', fmt(await faceapi.detectAllFaces(x, ssd)), '| tiny', fmt(await faceapi.detectAllFaces(x, tiny)));
  x.dispose();
}
