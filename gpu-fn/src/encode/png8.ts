/**
 * Reads the palette and pixel indices out of an indexed PNG. sharp's PNG palette quantiser
 * (libimagequant, dithered) is about twice as fast as its GIF writer for the same quality, so
 * GIF frames are quantised as PNG and re-packed as GIF data here.
 */
import { inflateSync } from 'node:zlib';

/** A palette image: RGB palette triples and one palette index per pixel, rows top to bottom. */
export interface IndexedImage {
  width: number;
  height: number;
  palette: Uint8Array;
  indices: Uint8Array;
}

/** Decodes an 8-bit-or-less, non-interlaced, colour type 3 (palette) PNG. */
export function readIndexedPng(png: Uint8Array): IndexedImage {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let pos = 8; // after the signature
  let width = 0;
  let height = 0;
  let bitDepth = 8;
  let palette: Uint8Array | undefined;
  const idat: Uint8Array[] = [];
  while (pos + 8 <= png.length) {
    const length = view.getUint32(pos);
    const type = String.fromCharCode(...png.subarray(pos + 4, pos + 8));
    const data = png.subarray(pos + 8, pos + 8 + length);
    if (type === 'IHDR') {
      width = view.getUint32(pos + 8);
      height = view.getUint32(pos + 12);
      bitDepth = data[8]!;
      if (data[9] !== 3 || data[12] !== 0) throw new Error('expected a non-interlaced palette PNG');
    } else if (type === 'PLTE') {
      palette = data;
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
    pos += 12 + length;
  }
  if (!palette || width === 0) throw new Error('PNG without a header or palette');
  const raw = inflateSync(Buffer.concat(idat));
  return { width, height, palette, indices: unfilter(raw, width, height, bitDepth) };
}

/** Undoes PNG row filters (one byte per filter unit for palette images) and unpacks sub-byte depths. */
function unfilter(raw: Uint8Array, width: number, height: number, bitDepth: number): Uint8Array {
  const stride = Math.ceil((width * bitDepth) / 8);
  const rows = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    const dst = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x > 0 ? rows[dst + x - 1]! : 0;
      const b = y > 0 ? rows[dst - stride + x]! : 0;
      const c = x > 0 && y > 0 ? rows[dst - stride + x - 1]! : 0;
      const v = raw[src + x]!;
      rows[dst + x] = filter === 0 ? v : filter === 1 ? v + a : filter === 2 ? v + b : filter === 3 ? v + ((a + b) >> 1) : v + paeth(a, b, c);
    }
  }
  if (bitDepth === 8) return rows;
  const out = new Uint8Array(width * height);
  const perByte = 8 / bitDepth;
  const mask = (1 << bitDepth) - 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const byte = rows[y * stride + Math.floor(x / perByte)]!;
      out[y * width + x] = (byte >> (8 - bitDepth * ((x % perByte) + 1))) & mask;
    }
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}
