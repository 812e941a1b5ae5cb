/**
 * Encoder speed: a 50-frame 300 px morph as GIF, animated WebP and MP4, single stills as
 * JPEG/WebP/PNG at 300 and 1024 px, and the 1200 px link preview. Frames are synthetic
 * face-like pictures (bench/encode-frames.ts) so only encoding is timed.
 * Usage: `node bench/encode.ts [runs=5]` — prints the median of `runs` and the output size.
 */
import { encodeAnimatedWebp, encodeGif } from '../gpu-fn/src/encode/animation.ts';
import { encodeImage } from '../gpu-fn/src/encode/image.ts';
import { encodeLinkPreview, linkPreviewLayout } from '../gpu-fn/src/encode/linkpreview.ts';
import { encodeMp4 } from '../gpu-fn/src/encode/video.ts';
import type { Rgb8 } from '../gpu-fn/src/engine/types.ts';
import { faceLikeFrame, faceLikeMorph } from './encode-frames.ts';

const [runs = 5] = process.argv.slice(2).map(Number);

async function time(label: string, encode: () => Promise<Uint8Array | { body: Uint8Array }>): Promise<void> {
  await encode(); // warm up
  const ms: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const out = await encode();
    ms.push(performance.now() - start);
    bytes = out instanceof Uint8Array ? out.length : out.body.length;
  }
  ms.sort((a, b) => a - b);
  const median = ms[Math.floor(ms.length / 2)]!;
  console.log(`${label.padEnd(44)} ${median.toFixed(1).padStart(8)} ms  ${(bytes / 1024).toFixed(1).padStart(8)} KiB`);
}

const distinct = await faceLikeMorph(300, 50);
// What a trig render plan hands over: frame i > 25 is the very frame 50 - i (26 distinct).
const mirrored: Rgb8[] = distinct.map((f, i) => (i > 25 ? distinct[50 - i]! : f));

await time('gif   50 x 300 px, trig plan (26 distinct)', () => encodeGif(mirrored, 16));
await time('gif   50 x 300 px, 50 distinct frames', () => encodeGif(distinct, 16));
await time('webp  50 x 300 px animated', () => encodeAnimatedWebp(mirrored, 16));
await time('mp4   50 x 300 px, 2400 kbit/s', () => encodeMp4(mirrored, 16, 2400));
for (const size of [300, 1024]) {
  const still = await faceLikeFrame(size, 0.3);
  for (const format of ['jpg', 'webp', 'png'] as const) await time(`${format.padEnd(5)} ${size} px still`, () => encodeImage(still, format));
}
const l = linkPreviewLayout(1200);
const [a, b, mix] = await Promise.all([faceLikeFrame(l.faceSize, 0), faceLikeFrame(l.faceSize, 1), faceLikeFrame(l.mixSize, 0.5)]);
await time('linkpreview 1200 x 628 jpg (compose + encode)', () => encodeLinkPreview(a!, b!, mix!, 1200));

// End to end on the built-in model: plan the trig morph, render each distinct frame once, encode.
const { BuiltinEngine } = await import('../gpu-fn/src/engine/builtin.ts');
const { qlatentFromValue, lerp } = await import('../shared/latent/index.ts');
const { planMorph } = await import('../shared/morph.ts');
const engine = new BuiltinEngine();
async function renderMorph(n: number, size: number): Promise<Rgb8[]> {
  const plan = planMorph('trig', n);
  const from = qlatentFromValue('apple');
  const to = qlatentFromValue('banana');
  const z = new Float64Array(plan.renders.length * from.length);
  plan.renders.forEach((p, r) => z.set(lerp(from, to, p), r * from.length));
  const ws = await engine.map(z, plan.renders.length, { psi: 0.7, cutoff: 8 });
  const renders = await engine.synthesize(ws, plan.renders.length, size);
  return plan.frameToRender.map((r) => renders[r]!);
}
await time('render 26 distinct of 50 x 300 px (built-in)', async () => ({ body: (await renderMorph(50, 300))[0]!.data }));
await time('render + gif  50 x 300 px', async () => encodeGif(await renderMorph(50, 300), 16));
await time('render + mp4  50 x 300 px', async () => encodeMp4(await renderMorph(50, 300), 16, 2400));
