import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { encodeAnimatedWebp, encodeGif, frameDelays, loopDurationMs } from '../../gpu-fn/src/encode/animation.ts';
import type { Rgb8 } from '../../gpu-fn/src/engine/types.ts';
import { gradient, pixelError, probeVideo, solid, tempFile } from './encode-fixtures.ts';

const colours = [
  [230, 180, 150],
  [20, 40, 200],
  [250, 250, 20],
  [90, 10, 60],
] as const;

/** Decodes every page of an animation to raw RGB, one buffer per frame. */
async function pages(body: Uint8Array): Promise<Uint8Array[]> {
  const { data, info } = await sharp(body, { pages: -1 }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const pageHeight = info.pageHeight ?? info.height;
  const bytes = info.width * pageHeight * 3;
  const out: Uint8Array[] = [];
  for (let o = 0; o < data.length; o += bytes) out.push(new Uint8Array(data.subarray(o, o + bytes)));
  return out;
}

/** Averages of each k x k block of a square RGB image, rounded. */
function blockAverages(data: Uint8Array, side: number, k: number): Uint8Array {
  const n = side / k;
  const out = new Uint8Array(n * n * 3);
  for (let by = 0; by < n; by++) {
    for (let bx = 0; bx < n; bx++) {
      for (let c = 0; c < 3; c++) {
        let sum = 0;
        for (let y = 0; y < k; y++) for (let x = 0; x < k; x++) sum += data[((by * k + y) * side + bx * k + x) * 3 + c]!;
        out[(by * n + bx) * 3 + c] = Math.round(sum / (k * k));
      }
    }
  }
  return out;
}

describe('frameDelays', () => {
  it('keeps a 16 fps GIF loop at frames / fps to the centisecond', () => {
    const d = frameDelays(50, 16, 10);
    expect(new Set(d)).toEqual(new Set([60, 70]));
    expect(loopDurationMs(d)).toBe(3130); // 50 / 16 = 3.125 s, rounded to 313 cs
    expect(d.slice(0, 4)).toEqual([60, 70, 60, 60]);
  });

  it('gives WebP exact milliseconds', () => {
    expect(loopDurationMs(frameDelays(50, 16, 1))).toBe(3125);
    expect(frameDelays(3, 3, 1)).toEqual([333, 334, 333]);
  });

  it('never goes below the 20 ms browsers honour', () => {
    expect(frameDelays(4, 100, 10)).toEqual([20, 20, 20, 20]);
    expect(frameDelays(2, 1, 10)).toEqual([1000, 1000]);
  });
});

describe('encodeGif', () => {
  const frames = colours.map((c) => solid(16, 12, c));

  it('is a looping GIF with one page per frame and the right delays', async () => {
    const gif = await encodeGif(frames, 16);
    const meta = await sharp(gif).metadata();
    expect(meta.format).toBe('gif');
    expect([meta.width, meta.pageHeight ?? meta.height]).toEqual([16, 12]);
    expect(meta.pages).toBe(4);
    expect(meta.loop).toBe(0);
    expect(meta.delay).toEqual([60, 70, 60, 60]);
  });

  it('shows each frame in its own colours', async () => {
    const decoded = await pages(await encodeGif(frames, 10));
    expect(decoded).toHaveLength(4);
    decoded.forEach((page, i) => expect(pixelError(page, frames[i]!.data).max).toBeLessThanOrEqual(2));
  });

  it('encodes a frame shown twice once and shows it identically', async () => {
    const a = gradient(24, 20, 40);
    const b = gradient(24, 20, 200);
    const decoded = await pages(await encodeGif([a, b, a], 10));
    expect(decoded).toHaveLength(3);
    expect(Buffer.from(decoded[0]!).equals(Buffer.from(decoded[2]!))).toBe(true);
    expect(Buffer.from(decoded[0]!).equals(Buffer.from(decoded[1]!))).toBe(false);
  });

  it('keeps smooth gradients smooth: dithering preserves local averages, so no bands', async () => {
    const g = gradient(64, 64, 90);
    const [page] = await pages(await encodeGif([g], 10));
    expect(pixelError(page!, g.data).mean).toBeLessThan(4);
    // Banding shows as steps in the 4x4 block averages; dithering keeps them on the gradient
    // (except at the extreme corners of this full-range gradient, outside the palette's hull).
    const a = blockAverages(page!, 64, 4);
    const b = blockAverages(g.data, 64, 4);
    const errors = [...a].map((v, i) => Math.abs(v - b[i]!)).sort((x, y) => x - y);
    expect(pixelError(a, b).mean).toBeLessThan(1);
    expect(errors[Math.floor(errors.length * 0.95)]).toBeLessThanOrEqual(2);
  });

  it('is read by an independent decoder (ffmpeg) with every frame and the loop length', async () => {
    const file = await tempFile(await encodeGif(frames, 8), 'gif');
    try {
      const s = await probeVideo(file.path);
      expect(s.codec_name).toBe('gif');
      expect([s.width, s.height, s.nb_read_frames]).toEqual(['16', '12', '4']);
      expect(Number(s.duration)).toBeCloseTo(0.5, 2); // 4 frames at 8 fps
    } finally {
      await file.remove();
    }
  });

  it('writes the same bytes for the same frames', async () => {
    const x = await encodeGif([gradient(20, 20), solid(20, 20, [1, 2, 3])], 16);
    const y = await encodeGif([gradient(20, 20), solid(20, 20, [1, 2, 3])], 16);
    expect(Buffer.from(x).equals(Buffer.from(y))).toBe(true);
  });

  it('refuses frames of different sizes and empty animations', async () => {
    await expect(encodeGif([solid(4, 4, [0, 0, 0]), solid(5, 4, [0, 0, 0])], 10)).rejects.toThrow(RangeError);
    await expect(encodeGif([] as Rgb8[], 10)).rejects.toThrow(RangeError);
  });
});

describe('encodeAnimatedWebp', () => {
  it('is a looping animated WebP with the right pages, delays and colours', async () => {
    const frames = colours.map((c) => solid(16, 12, c));
    const webp = await encodeAnimatedWebp(frames, 16);
    const meta = await sharp(webp).metadata();
    expect(meta.format).toBe('webp');
    expect([meta.width, meta.height]).toEqual([16, 12]);
    expect(meta.pages).toBe(4);
    expect(meta.loop).toBe(0);
    expect(meta.delay).toEqual([63, 62, 63, 62]);
    const decoded = await pages(webp);
    decoded.forEach((page, i) => expect(pixelError(page, frames[i]!.data).mean).toBeLessThan(4));
  });

  it('encodes a frame shown twice once, at odd sizes, and keeps frames apart', async () => {
    const a = gradient(15, 9, 40);
    const b = solid(15, 9, [250, 250, 20]);
    const webp = await encodeAnimatedWebp([a, b, a], 10);
    const meta = await sharp(webp).metadata();
    expect([meta.width, meta.height, meta.pages]).toEqual([15, 9, 3]);
    const decoded = await pages(webp);
    expect(Buffer.from(decoded[0]!).equals(Buffer.from(decoded[2]!))).toBe(true);
    expect(pixelError(decoded[1]!, b.data).mean).toBeLessThan(4);
    expect(pixelError(decoded[0]!, a.data).mean).toBeLessThan(6);
  });

  it('refuses a non-positive fps', async () => {
    await expect(encodeAnimatedWebp([solid(4, 4, [0, 0, 0])], 0)).rejects.toThrow(RangeError);
  });
});
