/**
 * GIF container surgery: lifts the image out of single-frame GIFs (palette + LZW data) and
 * joins them into one looping animation. sharp encodes each distinct frame on its own, so
 * frames shown twice (a trig morph shows most frames twice) are quantised once, in parallel.
 */

/** One frame lifted from a GIF file: its palette and compressed pixels, ready to re-mux. */
export interface GifImage {
  left: number;
  top: number;
  width: number;
  height: number;
  interlaced: boolean;
  /** RGB triples; length is 3 * 2^k, k in 1..8. */
  palette: Uint8Array;
  /** LZW minimum code size byte followed by the data sub-blocks and their terminator. */
  lzw: Uint8Array;
}

/** Reads the first image of a GIF file (the only one sharp writes for a still). */
export function readFirstGifImage(gif: Uint8Array): GifImage {
  const sig = String.fromCharCode(...gif.subarray(0, 6));
  if (sig !== 'GIF89a' && sig !== 'GIF87a') throw new Error('not a GIF');
  const lsdFlags = gif[10]!;
  let pos = 13;
  let globalPalette: Uint8Array | undefined;
  if (lsdFlags & 0x80) {
    const size = 3 * (1 << ((lsdFlags & 7) + 1));
    globalPalette = gif.subarray(pos, pos + size);
    pos += size;
  }
  while (pos < gif.length) {
    const block = gif[pos]!;
    if (block === 0x21) {
      pos = skipSubBlocks(gif, pos + 2); // extension: introducer, label, sub-blocks
    } else if (block === 0x2c) {
      const u16 = (o: number) => gif[pos + o]! | (gif[pos + o + 1]! << 8);
      const flags = gif[pos + 9]!;
      const image = { left: u16(1), top: u16(3), width: u16(5), height: u16(7), interlaced: (flags & 0x40) !== 0 };
      pos += 10;
      let palette = globalPalette;
      if (flags & 0x80) {
        const size = 3 * (1 << ((flags & 7) + 1));
        palette = gif.subarray(pos, pos + size);
        pos += size;
      }
      if (!palette) throw new Error('GIF image without a palette');
      const end = skipSubBlocks(gif, pos + 1);
      return { ...image, palette, lzw: gif.subarray(pos, end) };
    } else {
      break;
    }
  }
  throw new Error('GIF without an image');
}

/** Returns the position after a chain of data sub-blocks starting at `pos`. */
function skipSubBlocks(gif: Uint8Array, pos: number): number {
  while (pos < gif.length) {
    const len = gif[pos]!;
    pos += 1 + len;
    if (len === 0) return pos;
  }
  throw new Error('truncated GIF');
}

/** Joins images into a GIF89a that loops `loop` times (0 = forever), frame i shown `delaysCs[i]` centiseconds. */
export function muxGif(width: number, height: number, images: readonly GifImage[], delaysCs: readonly number[], loop = 0): Uint8Array {
  const parts: Uint8Array[] = [];
  const header = new Uint8Array(13);
  header.set([...'GIF89a'].map((c) => c.charCodeAt(0)));
  le16(header, 6, width);
  le16(header, 8, height);
  header[10] = 0x70; // no global palette: every frame brings its own
  parts.push(header);
  // NETSCAPE2.0 application extension: the loop count.
  const netscape = new Uint8Array([0x21, 0xff, 0x0b, ...[...'NETSCAPE2.0'].map((c) => c.charCodeAt(0)), 3, 1, 0, 0, 0]);
  le16(netscape, 16, loop);
  parts.push(netscape);
  images.forEach((img, i) => {
    const gce = new Uint8Array([0x21, 0xf9, 4, 0x04, 0, 0, 0, 0]); // disposal 1: keep, no transparency
    le16(gce, 4, delaysCs[i] ?? 0);
    const desc = new Uint8Array(10);
    desc[0] = 0x2c;
    le16(desc, 1, img.left);
    le16(desc, 3, img.top);
    le16(desc, 5, img.width);
    le16(desc, 7, img.height);
    desc[9] = 0x80 | (img.interlaced ? 0x40 : 0) | (Math.log2(img.palette.length / 3) - 1);
    parts.push(gce, desc, img.palette, img.lzw);
  });
  parts.push(new Uint8Array([0x3b]));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let pos = 0;
  for (const p of parts) {
    out.set(p, pos);
    pos += p.length;
  }
  return out;
}

function le16(buf: Uint8Array, pos: number, value: number): void {
  buf[pos] = value & 0xff;
  buf[pos + 1] = (value >> 8) & 0xff;
}
