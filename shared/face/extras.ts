/** Facial hair and glasses: both fade in with their traits, so a face never jumps into a beard. */
import type { Ctx } from './context.ts';
import { hex, n, op, p, shade, smoothPath, smoothstep, type Pt } from './svg.ts';
import { unit } from './palette.ts';

/** Beard, moustache and stubble, sharing the hair colour. */
export function facialHair(ctx: Ctx): string {
  const { L, t, c, id } = ctx;
  const fem = smoothstep(0.5, 0.9, t.makeup);
  const beard = smoothstep(0.5, 0.8, t.beard) * (1 - fem) * (1 - 0.8 * smoothstep(0.3, 0.9, t.hairLen));
  const must = smoothstep(0.5, 0.9, t.moustache) * (1 - fem) * (1 - beard);
  const stub = smoothstep(0.4, 0.9, t.stubble) * (1 - fem) * (1 - 0.8 * smoothstep(0.3, 0.9, t.hairLen)) * 0.22;
  let out = '';
  const full = 0.5 + 0.5 * unit(t.hairVol);
  const jaw = (k: number): Pt[] => {
    const { jawU: jw, chinU: cu, chinV: cv, cheekU: ck } = L;
    const g = 1 + k;
    return [
      L.at(-ck * 0.95, L.eyeV + 0.12, 0.3), L.at(-(ck + jw) / 2 * g, 0.42, 0.42), L.at(-jw * g, cv * 0.7, 0.55),
      L.at(-cu * g, cv * 0.96 + k * 0.6, 0.8), L.at(0, cv + k * 0.7, 0.9), L.at(cu * g, cv * 0.96 + k * 0.6, 0.8),
      L.at(jw * g, cv * 0.7, 0.55), L.at((ck + jw) / 2 * g, 0.42, 0.42), L.at(ck * 0.95, L.eyeV + 0.12, 0.3),
    ];
  };
  // The beard covers the upper lip too (the lips are drawn over it): a hole around the mouth read as a wide-open mouth.
  const inner = (): Pt[] => [
    L.at(0.88, L.eyeV + 0.2, 0.3), L.at(0.68, L.noseV + 0.0, 0.6), L.at(0.36, L.noseV + 0.07, 0.85), L.at(0, L.noseV + 0.06, 0.95),
    L.at(-0.36, L.noseV + 0.07, 0.85), L.at(-0.68, L.noseV + 0.0, 0.6), L.at(-0.88, L.eyeV + 0.2, 0.3),
  ];
  if (stub > 0.005) {
    out += `<path d="${smoothPath([...jaw(0), ...inner()], true, 0.8)}" fill="${hex(shade(c.hair, 0.7))}" fill-opacity="${op(stub)}"/>`;
  }
  if (beard > 0.005) {
    out += `<path d="${smoothPath([...jaw(0.06 * full * beard), ...inner()], true, 0.8)}" fill="url(#${id}-hr)" fill-opacity="${op(beard)}"/>`;
  }
  if (must > 0.005) {
    const mw = (0.33 + t.mouthW * 0.14) * 1.05;
    const base = L.mouthV - 0.035, top = Math.max(L.noseV + 0.08, base - 0.08);
    const pts: Pt[] = [L.at(-mw * 0.95, base + 0.03, 0.8), L.at(-mw * 0.6, top + 0.02, 0.9), L.at(0, top, 1), L.at(mw * 0.6, top + 0.02, 0.9), L.at(mw * 0.95, base + 0.03, 0.8), L.at(mw * 0.5, base - 0.02, 0.9), L.at(0, base - 0.03, 0.95), L.at(-mw * 0.5, base - 0.02, 0.9)];
    out += `<path d="${smoothPath(pts, true, 0.8)}" fill="${hex(shade(c.hair, 0.85))}" fill-opacity="${op(must)}"/>`;
  }
  return out;
}

/** Glasses: frames that grow in and out of view with the trait, round to rectangular. */
export function glasses({ L, t, c }: Ctx): string {
  const g = smoothstep(0.72, 0.9, t.glasses);
  if (g < 0.005) return '';
  const ew = L.hw * (0.215 + t.eyeW * 0.07);
  const round = unit(t.glassShape);
  const col = hex(c.frame);
  const sw = 0.3 + 0.25 * (1 - unit(t.frameTone));
  let lens = '', arms = '';
  const rims: Pt[] = [];
  for (const s of [-1, 1]) {
    const u = s * L.eyeU;
    const [x, y] = L.at(u, L.eyeV + 0.02, L.surface(u, L.eyeV) + 0.15);
    const w = ew * 1.45 * L.squeeze(u), h = ew * (0.9 + 0.25 * round);
    const r = Math.min(w, h) * (0.25 + 0.7 * round);
    lens += `<rect x="${n(x - w)}" y="${n(y - h)}" width="${n(2 * w)}" height="${n(2 * h)}" rx="${n(r)}"/>`;
    rims.push([x - s * w, y - h * 0.3]);
    const [ex, ey] = L.at(s * L.cheekU * 0.98, L.eyeV - 0.02, 0.1);
    arms += `M${p([x + s * w, y - h * 0.4])}L${n(ex)},${n(ey)}`;
  }
  const [a, b] = rims as [Pt, Pt];
  const bridge = `M${p(a)}Q${n((a[0] + b[0]) / 2)},${n(a[1] - L.hh * 0.04)} ${p(b)}`;
  return `<g fill="none" stroke="${col}" stroke-opacity="${op(g)}" stroke-width="${n(sw)}">${lens}</g>` +
    `<path d="${bridge}${arms}" fill="none" stroke="${col}" stroke-opacity="${op(g)}" stroke-width="${n(sw)}"/>`;
}
