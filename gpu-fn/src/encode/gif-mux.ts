/**
 * The GIF container: joins separately compressed frames (palette + LZW data) into one looping
 * animation. Each distinct frame is quantised on its own, so frames shown twice (a trig morph
 * shows most frames twice) are quantised once, and in parallel.
 */

import { concat } from './bytes.ts';

/** One compressed frame: its palette and LZW data, ready to mux. */
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
  return concat(parts);
}

function le16(buf: Uint8Array, pos: number, value: number): void {
  buf[pos] = value & 0xff;
  buf[pos + 1] = (value >> 8) & 0xff;
}
