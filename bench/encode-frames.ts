/** Synthetic face-like frames for the encoder benchmarks: skin gradients, hair, eyes, a moving light. */
import sharp from 'sharp';
import type { Rgb8 } from '../gpu-fn/src/engine/types.ts';

/** One size x size frame; `t` in [0, 1] shifts colours and shapes the way a morph does. */
export async function faceLikeFrame(size: number, t: number): Promise<Rgb8> {
  const skin = `rgb(${Math.round(224 - 90 * t)},${Math.round(172 - 70 * t)},${Math.round(140 - 60 * t)})`;
  const hair = `rgb(${Math.round(60 + 120 * t)},${Math.round(40 + 60 * t)},${Math.round(20 + 10 * t)})`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 100 100">
<defs><radialGradient id="s" cx="${40 + 10 * t}%" cy="40%" r="60%"><stop offset="0" stop-color="#fff" stop-opacity=".35"/><stop offset="1" stop-color="#000" stop-opacity=".25"/></radialGradient>
<linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#8ab"/><stop offset="1" stop-color="#cde"/></linearGradient></defs>
<rect width="100" height="100" fill="url(#bg)"/>
<ellipse cx="50" cy="${38 - 4 * t}" rx="${34 + 4 * t}" ry="32" fill="${hair}"/>
<ellipse cx="50" cy="55" rx="${26 + 3 * t}" ry="33" fill="${skin}"/><ellipse cx="50" cy="55" rx="${26 + 3 * t}" ry="33" fill="url(#s)"/>
<ellipse cx="39" cy="50" rx="5" ry="3" fill="#fff"/><circle cx="39" cy="50" r="2.4" fill="#365"/>
<ellipse cx="61" cy="50" rx="5" ry="3" fill="#fff"/><circle cx="61" cy="50" r="2.4" fill="#365"/>
<path d="M50 55 L46 66 L53 66" fill="none" stroke="#844" stroke-width="1"/>
<path d="M40 74 Q50 ${79 + 4 * t} 60 74" fill="none" stroke="#a44" stroke-width="2"/></svg>`;
  const { data, info } = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}

/** A morph-like sequence of `n` frames going from t = 0 to 1 and back (the trig schedule). */
export async function faceLikeMorph(size: number, n: number): Promise<Rgb8[]> {
  const frames: Rgb8[] = [];
  for (let i = 0; i < n; i++) frames.push(await faceLikeFrame(size, (1 - Math.cos((2 * Math.PI * i) / n)) / 2));
  return frames;
}
