/** Animated morphs: GIF (per-frame palettes, muxed here) and WebP (one tall raw strip cut by `pageHeight`). */
import sharp from 'sharp';
import type { Sharp } from 'sharp';
import type { Rgb8 } from '../engine/types.ts';
import { lzwEncode } from './gif-lzw.ts';
import { muxGif, type GifImage } from './gif-mux.ts';
import { sharpFromRgb8 } from './image.ts';
import { readIndexedPng } from './png8.ts';

/**
 * Browsers (Chromium, Firefox, Safari) play any frame shorter than 20 ms as 100 ms, so no frame
 * gets less: above 50 fps an animation plays slower than asked rather than 5-10x slower.
 */
export const MIN_FRAME_DELAY_MS = 20;

/**
 * Per-frame delays in ms for `count` frames at `fps`, in units of `tickMs` (10 for GIF, whose
 * delays are centiseconds; 1 for WebP). Frame i starts at round(i * 1000 / fps) ticks, so the
 * delays alternate (16 fps GIF: 60, 60, 70, 60, ...) and the loop lasts count / fps seconds
 * to the nearest tick, where a constant rounded delay would drift (16 fps: 60 ms, 4% fast).
 */
export function frameDelays(count: number, fps: number, tickMs: number): number[] {
  const ticksPerSecond = 1000 / tickMs;
  const start = (i: number) => Math.round((i * ticksPerSecond) / fps) * tickMs;
  const delays: number[] = [];
  for (let i = 0; i < count; i++) delays.push(Math.max(MIN_FRAME_DELAY_MS, start(i + 1) - start(i)));
  return delays;
}

/** Total play time of one loop in ms, as browsers will play it. */
export function loopDurationMs(delays: readonly number[]): number {
  return delays.reduce((a, b) => a + b, 0);
}

/** Stacks equally sized frames top to bottom into one raw image, sharp's animation layout. */
function strip(frames: readonly Rgb8[]): Sharp {
  const first = frames[0];
  if (!first) throw new RangeError('an animation needs at least one frame');
  const { width, height } = first;
  const frameBytes = width * height * 3;
  const data = Buffer.allocUnsafe(frameBytes * frames.length);
  frames.forEach((f, i) => {
    if (f.width !== width || f.height !== height) throw new RangeError('all frames must have the same size');
    data.set(f.data.subarray(0, frameBytes), i * frameBytes);
  });
  return sharp(data, { raw: { width, height: height * frames.length, channels: 3, pageHeight: height } });
}

/**
 * A looping GIF. Each distinct frame (frames that are the same object are encoded once) gets
 * its own 256-colour palette from libimagequant with full Floyd-Steinberg dithering, so skin
 * gradients do not band; frames are quantised in parallel and joined by `muxGif`. Quantising
 * through sharp's PNG palette writer and packing LZW here takes ~12 ms a 300 px frame where
 * sharp's GIF writer takes ~30 ms for the same quality.
 */
export async function encodeGif(frames: readonly Rgb8[], fps: number): Promise<Uint8Array> {
  const first = frames[0];
  if (!first) throw new RangeError('an animation needs at least one frame');
  const encoded = new Map<Rgb8, Promise<GifImage>>();
  for (const f of frames) {
    if (f.width !== first.width || f.height !== first.height) throw new RangeError('all frames must have the same size');
    if (!encoded.has(f)) encoded.set(f, gifStill(f));
  }
  const images = await Promise.all(frames.map((f) => encoded.get(f)!));
  const delaysCs = frameDelays(frames.length, fps, 10).map((ms) => ms / 10);
  return muxGif(first.width, first.height, images, delaysCs, 0);
}

/** Quantises one frame (256 colours, dithered) and packs it as GIF image data. */
async function gifStill(frame: Rgb8): Promise<GifImage> {
  // compressionLevel 0: the PNG is only a carrier for palette + indices, unpacked right away
  const png = await sharpFromRgb8(frame).png({ palette: true, colours: 256, dither: 1, effort: 1, compressionLevel: 0 }).toBuffer();
  const img = readIndexedPng(png);
  const bits = Math.max(1, Math.ceil(Math.log2(img.palette.length / 3)));
  const palette = new Uint8Array(3 << bits); // GIF palettes have 2^k entries
  palette.set(img.palette);
  return { left: 0, top: 0, width: img.width, height: img.height, interlaced: false, palette, lzw: lzwEncode(img.indices, Math.max(2, bits)) };
}

/** A looping animated WebP (lossy, quality 90). */
export async function encodeAnimatedWebp(frames: readonly Rgb8[], fps: number): Promise<Uint8Array> {
  const delay = frameDelays(frames.length, fps, 1);
  const out = await strip(frames).webp({ loop: 0, delay, quality: 90, effort: 2 }).toBuffer();
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}
