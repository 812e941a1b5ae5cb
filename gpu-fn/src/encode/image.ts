/** sharp lives here: rasterising, resizing and encoding still images. */
import sharp from 'sharp';
import type { Rgb8 } from '../engine/types.ts';

/** Rasterises an SVG document to a size x size RGB image. */
export async function rasterizeSvg(svg: string, size: number): Promise<Rgb8> {
  const { data, info } = await sharp(Buffer.from(svg), { density: 72 })
    .resize(size, size, { fit: 'fill' })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}
