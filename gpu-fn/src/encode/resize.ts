/** Lanczos resizing of raw RGB images with sharp (the original service used PIL's ANTIALIAS, a Lanczos filter). */
import sharp from 'sharp';
import type { Rgb8 } from '../engine/types.ts';

/** Resizes an RGB8 image to size x size with a Lanczos-3 kernel; returns the input when already that size. */
export async function resizeRgb(img: Rgb8, size: number): Promise<Rgb8> {
  if (img.width === size && img.height === size) return img;
  const { data, info } = await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } })
    .resize(size, size, { fit: 'fill', kernel: 'lanczos3' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}
