/** Background, shoulders, neck, ears and the shaded head with its skin details. */
import type { Ctx } from './context.ts';
import { unit } from './palette.ts';
import { ellipseD, hex, n, op, p, shade, smoothPath, smoothstep, type Pt } from './svg.ts';

/** The head outline, clockwise from the crown. */
export function headOutline({ L, t }: Ctx): Pt[] {
  const { cheekU: ck, jawU: jw, chinU: cu, chinV: cv } = L;
  const midU = (ck + jw) / 2 + 0.02 + t.cheekFat * 0.03;
  const jawV = cv * 0.66 + t.jaw * 0.04 + t.jawAngle * 0.1;
  // Cheekbone and jaw-angle heights move apart from the widths, so outlines differ in shape, not just scale.
  const right: [number, number, number][] = [
    [0.62, -0.86, 0.15], [0.94, -0.42, 0.2], [ck, 0.04 + t.cheekV * 0.14, 0.3], [midU, 0.36 + t.jawAngle * 0.06, 0.42], [jw, jawV, 0.55], [cu, cv * 0.95, 0.8],
  ];
  const pts: Pt[] = [L.at(0, -1, 0.2)];
  for (const [u, v, d] of right) pts.push(L.at(u, v, d));
  pts.push(L.at(0, cv, 0.9));
  for (let i = right.length - 1; i >= 0; i--) {
    const [u, v, d] = right[i]!;
    pts.push(L.at(-u, v, d));
  }
  return pts;
}

/** Background gradient. */
export function background({ id }: Ctx): string {
  return `<rect width="100" height="100" fill="url(#${id}-bg)"/>`;
}

function neckGeometry({ L, t }: Ctx): { nw: number; nx: number; top: number; sh: number } {
  return { nw: L.hw * (0.56 + t.neck * 0.08), nx: L.cx + L.sinY * L.hw * 0.25, top: L.cy + L.hh * 0.5, sh: L.cy + L.hh * 1.42 };
}

/** Shoulders in a shirt. */
export function shoulders(ctx: Ctx): string {
  const { L, t, id, c } = ctx;
  const { nw, nx, sh } = neckGeometry(ctx);
  const sw = L.hw * (2.7 + t.neck * 0.25);
  const shirt = `<path d="M${n(nx - sw)},102L${n(nx - sw)},${n(sh + 14)}C${n(nx - sw)},${n(sh + 2)} ${n(nx - nw * 2)},${n(sh - 2)} ${n(nx - nw)},${n(sh - 3)}L${n(nx + nw)},${n(sh - 3)}C${n(nx + nw * 2)},${n(sh - 2)} ${n(nx + sw)},${n(sh + 2)} ${n(nx + sw)},${n(sh + 14)}L${n(nx + sw)},102Z" fill="url(#${id}-sr)"/>`;
  const collar = `<path d="M${n(nx - nw * 1.3)},${n(sh - 2.5)}Q${n(nx)},${n(sh + nw * 1.6)} ${n(nx + nw * 1.3)},${n(sh - 2.5)}" fill="none" stroke="${hex(shade(c.shirt, 0.6))}" stroke-width="1.2"/>`;
  return shirt + collar;
}

/** The neck, darkened under the jaw. */
export function neck(ctx: Ctx): string {
  const { id } = ctx;
  const { nw, nx, top, sh } = neckGeometry(ctx);
  return `<path d="M${n(nx - nw)},${n(top)}L${n(nx - nw * 1.04)},${n(sh)}Q${n(nx)},${n(sh + nw * 0.9)} ${n(nx + nw * 1.04)},${n(sh)}L${n(nx + nw)},${n(top)}Z" fill="url(#${id}-nk)"/>`;
}

/** Both ears, drawn behind the head; the far ear slides behind it as the head turns. */
export function ears(ctx: Ctx): string {
  const { L, t, id, c } = ctx;
  const h = (L.noseV - L.eyeV + 0.14) * L.hh * (1 + t.earSize * 0.1);
  let shape = '', fold = '';
  for (const s of [-1, 1]) {
    const [x, y] = L.at(s * L.cheekU * 0.93, (L.eyeV + L.noseV) / 2 + 0.03, -0.3);
    const w = h * 0.34 * Math.max(0.15, 1 - s * L.sinY * 1.8);
    const pts: Pt[] = [[x - s * w * 0.3, y - h * 0.45], [x + s * w * 0.6, y - h * 0.5], [x + s * w, y - h * 0.15], [x + s * w * 0.7, y + h * 0.3], [x + s * w * 0.15, y + h * 0.5], [x - s * w * 0.3, y + h * 0.1]];
    shape += smoothPath(pts, true, 0.9);
    fold += `M${p([x + s * w * 0.25, y - h * 0.3])}Q${p([x + s * w * 0.9, y - h * 0.25])} ${p([x + s * w * 0.6, y + h * 0.15])}`;
  }
  // One element per kind for both ears: librsvg's cost is mostly per element.
  return `<path d="${shape}" fill="url(#${id}-sk)"/><path d="${fold}" fill="none" stroke="${hex(shade(c.skin, 0.7))}" stroke-width="${n(h * 0.08)}" stroke-linecap="round" stroke-opacity="0.6"/>`;
}

/** The head, its rim shading, cheeks, eye sockets, freckles and age lines. */
export function head(ctx: Ctx): string {
  const { L, t, id, c } = ctx;
  const d = smoothPath(headOutline(ctx), true);
  let out = `<path d="${d}" fill="url(#${id}-sk)"/><path d="${d}" fill="url(#${id}-lt)"/>`;
  const ell = (u: number, v: number, dep: number, rx: number, ry: number, fill: string, o: number): string => {
    const [x, y] = L.at(u, v, dep);
    return `<ellipse cx="${n(x)}" cy="${n(y)}" rx="${n(rx * L.squeeze(u))}" ry="${n(ry)}" fill="url(#${fill})" fill-opacity="${op(o)}"/>`;
  };
  // Forehead light, cheek warmth, temple and under-cheekbone shade.
  const gloss = 0.45 + 0.45 * (1 - c.light);
  out += ell(-0.15, -0.55, 0.8, L.hw * 0.55, L.hh * 0.25, `${id}-hl`, gloss);
  const blush = 0.35 + 0.45 * unit(t.blush);
  const cheekSink = 0.25 + 0.35 * unit(-t.cheekFat);
  for (const s of [-1, 1]) {
    out += ell(s * 0.55, L.noseV - 0.05, 0.7, L.hw * 0.28, L.hh * 0.13, `${id}-bl`, blush);
    out += ell(s * (0.6 + t.cheekShape * 0.06) - 0.1, L.eyeV + 0.17 + t.cheekShape * 0.04, 0.7, L.hw * 0.2, L.hh * 0.07, `${id}-hl`, gloss * 0.7);
    // Cheek hollows: high and far out under prominent cheekbones, or low and in toward the mouth.
    out += ell(s * (0.8 - t.cheekShape * 0.14), L.noseV + 0.12 + t.cheekShape * 0.1, 0.4, L.hw * (0.18 + t.cheekShape * 0.04), L.hh * (0.22 - t.cheekShape * 0.05), `${id}-sh`, cheekSink * (1 + 0.4 * t.cheekShape));
    out += ell(s * (L.eyeU - 0.05), L.eyeV - 0.02, 0.75, L.hw * 0.3, L.hh * 0.13, `${id}-sh`, 0.55 + 0.45 * unit(t.deepSet));
    out += ell(s * L.eyeU, L.eyeV + 0.1, 0.8, L.hw * 0.22, L.hh * 0.06, `${id}-sh`, 0.5 * smoothstep(-0.6, 1, t.bags));
  }
  const fr = smoothstep(0.45, 0.9, t.freckles) * (0.2 + 0.4 * c.light);
  if (fr > 0.005) {
    const col = hex(shade(c.skin, 0.6));
    let dots = '';
    for (let i = 0; i < 22; i++) {
      const s = i % 2 ? 1 : -1;
      const u = s * (0.16 + ((i * 37) % 11) * 0.045);
      const v = L.noseV - 0.2 + ((i * 53) % 7) * 0.035;
      const [x, y] = L.at(u, v, L.surface(u, v));
      const r = 0.22 + ((i * 29) % 5) * 0.05;
      dots += ellipseD(x, y, r, r);
    }
    out += `<path d="${dots}" fill="${col}" fill-opacity="${op(fr)}"/>`;
  }
  const age = smoothstep(0.35, 0.95, t.age);
  const folds = Math.max(age, 0.25 + 0.75 * smoothstep(-0.6, 0.8, t.folds));
  if (folds > 0.005) out += ageLines(ctx, age, folds);
  return out;
}

function ageLines({ L, c }: Ctx, a: number, folds: number): string {
  const col = hex(shade(c.skin, 0.62));
  let d = '', f = '';
  for (const s of [-1, 1]) {
    const u0 = s * 0.3, u1 = s * 0.44;
    f += `M${p(L.at(u0, L.noseV - 0.04, 0.9))}Q${p(L.at(s * 0.46, L.noseV + 0.12, 0.8))} ${p(L.at(u1, L.mouthV + 0.06, 0.75))}`;
    d += `M${p(L.at(s * (L.eyeU + 0.12), L.eyeV + 0.1, 0.6))}Q${p(L.at(s * L.eyeU, L.eyeV + 0.17, 0.75))} ${p(L.at(s * (L.eyeU - 0.14), L.eyeV + 0.12, 0.8))}`;
  }
  for (const k of [0, 1]) {
    const v = L.browV - 0.13 - k * 0.09;
    d += `M${p(L.at(-0.35, v, 0.85))}Q${p(L.at(0, v - 0.03, 0.95))} ${p(L.at(0.35, v, 0.85))}`;
  }
  const fold = `<path d="${f}" fill="none" stroke="${col}" stroke-width="0.6" stroke-linecap="round" stroke-opacity="${op(folds * 0.7)}"/>`;
  return a > 0.005 ? `${fold}<path d="${d}" fill="none" stroke="${col}" stroke-width="0.55" stroke-linecap="round" stroke-opacity="${op(a * 0.7)}"/>` : fold;
}
