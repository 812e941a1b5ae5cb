/** Contact sheet of 64 random faces (8 x 8) for docs/: `node bench/faces-sheet.ts [out] [first]`. */
import sharp from 'sharp';
import { svgFor } from './lib/faces.ts';

const out = process.argv[2] ?? 'docs/faces-contact-sheet.jpg';
const first = Number(process.argv[3] ?? 0);
const cell = 160, cols = 8;
const tiles = await Promise.all(
  Array.from({ length: 64 }, async (_, k) => ({
    input: await sharp(Buffer.from(svgFor(first + k, cell))).png().toBuffer(),
    left: (k % cols) * cell,
    top: Math.floor(k / cols) * cell,
  })),
);
await sharp({ create: { width: cols * cell, height: cols * cell, channels: 3, background: '#ffffff' } })
  .composite(tiles)
  .jpeg({ quality: 85 })
  .toFile(out);
console.log(`wrote ${out}`);
