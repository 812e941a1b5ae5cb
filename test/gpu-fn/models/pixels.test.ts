/** Float images to 8-bit pixels the way NVIDIA's scripts do: trunc(clamp(x * 127.5 + 128, 0, 255)). */
import { describe, expect, it } from 'vitest';
import { imagesToRgb8 } from '../../../gpu-fn/src/engine/stylegan2.ts';

describe('imagesToRgb8', () => {
  it('scales, clamps and truncates toward zero, in float32, and interleaves channels', () => {
    // One 1 x 4 image, planes R, G, B (NCHW).
    const r = [-1, 1, 0, -2];
    const g = [-0.00392156862745098, 0.9999, 5, 0.5];
    const b = [-1.0039, 0.0039, -0.99999, 0.996];
    const [img] = imagesToRgb8(Float32Array.from([...r, ...g, ...b]), 1, 3, 1, 4);
    expect(img!.width).toBe(4);
    // R: 0.5 -> 0, 255.5 -> 255, 128, clamped 0. G: 127.5 -> 127, 255.487 -> 255, clamp 255, 191.75 -> 191.
    // B: clamped 0, 128.497 -> 128, 0.50128 -> 0, 254.99 -> 254.
    expect([...img!.data]).toEqual([0, 127, 0, 255, 255, 128, 128, 255, 0, 0, 191, 254]);
  });

  it('splits a batch into separate pictures', () => {
    const imgs = imagesToRgb8(Float32Array.from([...Array(3).fill(0), ...Array(3).fill(-1)]), 2, 3, 1, 1);
    expect(imgs.map((i) => [...i.data])).toEqual([[128, 128, 128], [0, 0, 0]]);
  });
});
