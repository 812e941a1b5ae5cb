/** Random faces as served: seeded standard-normal z, mapped, truncated (psi 0.7, first 8), rasterised by sharp. */
import sharp from 'sharp';
import { FACE_MODEL, W_AVG, faceSvg, mapping } from '../../shared/face/index.ts';
import { prng } from '../../shared/face/mapping.ts';
import { truncate } from '../../shared/latent/truncate.ts';

/** A seeded PRNG (mulberry32) for reproducible benchmark latents. */
export const seeded = prng;

/** z for face number i: 512 standard normals (Box-Muller) from seed i. */
export function zFor(i: number): Float64Array {
  const rnd = seeded(0x9e3779b9 ^ (i * 7919));
  const z = new Float64Array(FACE_MODEL.zDim);
  for (let k = 0; k < z.length; k += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - rnd())), a = 2 * Math.PI * rnd();
    z[k] = r * Math.cos(a);
    z[k + 1] = r * Math.sin(a);
  }
  return z;
}

/** ws for face number i, truncated as the service does. */
export function wsFor(i: number): Float32Array {
  return truncate(mapping(zFor(i)), W_AVG, FACE_MODEL.numWs, 0.7, 8);
}

/** Raw RGB of an SVG at size x size, as gpu-fn rasterises it. */
export async function rasterise(svg: string, size: number): Promise<Buffer> {
  return sharp(Buffer.from(svg), { density: 72 }).resize(size, size, { fit: 'fill' }).removeAlpha().raw().toBuffer();
}

/** The SVG of face number i at a size. */
export function svgFor(i: number, size: number): string {
  return faceSvg(wsFor(i), { size });
}
