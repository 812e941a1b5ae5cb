/** Scratch probe: what costs time when sharp rasterises a face SVG. */
import sharp from 'sharp';
import { rasterise, svgFor } from './lib/faces.ts';
const base = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300" viewBox="0 0 100 100"><rect width="100" height="100" fill="#888"/></svg>`;
async function time(label: string, f: () => Promise<unknown>, n = 40) {
  for (let i = 0; i < 3; i++) await f();
  const t = performance.now();
  for (let i = 0; i < n; i++) await f();
  console.log(label, ((performance.now() - t) / n).toFixed(2), 'ms');
}
await time('trivial', () => rasterise(base, 300));
await time('trivial noresize', () => sharp(Buffer.from(base)).removeAlpha().raw().toBuffer());
await time('trivial raw only', () => sharp(Buffer.from(base)).raw().toBuffer());
const s = svgFor(3, 300);
await time('face', () => rasterise(s, 300));
await time('face noresize', () => sharp(Buffer.from(s)).removeAlpha().raw().toBuffer());
sharp.concurrency(1);
await time('face conc1', () => sharp(Buffer.from(s)).removeAlpha().raw().toBuffer());
await time('trivial conc1', () => sharp(Buffer.from(base)).removeAlpha().raw().toBuffer());
