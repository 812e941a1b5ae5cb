import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { encodeGif } from '../../gpu-fn/src/encode/animation.ts';
import type { Rgb8 } from '../../gpu-fn/src/engine/types.ts';
import { readIndexedPng } from '../../gpu-fn/src/encode/png8.ts';
import { pixelError } from './encode-fixtures.ts';

/** A frame of pseudo-random pixels drawn from `colours` distinct colours (a fixed LCG). */
function noise(width: number, height: number, colours: number): Rgb8 {
  const data = new Uint8Array(width * height * 3);
  let state = 12345;
  for (let i = 0; i < width * height; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const c = (state >>> 16) % colours;
    data.set([(c * 37) % 256, (c * 91) % 256, (c * 53 + 7) % 256], i * 3);
  }
  return { width, height, data };
}

async function firstPage(gif: Uint8Array): Promise<Uint8Array> {
  const { data, info } = await sharp(gif).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  expect(info.channels).toBe(3);
  return new Uint8Array(data);
}

// Frames with at most 256 colours survive quantisation up to libimagequant's rounding of palette
// entries (1 level), so they check the PNG unpacking, the LZW packing (incl. dictionary resets on
// incompressible noise) and the palette sizes: any packing slip shows as large errors.
describe('GIF frame packing', () => {
  it.each([2, 3, 5, 16, 17, 200, 256])('round-trips noise of %i colours', async (colours) => {
    const frame = noise(97, 61, colours);
    expect(pixelError(await firstPage(await encodeGif([frame], 10)), frame.data).max).toBeLessThanOrEqual(1);
  });

  it('round-trips a large noisy frame (many LZW dictionary resets)', async () => {
    const frame = noise(300, 300, 256);
    expect(pixelError(await firstPage(await encodeGif([frame], 10)), frame.data).max).toBeLessThanOrEqual(1);
  });

  it('round-trips a solid frame (one-colour palette)', async () => {
    const frame = noise(10, 10, 1);
    expect(pixelError(await firstPage(await encodeGif([frame], 10)), frame.data).max).toBeLessThanOrEqual(1);
  });
});

describe('readIndexedPng', () => {
  /** A valid PNG file from chunks, with CRCs. */
  function pngFile(chunks: [string, Uint8Array][]): Uint8Array {
    const parts: Buffer[] = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])];
    for (const [type, data] of chunks) {
      const head = Buffer.alloc(8);
      head.writeUInt32BE(data.length, 0);
      head.write(type, 4, 'latin1');
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
      parts.push(head, Buffer.from(data), crc);
    }
    return new Uint8Array(Buffer.concat(parts));
  }

  it.each([1, 2, 4, 8])('unpacks bit depth %i with every row filter, as sharp decodes it', async (depth) => {
    const width = 7;
    const height = 5;
    const colours = 1 << Math.min(depth, 3);
    const indices = Uint8Array.from({ length: width * height }, (_, i) => (i * 5 + (i >> 3)) % colours);
    const palette = Uint8Array.from({ length: colours * 3 }, (_, i) => (i * 67 + 11) % 256);
    // pack rows, then apply filter y % 5 (none, sub, up, average, paeth) with one-byte units
    const stride = Math.ceil((width * depth) / 8);
    const rows = new Uint8Array(stride * height);
    indices.forEach((v, i) => {
      const x = i % width;
      const y = Math.floor(i / width);
      rows[y * stride + Math.floor((x * depth) / 8)]! |= v << (8 - depth - ((x * depth) % 8));
    });
    const filtered = new Uint8Array((stride + 1) * height);
    for (let y = 0; y < height; y++) {
      const f = y % 5;
      filtered[y * (stride + 1)] = f;
      for (let x = 0; x < stride; x++) {
        const cur = rows[y * stride + x]!;
        const a = x > 0 ? rows[y * stride + x - 1]! : 0;
        const b = y > 0 ? rows[(y - 1) * stride + x]! : 0;
        const c = x > 0 && y > 0 ? rows[(y - 1) * stride + x - 1]! : 0;
        const p = a + b - c;
        const pred = [0, a, b, (a + b) >> 1, Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c][f]!;
        filtered[y * (stride + 1) + 1 + x] = (cur - pred) & 0xff;
      }
    }
    const ihdr = new Uint8Array(13);
    new DataView(ihdr.buffer).setUint32(0, width);
    new DataView(ihdr.buffer).setUint32(4, height);
    ihdr.set([depth, 3, 0, 0, 0], 8);
    const png = pngFile([['IHDR', ihdr], ['PLTE', palette], ['IDAT', deflateSync(filtered)], ['IEND', new Uint8Array(0)]]);

    const img = readIndexedPng(png);
    expect([img.width, img.height]).toEqual([width, height]);
    expect(Array.from(img.indices)).toEqual(Array.from(indices));
    const rgb = await sharp(png).removeAlpha().raw().toBuffer();
    const expected = Uint8Array.from(Array.from(img.indices).flatMap((i) => Array.from(img.palette.subarray(i * 3, i * 3 + 3))));
    expect(Array.from(rgb)).toEqual(Array.from(expected));
  });
});
