import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { composeLinkPreview, encodeLinkPreview, linkPreviewHeight, linkPreviewLayout, type Rect } from '../../gpu-fn/src/encode/linkpreview.ts';
import { pixelAt, solid } from './encode-fixtures.ts';

const inside = (r: Rect, w: number, h: number) => r.x >= 0 && r.y >= 0 && r.x + r.width <= w && r.y + r.height <= h;
const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const centre = (r: Rect) => [Math.floor(r.x + r.width / 2), Math.floor(r.y + r.height / 2)] as const;

describe('linkPreviewLayout', () => {
  it('has the original proportions at 1200 px', () => {
    const l = linkPreviewLayout(1200);
    expect([l.width, l.height, l.faceSize, l.mixSize]).toEqual([1200, 628, 300, 512]);
    expect(l.from).toEqual({ x: 0, y: 164, width: 300, height: 300 });
    expect(l.to).toEqual({ x: 344, y: 164, width: 300, height: 300 });
    expect(l.mix).toEqual({ x: 688, y: 58, width: 512, height: 512 });
  });

  it('height is round(628 * width / 1200)', () => {
    expect(linkPreviewHeight(100)).toBe(52);
    expect(linkPreviewHeight(1400)).toBe(733);
    expect(linkPreviewHeight(1023)).toBe(535);
  });

  it('fits faces and symbols inside the picture without overlaps at every allowed width', () => {
    for (let w = 100; w <= 1400; w++) {
      const l = linkPreviewLayout(w);
      const faces = [l.from, l.to, l.mix];
      for (const r of [...faces, ...l.bars]) expect(inside(r, l.width, l.height), `width ${w}`).toBe(true);
      for (const bar of l.bars) for (const f of faces) expect(overlap(bar, f), `width ${w}`).toBe(false);
      expect(overlap(l.from, l.to) || overlap(l.to, l.mix)).toBe(false);
      expect(l.mix.x + l.mix.width).toBe(w); // flush with the right edge
      // `+` between from and to, `=` between to and mix, all vertically centred
      expect(centre(l.bars[0]!)[0]).toBeGreaterThanOrEqual(l.from.width);
      expect(centre(l.bars[0]!)[0]).toBeLessThan(l.to.x);
      expect(centre(l.bars[2]!)[0]).toBeGreaterThanOrEqual(l.to.x + l.to.width);
      expect(centre(l.bars[2]!)[0]).toBeLessThan(l.mix.x);
      expect(Math.abs(l.from.y + l.from.height / 2 - l.height / 2)).toBeLessThanOrEqual(1);
      expect(Math.abs(l.mix.y + l.mix.height / 2 - l.height / 2)).toBeLessThanOrEqual(1);
    }
  });
});

describe('composeLinkPreview', () => {
  const l = linkPreviewLayout(1200);
  const red = solid(l.faceSize, l.faceSize, [220, 30, 30]);
  const green = solid(l.faceSize, l.faceSize, [30, 200, 60]);
  const blue = solid(l.mixSize, l.mixSize, [40, 60, 230]);

  it('draws A + B = mix on white', () => {
    const img = composeLinkPreview(red, green, blue, 1200);
    expect([img.width, img.height]).toEqual([1200, 628]);
    expect(pixelAt(img, 0, 0)).toEqual([255, 255, 255]);
    expect(pixelAt(img, 1199, 627)).toEqual([255, 255, 255]);
    expect(pixelAt(img, 150, 314)).toEqual([220, 30, 30]);
    expect(pixelAt(img, 494, 314)).toEqual([30, 200, 60]);
    expect(pixelAt(img, 944, 314)).toEqual([40, 60, 230]);
    // + : centre and arms black, its corners white
    expect(pixelAt(img, 322, 314)).toEqual([0, 0, 0]);
    expect(pixelAt(img, 322, 302)).toEqual([0, 0, 0]);
    expect(pixelAt(img, 310, 314)).toEqual([0, 0, 0]);
    expect(pixelAt(img, 312, 304)).toEqual([255, 255, 255]);
    // = : two bars with white between them
    expect(pixelAt(img, 666, 306)).toEqual([0, 0, 0]);
    expect(pixelAt(img, 666, 322)).toEqual([0, 0, 0]);
    expect(pixelAt(img, 666, 314)).toEqual([255, 255, 255]);
  });

  it('refuses faces of the wrong size', () => {
    expect(() => composeLinkPreview(red, green, red, 1200)).toThrow(/mix face is 300x300, the layout needs 512x512/);
  });

  it('encodes a JPEG of the right size whose regions match the inputs', async () => {
    const small = linkPreviewLayout(400);
    const out = await encodeLinkPreview(
      solid(small.faceSize, small.faceSize, [220, 30, 30]),
      solid(small.faceSize, small.faceSize, [30, 200, 60]),
      solid(small.mixSize, small.mixSize, [40, 60, 230]),
      400,
    );
    expect(out.contentType).toBe('image/jpeg');
    const { data, info } = await sharp(out.body).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([400, 209, 3]);
    const img = { width: 400, height: 209, data: new Uint8Array(data) };
    const near = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - b[i]!) <= 6);
    expect(near(pixelAt(img, 3, 3), [255, 255, 255])).toBe(true);
    expect(near(pixelAt(img, ...centre(small.from)), [220, 30, 30])).toBe(true);
    expect(near(pixelAt(img, ...centre(small.to)), [30, 200, 60])).toBe(true);
    expect(near(pixelAt(img, ...centre(small.mix)), [40, 60, 230])).toBe(true);
  });
});
