/**
 * The animated WebP container (RIFF: VP8X, ANIM, one ANMF per frame) around separately encoded
 * still frames, so each distinct frame is encoded once and no tall strip of every frame is held
 * in memory (200 frames of 1024 px would be 600 MB).
 */

import { concat } from './bytes.ts';

/** The image chunks (`VP8 `, or `ALPH` + `VP8 `, or `VP8L`) of a still WebP file, as they appear. */
export function webpImageChunks(webp: Uint8Array): Uint8Array {
  const view = new DataView(webp.buffer, webp.byteOffset, webp.byteLength);
  if (fourCC(webp, 0) !== 'RIFF' || fourCC(webp, 8) !== 'WEBP') throw new Error('not a WebP file');
  const keep: Uint8Array[] = [];
  for (let pos = 12; pos + 8 <= webp.length; ) {
    const size = view.getUint32(pos + 4, true);
    const end = pos + 8 + size + (size & 1);
    if (['ALPH', 'VP8 ', 'VP8L'].includes(fourCC(webp, pos))) keep.push(webp.subarray(pos, end));
    pos = end;
  }
  if (keep.length === 0) throw new Error('WebP without an image');
  return concat(keep);
}

/** Joins still frames into an animated WebP looping `loop` times (0 = forever), frame i shown `delaysMs[i]`. */
export function muxAnimatedWebp(width: number, height: number, frames: readonly Uint8Array[], delaysMs: readonly number[], loop = 0): Uint8Array {
  const hasAlpha = frames.some((f) => fourCC(f, 0) === 'ALPH' || (fourCC(f, 0) === 'VP8L' && (f[8 + 4]! & 0x10) !== 0));
  const vp8x = new Uint8Array(10);
  vp8x[0] = 0x02 | (hasAlpha ? 0x10 : 0); // animation (and alpha) flags
  u24(vp8x, 4, width - 1);
  u24(vp8x, 7, height - 1);
  const anim = new Uint8Array(6);
  anim.set([255, 255, 255, 255]); // background: opaque white (BGRA), shown before the first frame
  anim[4] = loop & 0xff;
  anim[5] = (loop >> 8) & 0xff;
  const chunks = [chunk('VP8X', vp8x), chunk('ANIM', anim)];
  frames.forEach((image, i) => {
    const header = new Uint8Array(16); // frame at (0, 0), full size
    u24(header, 6, width - 1);
    u24(header, 9, height - 1);
    u24(header, 12, delaysMs[i] ?? 0);
    header[15] = 0x02; // no blending with the previous frame, no disposal
    chunks.push(chunk('ANMF', concat([header, image])));
  });
  const body = concat(chunks);
  const riff = new Uint8Array(12);
  riff.set(ascii('RIFF'));
  new DataView(riff.buffer).setUint32(4, 4 + body.length, true);
  riff.set(ascii('WEBP'), 8);
  return concat([riff, body]);
}

function chunk(type: string, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + payload.length + (payload.length & 1));
  out.set(ascii(type));
  new DataView(out.buffer).setUint32(4, payload.length, true);
  out.set(payload, 8);
  return out;
}

function fourCC(buf: Uint8Array, pos: number): string {
  return String.fromCharCode(...buf.subarray(pos, pos + 4));
}

function ascii(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

function u24(buf: Uint8Array, pos: number, value: number): void {
  buf[pos] = value & 0xff;
  buf[pos + 1] = (value >> 8) & 0xff;
  buf[pos + 2] = (value >> 16) & 0xff;
}

