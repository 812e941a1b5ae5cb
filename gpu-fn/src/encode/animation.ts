/** Animated morphs, GIF and WebP: each distinct frame encoded once by sharp, then muxed. */
import type { Rgb8 } from '../engine/types.ts';
import { lzwEncode } from './gif-lzw.ts';
import { muxGif, type GifImage } from './gif-mux.ts';
import { sharpFromRgb8 } from './image.ts';
import { readIndexedPng } from './png8.ts';
import { muxAnimatedWebp, webpImageChunks } from './webp-mux.ts';

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
  if (!(fps > 0)) throw new RangeError(`fps must be positive, got ${fps}`);
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

/**
 * A looping GIF. Each distinct frame (frames that are the same object are encoded once) gets
 * its own 256-colour palette from libimagequant with full Floyd-Steinberg dithering, so skin
 * gradients do not band; frames are quantised in parallel and joined by `muxGif`. Quantising
 * through sharp's PNG palette writer and packing LZW here takes ~12 ms a 300 px frame where
 * sharp's GIF writer takes ~30 ms for the same quality.
 */
export async function encodeGif(frames: readonly Rgb8[], fps: number): Promise<Uint8Array> {
  const first = checkFrames(frames);
  const images = await Promise.all(distinct(frames, gifStill));
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

/** A looping animated WebP (lossy, quality 90), each distinct frame encoded once, in parallel. */
export async function encodeAnimatedWebp(frames: readonly Rgb8[], fps: number): Promise<Uint8Array> {
  const first = checkFrames(frames);
  const stills = await Promise.all(distinct(frames, webpStill));
  return muxAnimatedWebp(first.width, first.height, stills, frameDelays(frames.length, fps, 1), 0);
}

async function webpStill(frame: Rgb8): Promise<Uint8Array> {
  return webpImageChunks(await sharpFromRgb8(frame).webp({ quality: 90, effort: 2 }).toBuffer());
}

/** The first frame, after checking there is one and all share its size. */
function checkFrames(frames: readonly Rgb8[]): Rgb8 {
  const first = frames[0];
  if (!first) throw new RangeError('an animation needs at least one frame');
  if (frames.some((f) => f.width !== first.width || f.height !== first.height)) throw new RangeError('all frames must have the same size');
  return first;
}

/** Runs `encode` once per distinct frame object; returns the results in frame order. */
function distinct<T>(frames: readonly Rgb8[], encode: (f: Rgb8) => Promise<T>): Promise<T>[] {
  const once = new Map<Rgb8, Promise<T>>();
  return frames.map((f) => {
    let p = once.get(f);
    if (!p) once.set(f, (p = encode(f)));
    return p;
  });
}
