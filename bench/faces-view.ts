/** A strip of chosen faces at 300 px, for looking closely: `node bench/faces-view.ts out.png 0 1 2`. */
import sharp from 'sharp';
import { svgFor } from './lib/faces.ts';
const ids = process.argv.slice(3).map(Number);
const size = 300;
const tiles = await Promise.all(ids.map(async (i, k) => ({ input: await sharp(Buffer.from(svgFor(i, size))).png().toBuffer(), left: k * size, top: 0 })));
await sharp({ create: { width: ids.length * size, height: size, channels: 3, background: '#fff' } }).composite(tiles).png().toFile(process.argv[2]!);
