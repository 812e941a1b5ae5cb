/**
 * Built-in face model benchmark: face-api detection rate (SSD MobileNet v1 and the tiny face
 * detector), distinctness of face descriptors, and rasterisation speed, all on random faces as
 * served (z ~ N(0,1), mapped, truncated psi 0.7 on the first 8 ws entries, 300 px).
 * Usage: `node bench/faces.ts [detectN=500] [distinctN=1000] [speedN=200]`.
 */
import { faceapi, loadFaceApi, rgbTensor } from './lib/faceapi.ts';
import { rasterise, svgFor } from './lib/faces.ts';
import { pairwiseStats } from './lib/face-stats.ts';

const [detectN = 500, distinctN = 1000, speedN = 200] = process.argv.slice(2).map(Number);
const SIZE = 300;

await loadFaceApi();
const ssd = new faceapi.SsdMobilenetv1Options({ minConfidence: 0.5 });
const tiny = new faceapi.TinyFaceDetectorOptions({ inputSize: 224, scoreThreshold: 0.5 });

async function withTensor<T>(i: number, f: (x: unknown) => Promise<T>): Promise<T> {
  const rgb = await rasterise(svgFor(i, SIZE), SIZE);
  const x = rgbTensor(new Uint8Array(rgb.buffer, rgb.byteOffset, rgb.length), SIZE, SIZE) as { dispose(): void };
  try {
    return await f(x);
  } finally {
    x.dispose();
  }
}

if (detectN > 0) {
  let ssdOne = 0, tinyOne = 0;
  const misses: number[] = [];
  for (let i = 0; i < detectN; i++) {
    const [a, b] = await withTensor(i, async (x) => [
      (await faceapi.detectAllFaces(x, ssd)).length as number,
      (await faceapi.detectAllFaces(x, tiny)).length as number,
    ]);
    if (a === 1) ssdOne++;
    if (b === 1) tinyOne++;
    if (a !== 1 || b !== 1) misses.push(i);
  }
  console.log(`detection over ${detectN} faces at ${SIZE}px: SSD exactly one ${(100 * ssdOne / detectN).toFixed(1)}%, tiny exactly one ${(100 * tinyOne / detectN).toFixed(1)}%`);
  console.log(`  faces missed by either: ${misses.slice(0, 30).join(' ')}${misses.length > 30 ? ' ...' : ''}`);
}

if (distinctN > 0) {
  const descriptors: Float32Array[] = [];
  for (let i = 0; i < distinctN; i++) {
    const r = await withTensor(i, (x): Promise<{ descriptor: Float32Array } | undefined> => faceapi.detectSingleFace(x, ssd).withFaceLandmarks().withFaceDescriptor());
    if (r) descriptors.push(r.descriptor);
  }
  const s = pairwiseStats(descriptors);
  console.log(`distinctness over ${descriptors.length} described faces (of ${distinctN}), ${s.pairs} pairs: ` +
    `min ${s.min.toFixed(3)}, 1st percentile ${s.p1.toFixed(3)}, 5th percentile ${s.p5.toFixed(3)}, median ${s.median.toFixed(3)}, below 0.4 ${(100 * s.below04).toFixed(2)}%`);
}

if (speedN > 0) {
  for (const size of [300, 1024]) {
    const n = size === 300 ? speedN : Math.max(10, Math.floor(speedN / 4));
    let svgMs = 0, bytes = 0;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      const a = performance.now();
      const svg = svgFor(10_000 + i, size);
      svgMs += performance.now() - a;
      bytes += svg.length;
      await rasterise(svg, size);
    }
    const total = performance.now() - t0;
    console.log(`speed at ${size}px over ${n} faces: ${(total / n).toFixed(2)} ms per face (SVG ${(svgMs / n).toFixed(2)} ms, rasterise ${((total - svgMs) / n).toFixed(2)} ms), SVG ${Math.round(bytes / n)} bytes`);
  }
}
