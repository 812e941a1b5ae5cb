import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { encodeImage, rasterizeSvg } from '../../gpu-fn/src/encode/image.ts';
import { gradient, pixelAt, pixelError, solid } from './encode-fixtures.ts';

async function decode(body: Uint8Array) {
  const { data, info } = await sharp(body).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), info };
}

describe('encodeImage', () => {
  const img = gradient(64, 48);

  it.each([
    ['jpg', 'image/jpeg', 'jpeg'],
    ['webp', 'image/webp', 'webp'],
    ['png', 'image/png', 'png'],
  ] as const)('%s: right content type, format and size, pixels close to the input', async (format, contentType, sharpFormat) => {
    const out = await encodeImage(img, format);
    expect(out.contentType).toBe(contentType);
    const meta = await sharp(out.body).metadata();
    expect(meta.format).toBe(sharpFormat);
    expect([meta.width, meta.height]).toEqual([64, 48]);
    const { data, info } = await decode(out.body);
    expect(info.channels).toBe(3);
    const err = pixelError(data, img.data);
    if (format === 'png') expect(err.max).toBe(0);
    else expect(err.mean).toBeLessThan(3);
  });

  it('writes the same bytes for the same pixels', async () => {
    for (const format of ['jpg', 'webp', 'png'] as const) {
      const a = await encodeImage(img, format);
      const b = await encodeImage(gradient(64, 48), format);
      expect(Buffer.from(a.body).equals(Buffer.from(b.body))).toBe(true);
    }
  });

  it('encodes odd sizes and keeps a solid colour within JPEG tolerance', async () => {
    const out = await encodeImage(solid(11, 7, [200, 60, 40]), 'jpg');
    const { data, info } = await decode(out.body);
    expect([info.width, info.height]).toEqual([11, 7]);
    expect(pixelError(data, solid(11, 7, [200, 60, 40]).data).max).toBeLessThanOrEqual(4);
  });
});

describe('rasterizeSvg', () => {
  it('draws the SVG at the requested size', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20" viewBox="0 0 2 2"><rect width="1" height="2" fill="#ff0000"/><rect x="1" width="1" height="2" fill="#0000ff"/></svg>';
    const img = await rasterizeSvg(svg, 20);
    expect([img.width, img.height, img.data.length]).toEqual([20, 20, 20 * 20 * 3]);
    expect(pixelAt(img, 2, 10)).toEqual([255, 0, 0]);
    expect(pixelAt(img, 17, 10)).toEqual([0, 0, 255]);
  });
});
